#include "ctl/answer_fields.hpp"

#include <boost/json/serialize.hpp>
#include <limits>

#include "money/money.hpp"

namespace caisse::host::ctl::fields {

namespace json = boost::json;

const json::value* member(const json::value* v, std::string_view key) {
  if (v == nullptr) return nullptr;
  const json::object* o = v->if_object();
  return o ? o->if_contains(key) : nullptr;
}

const json::value* member(const json::value& v, std::string_view key) {
  return member(&v, key);
}

const json::array* array_member(const json::value& v, std::string_view key) {
  const json::value* m = member(v, key);
  return m ? m->if_array() : nullptr;
}

std::string clean(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    out.push_back(byte < 0x20 || byte == 0x7F ? ' ' : c);
  }
  return out;
}

std::string text(const json::value* v) {
  if (v == nullptr || v->is_null()) return "-";
  if (const auto* s = v->if_string()) return s->empty() ? "-" : clean(*s);
  if (const auto* b = v->if_bool()) return *b ? "yes" : "no";
  if (const auto* i = v->if_int64()) return std::to_string(*i);
  if (const auto* u = v->if_uint64()) return std::to_string(*u);
  if (const auto* a = v->if_array()) {
    if (a->empty()) return "-";
    std::string out;
    for (const auto& item : *a) {
      if (!out.empty()) out += ",";
      out += text(&item);
    }
    return out;
  }
  return clean(json::serialize(*v));
}

std::string text(const json::value& v, std::string_view key) {
  return text(member(v, key));
}

std::optional<std::int64_t> integer(const json::value* v) {
  if (v == nullptr) return std::nullopt;
  if (const auto* i = v->if_int64()) return *i;
  if (const auto* u = v->if_uint64()) {
    if (*u <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      return static_cast<std::int64_t>(*u);
    }
  }
  return std::nullopt;
}

std::optional<int> minor_unit_of(const json::value& answer) {
  auto unit = integer(member(answer, "minor_unit"));
  if (!unit || *unit < 0 || *unit > 9) return std::nullopt;
  return static_cast<int>(*unit);
}

std::string amount(const json::value* v, std::optional<int> minor_unit) {
  auto minor = integer(v);
  if (!minor) return text(v);
  if (!minor_unit) return std::to_string(*minor) + " minor units";
  return money::format_decimal(*minor, *minor_unit);
}

std::string count_of(const json::value* v, std::string_view noun) {
  auto n = integer(v);
  return text(v) + " " + std::string(noun) + (n && *n == 1 ? "" : "s");
}

}  // namespace caisse::host::ctl::fields
