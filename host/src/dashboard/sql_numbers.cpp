#include "dashboard/sql_numbers.hpp"

namespace caisse::host::dashboard {

std::int64_t int64_at(const store::PgResult& rows, int row, int column) {
  if (rows.is_null(row, column)) return 0;
  return std::stoll(std::string(rows.get(row, column)));
}

std::optional<std::string> text_at(const store::PgResult& rows, int row, int column) {
  if (rows.is_null(row, column)) return std::nullopt;
  return std::string(rows.get(row, column));
}

}  // namespace caisse::host::dashboard
