#include "store/conninfo.hpp"

#include <libpq-fe.h>

#include <memory>

namespace caisse::host::store {
namespace {

struct OptionsDeleter {
  void operator()(PQconninfoOption* options) const { PQconninfoFree(options); }
};
using ParsedOptions = std::unique_ptr<PQconninfoOption, OptionsDeleter>;

Result<ParsedOptions> parse(std::string_view conninfo) {
  char* message = nullptr;
  ParsedOptions options(PQconninfoParse(std::string(conninfo).c_str(), &message));
  if (!options) {
    // libpq's message quotes the offending fragment only, never the whole string.
    std::string why = message ? message : "out of memory";
    PQfreemem(message);
    while (!why.empty() && why.back() == '\n') why.pop_back();
    return make_error("invalid PostgreSQL connection string: " + why);
  }
  return options;
}

// Writes every set option back as `key='value'`, with `replace(keyword)` giving a substitute
// value or nullptr to keep the original.
template <class Replace>
std::string serialise(const PQconninfoOption* options, Replace replace) {
  std::string out;
  for (const PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
    const char* substitute = replace(std::string_view(o->keyword));
    const char* value = substitute ? substitute : o->val;
    if (value == nullptr) continue;
    if (!out.empty()) out += ' ';
    out += o->keyword;
    out += '=';
    out += quote_conninfo_value(value);
  }
  return out;
}

}  // namespace

std::string quote_conninfo_value(std::string_view value) {
  std::string quoted = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') quoted += '\\';
    quoted += c;
  }
  quoted += '\'';
  return quoted;
}

std::string redact_conninfo(std::string_view conninfo) {
  auto options = parse(conninfo);
  if (!options) return "<unparseable connection string>";
  return serialise(options->get(), [](std::string_view keyword) -> const char* {
    return keyword == "password" ? "***" : nullptr;
  });
}

Result<std::string> conninfo_with_dbname(std::string_view conninfo, std::string_view dbname) {
  auto options = parse(conninfo);
  if (!options) return options.error();
  std::string name(dbname);
  return serialise(options->get(), [&](std::string_view keyword) -> const char* {
    return keyword == "dbname" ? name.c_str() : nullptr;
  });
}

}  // namespace caisse::host::store
