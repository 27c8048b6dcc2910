// The date of a ledger entry: a calendar day, as PostgreSQL's `date` and ISO 8601 write it.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace caisse::host::ledger {

using Date = std::chrono::year_month_day;

// 2026-11-05 -> "2026-11-05".
std::string format_date(Date date);

// "2026-11-05" -> 2026-11-05; anything else ("2026-11-5", "2026-02-30") is an error quoting
// the text.
Result<Date> parse_date(std::string_view text);

}  // namespace caisse::host::ledger
