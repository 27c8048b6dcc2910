#include "csv_codec.hpp"

namespace caisse::adapters::file_exchange_kit {

std::optional<std::vector<std::string>> read_record(std::string_view text, std::size_t& pos,
                                                    char separator, std::string& error,
                                                    int* lines) {
  if (pos >= text.size()) return std::nullopt;
  std::vector<std::string> fields(1);
  bool quoted = false;
  int breaks = 0;
  while (pos < text.size()) {
    const char c = text[pos++];
    if (quoted) {
      if (c == '\n') ++breaks;
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
    } else if (c == separator) {
      fields.emplace_back();
    } else if (c == '\n') {
      ++breaks;
      break;
    } else if (c == '\r' && pos < text.size() && text[pos] == '\n') {
      ++pos;
      ++breaks;
      break;
    } else {
      fields.back() += c;
    }
  }
  if (lines != nullptr) *lines += breaks;
  if (quoted) {
    error = "a quoted field is not closed";
    return std::nullopt;
  }
  return fields;
}

std::string write_record(const std::vector<std::string>& fields, char separator,
                         std::string_view line_end) {
  const char special[] = {separator, '"', '\r', '\n', '\0'};
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += separator;
    const std::string& f = fields[i];
    if (f.find_first_of(special) == std::string::npos) {
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
  out += line_end;
  return out;
}

}  // namespace caisse::adapters::file_exchange_kit
