// A strict CSV reader (RFC 4180) for files operators bring in: households, members, bank
// statements, merchant lists. Strict because a lenient reader turns a misplaced quote into a
// wrong amount credited to someone; every problem is reported with the file, the physical line
// where the record starts and, for a value, the column:
//
//   households.csv:14: column adults: "deux" is not a whole number
//
// What is accepted: UTF-8 with or without a byte order mark; records ending in LF or CRLF (the
// last one may have no line end); ',' or ';' between fields (one per file, chosen by the caller);
// fields in double quotes may hold the separator, line breaks and doubled quotes ("say ""hi""").
// Empty lines are skipped. The first line is a header naming each column once; columns are
// matched by name, so their order is free. Refused: other encodings, a quote inside an unquoted
// field, text after a closing quote, an unclosed quote, a carriage return alone, a record with
// more or fewer fields than the header, unknown, duplicated or missing columns. Values are kept
// exactly as written (no trimming); the typed getters refuse surrounding spaces.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/month.hpp"
#include "core/result.hpp"
#include "csv/iso_date.hpp"

namespace caisse::host::csv {

struct ColumnSpec {
  std::string name;
  bool required = true;  // an optional column may be left out of the header
};

struct ReadOptions {
  char separator = ',';             // ',' or ';'
  std::vector<ColumnSpec> columns;  // every column the file may have
  std::size_t max_errors = 50;      // structural errors reported before giving up
};

// The header of one file, shared by its records.
struct Header {
  std::string file;                  // as errors name it: "households.csv"
  std::vector<std::string> columns;  // in file order
  std::vector<ColumnSpec> spec;      // ReadOptions::columns
};

// One record: its fields by column name, and where it starts. A getter asked for a column that
// is not in ReadOptions::columns is a bug (std::invalid_argument).
class Record {
 public:
  Record(std::shared_ptr<const Header> header, std::size_t line, std::vector<std::string> fields);

  // The physical line where the record starts (1 is the header).
  std::size_t line() const { return line_; }
  // "households.csv:14", the prefix of every error about this record.
  std::string position() const;
  // An error about `column` of this record: "households.csv:14: column adults: <message>".
  Error error(std::string_view column, std::string_view message) const;
  // An error about the whole record: "households.csv:14: <message>".
  Error error(std::string_view message) const;

  // Whether the file has this (optional) column at all.
  bool has(std::string_view column) const;
  // The text as written; "" when the column is absent from the file.
  std::string_view text(std::string_view column) const;
  // The text, which must not be empty nor start or end with a space.
  Result<std::string> required_text(std::string_view column) const;
  // nullopt when the cell is empty or the column absent; otherwise as required_text.
  Result<std::optional<std::string>> optional_text(std::string_view column) const;
  // "12", "-3": digits with an optional leading '-', within int64.
  Result<std::int64_t> whole_number(std::string_view column) const;
  Result<std::optional<std::int64_t>> optional_whole_number(std::string_view column) const;
  // "12.50", "12,50" in minor units of a currency with `minor_unit` decimals
  // (money::parse_decimal).
  Result<std::int64_t> amount(std::string_view column, int minor_unit) const;
  // "2026-11-05".
  Result<Date> date(std::string_view column) const;
  Result<std::optional<Date>> optional_date(std::string_view column) const;
  // "2026-11".
  Result<Month> month(std::string_view column) const;

 private:
  // nullopt when the column is absent from the file; throws for an undeclared column.
  std::optional<std::size_t> index_of(std::string_view column) const;

  std::shared_ptr<const Header> header_;
  std::size_t line_;
  std::vector<std::string> fields_;
};

struct Table {
  std::shared_ptr<const Header> header;
  std::vector<Record> records;  // in file order, header excluded
};

// Reads a whole file. `file_name` only names the file in errors. On failure the error lists
// every structural problem found (one per line, up to options.max_errors), ErrorKind::invalid.
Result<Table> read_csv(std::string_view file_name, std::string_view bytes,
                       const ReadOptions& options);

}  // namespace caisse::host::csv
