// The bank statement lines no rule matched and no operator has decided yet (bank/line_queue.hpp):
// how many, their net amount (money in minus money out, EUR cents: statements are refused in any
// other currency) and the booking date of the oldest. Not limited to a month: a line waits until
// someone decides what it is. The lines themselves come from GET .../bank-lines.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::dashboard {

struct BankQueue {
  std::int64_t unmatched_count = 0;
  std::int64_t unmatched_amount_minor = 0;
  std::optional<std::string> oldest_unmatched_on;  // YYYY-MM-DD; nullopt when none waits
};

Result<BankQueue> bank_queue(store::PgConnection& db, std::string_view caisse_id);

}  // namespace caisse::host::dashboard
