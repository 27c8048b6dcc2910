#include "semicolon_csv.hpp"

namespace caisse::adapters::file_exchange {

std::optional<std::vector<std::string>> read_record(std::string_view text, std::size_t& pos,
                                                    std::string& error) {
  if (pos >= text.size()) return std::nullopt;
  std::vector<std::string> fields(1);
  bool quoted = false;
  while (pos < text.size()) {
    const char c = text[pos++];
    if (quoted) {
      if (c != '"') {
        fields.back() += c;
      } else if (pos < text.size() && text[pos] == '"') {
        fields.back() += '"';
        ++pos;
      } else {
        quoted = false;
      }
    } else if (c == '"' && fields.back().empty()) {
      quoted = true;
    } else if (c == ';') {
      fields.emplace_back();
    } else if (c == '\n') {
      break;
    } else if (c == '\r' && pos < text.size() && text[pos] == '\n') {
      ++pos;
      break;
    } else {
      fields.back() += c;
    }
  }
  if (quoted) {
    error = "a quoted field is not closed";
    return std::nullopt;
  }
  return fields;
}

std::string write_record(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ';';
    const std::string& f = fields[i];
    if (f.find_first_of(";\"\r\n") == std::string::npos) {
      out += f;
      continue;
    }
    out += '"';
    for (char c : f) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  return out + "\n";
}

}  // namespace caisse::adapters::file_exchange
