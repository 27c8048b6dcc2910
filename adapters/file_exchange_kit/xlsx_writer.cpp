// The XLSX side of table_writer.hpp, through libxlsxwriter (the one place that includes it).
#include <xlsxwriter.h>

#include <ctime>
#include <memory>
#include <string>

#include "file_errors.hpp"
#include "table_writer.hpp"

namespace caisse::adapters::file_exchange_kit {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what) {
  throw FileAccessError(path.string() + ": cannot write the workbook: " + what);
}

void check(lxw_error error, const std::filesystem::path& path, const char* what) {
  if (error != LXW_NO_ERROR) fail(path, std::string(what) + ": " + lxw_strerror(error));
}

}  // namespace

void write_xlsx(const std::filesystem::path& path, const TableFormat& format, const Table& table,
                std::int64_t created_ms) {
  // workbook_close frees the workbook whatever happens; the guard closes it on an early exit.
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (workbook == nullptr) fail(path, "cannot create it");
  const auto closer = [](lxw_workbook* w) { workbook_close(w); };
  std::unique_ptr<lxw_workbook, decltype(closer)> guard(workbook, closer);

  lxw_doc_properties properties{};
  properties.created = static_cast<time_t>(created_ms / 1000);
  check(workbook_set_properties(workbook, &properties), path, "properties");
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, format.sheet.c_str());
  if (sheet == nullptr) fail(path, "cannot add the sheet \"" + format.sheet + "\"");

  lxw_row_t row = 0;
  const auto write_row = [&](const std::vector<std::string>& cells) {
    for (std::size_t col = 0; col < cells.size(); ++col) {
      if (cells[col].empty()) continue;  // an empty string cell would still be a cell
      check(worksheet_write_string(sheet, row, static_cast<lxw_col_t>(col), cells[col].c_str(),
                                   nullptr),
            path, "cell");
    }
    ++row;
  };
  if (format.header) write_row(table.header);
  for (const auto& cells : table.rows) write_row(cells);

  workbook = guard.release();
  check(workbook_close(workbook), path, "close");
}

}  // namespace caisse::adapters::file_exchange_kit
