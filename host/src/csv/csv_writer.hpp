// Writing CSV files operators open in a spreadsheet (exports of the registry, the monthly batch
// file): RFC 4180 with LF line ends and UTF-8 without a byte order mark, read back as is by
// csv_reader.hpp. A field is quoted when it holds the separator, a quote, a line break or
// surrounding spaces. A field a spreadsheet would run as a formula ("=HYPERLINK(…)", "@SUM(…)",
// "+33 6…", "-x") is written with a leading apostrophe, so opening an export never executes
// what someone typed into a name; numbers such as "-3" or "+12.50" are left alone.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace caisse::host::csv {

// One field as it appears in the file: quoted and neutralised when needed.
std::string escape_field(std::string_view value, char separator = ',');

// The inverse, for importers reading back files this writer produced: "'=SUM(A1)" ->
// "=SUM(A1)". Anything else, "'hello" included, is returned as is.
std::string_view without_formula_guard(std::string_view value);

// Builds a whole file in memory: the header first, then rows with as many fields.
class Writer {
 public:
  // Writes the header row. `separator` is ',' or ';' (anything else is a bug:
  // std::invalid_argument).
  explicit Writer(const std::vector<std::string>& columns, char separator = ',');

  // Appends one row; a row with another number of fields than the header is a bug
  // (std::invalid_argument).
  void row(const std::vector<std::string>& fields);

  std::size_t rows() const { return rows_; }
  const std::string& text() const { return text_; }
  std::string take() { return std::move(text_); }

 private:
  void append(const std::vector<std::string>& fields);

  std::size_t columns_;
  char separator_;
  std::size_t rows_ = 0;
  std::string text_;
};

}  // namespace caisse::host::csv
