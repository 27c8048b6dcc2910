#include "csv/csv_writer.hpp"

#include <stdexcept>

namespace caisse::host::csv {
namespace {

bool is_number(std::string_view text) {
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
  if (text.empty()) return false;
  bool digit = false;
  bool decimal_mark = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if ((c == '.' || c == ',') && !decimal_mark) {
      decimal_mark = true;
    } else {
      return false;
    }
  }
  return digit;
}

// Spreadsheets evaluate a cell starting with one of these (CSV injection).
bool looks_like_formula(std::string_view value) {
  if (value.empty()) return false;
  const char first = value.front();
  if (first == '=' || first == '@' || first == '\t' || first == '\r') return true;
  if (first == '+' || first == '-') return !is_number(value);
  return false;
}

}  // namespace

std::string escape_field(std::string_view value, char separator) {
  std::string text;
  if (looks_like_formula(value)) text += '\'';
  text += value;
  const bool quote =
      text.find_first_of(std::string{separator, '"', '\n', '\r'}) != std::string::npos ||
      (!text.empty() && (text.front() == ' ' || text.back() == ' '));
  if (!quote) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string_view without_formula_guard(std::string_view value) {
  if (value.size() >= 2 && value.front() == '\'' && looks_like_formula(value.substr(1))) {
    return value.substr(1);
  }
  return value;
}

Writer::Writer(const std::vector<std::string>& columns, char separator)
    : columns_(columns.size()), separator_(separator) {
  if (separator != ',' && separator != ';') {
    throw std::invalid_argument("csv: the separator is ',' or ';'");
  }
  if (columns.empty()) throw std::invalid_argument("csv: a file has at least one column");
  append(columns);
}

void Writer::row(const std::vector<std::string>& fields) {
  if (fields.size() != columns_) {
    throw std::invalid_argument("csv: a row of " + std::to_string(fields.size()) +
                                " fields in a file of " + std::to_string(columns_) + " columns");
  }
  append(fields);
  ++rows_;
}

void Writer::append(const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) text_ += separator_;
    text_ += escape_field(fields[i], separator_);
  }
  text_ += '\n';
}

}  // namespace caisse::host::csv
