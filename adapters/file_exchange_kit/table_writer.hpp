// A table caissed writes for an operator (a credit file, the accredited-merchant file), as CSV
// or XLSX per the mapping, replacing the file atomically. Every cell is text: amounts are
// formatted by the caller, since a spreadsheet number would be a floating-point value.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "mapping.hpp"

namespace caisse::adapters::file_exchange_kit {

struct Table {
  std::vector<std::string> header;  // written only when format.header
  std::vector<std::vector<std::string>> rows;
};

// The CSV bytes of `table`: optional BOM, the separator and line end of `format`.
std::string render_csv(const TableFormat& format, const Table& table);

// Writes `table` to `path` (CSV or XLSX), atomically. `created_ms` is the XLSX creation time
// (the host clock), so that the file does not depend on the system clock. Throws
// FileAccessError.
void write_table(const std::filesystem::path& path, const TableFormat& format, const Table& table,
                 std::int64_t created_ms);

// The XLSX part: writes a workbook with one sheet at `path` (not atomic; write_table is).
void write_xlsx(const std::filesystem::path& path, const TableFormat& format, const Table& table,
                std::int64_t created_ms);

}  // namespace caisse::adapters::file_exchange_kit
