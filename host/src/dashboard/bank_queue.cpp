#include "dashboard/bank_queue.hpp"

#include "dashboard/sql_numbers.hpp"

namespace caisse::host::dashboard {

Result<BankQueue> bank_queue(store::PgConnection& db, std::string_view caisse_id) {
  auto rows = db.exec_params(
      "SELECT count(*), coalesce(sum(amount_minor), 0), to_char(min(booking_date), 'YYYY-MM-DD')"
      "  FROM statement_lines WHERE caisse_id = $1 AND status = 'unmatched'",
      {std::string(caisse_id)});
  if (!rows) return rows.error();
  return BankQueue{int64_at(*rows, 0, 0), int64_at(*rows, 0, 1), text_at(*rows, 0, 2)};
}

}  // namespace caisse::host::dashboard
