#include "table_writer.hpp"

#include "atomic_file.hpp"
#include "csv_codec.hpp"
#include "text_encoding.hpp"

namespace caisse::adapters::file_exchange_kit {

std::string render_csv(const TableFormat& format, const Table& table) {
  std::string out = format.bom ? std::string(kUtf8Bom) : std::string();
  if (format.header) out += write_record(table.header, format.separator, format.line_end);
  for (const auto& row : table.rows) out += write_record(row, format.separator, format.line_end);
  return out;
}

void write_table(const std::filesystem::path& path, const TableFormat& format, const Table& table,
                 std::int64_t created_ms) {
  if (format.format == FileFormat::csv) {
    write_atomically(path, render_csv(format, table));
    return;
  }
  replace_atomically(path, [&](const std::filesystem::path& temp) {
    write_xlsx(temp, format, table, created_ms);
  });
}

}  // namespace caisse::adapters::file_exchange_kit
