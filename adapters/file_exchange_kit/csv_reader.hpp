// A CSV file someone else wrote (a confirmation, a transaction export, an accounts list): its
// header, then its rows one at a time, each numbered, so that every complaint can name the file,
// the line and the column: "export-2026-11.csv:12: Montant: ...". Rows are not kept: a
// million-line confirmation costs its text, not a copy of every field.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ascii_text.hpp"
#include "mapping.hpp"

namespace caisse::adapters::file_exchange_kit {

struct CsvRow {
  int line = 0;  // where the record starts, 1-based
  std::vector<std::string> fields;
};

class CsvReader {
 public:
  // Reads and decodes the whole file and its header, the first non-blank line after
  // dialect.skip_lines. Throws FileAccessError when the file cannot be read, FileFormatError for
  // bad bytes, an unclosed quote in the header, or no header at all.
  CsvReader(const std::filesystem::path& path, const CsvDialect& dialect);

  // The next non-blank row, with as many fields as the header; false at the end. Throws
  // FileFormatError for an unclosed quote or a row with fewer fields than the header, or with
  // more that are not empty (spreadsheets add empty ones).
  bool next(CsvRow& row);

  // The index of the column titled `header` (compared without surrounding spaces). Throws
  // FileFormatError naming the mapping key (`key`, "transactions.columns.amount") when the
  // header has no such column or has it twice.
  std::size_t column(std::string_view header, std::string_view key) const;
  // The same for an optional column of the mapping: nullopt when `header` is empty.
  std::optional<std::size_t> optional_column(std::string_view header, std::string_view key) const;

  const std::string& name() const { return name_; }
  // Field `index` of `row`, without surrounding spaces.
  static std::string_view field(const CsvRow& row, std::size_t index);
  // "<file>:<line>"
  std::string where(const CsvRow& row) const;
  // Throws FileFormatError "<file>:<line>: <column header>: <reason>".
  [[noreturn]] void fail(const CsvRow& row, std::size_t column, std::string_view reason) const;

 private:
  // The next non-blank record, or false at the end.
  bool next_record(std::vector<std::string>& fields, int& start);

  std::string name_;
  std::string text_;
  std::size_t pos_ = 0;
  int line_ = 1;  // the line the next record starts on
  char separator_ = ';';
  int header_line_ = 0;
  std::vector<std::string> header_;
};

}  // namespace caisse::adapters::file_exchange_kit
