// Calendar dates as CSV files and PostgreSQL write them: ISO 8601 "YYYY-MM-DD", nothing else
// (no "05/11/2026": day-first and month-first files are indistinguishable for half the year).
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace caisse::host::csv {

using Date = std::chrono::year_month_day;

// "2026-11-05" -> 2026-11-05. Errors quote the text: "\"2026-02-30\" is not a date YYYY-MM-DD".
Result<Date> parse_date(std::string_view text);

// 2026-11-05 -> "2026-11-05".
std::string format_date(Date date);

}  // namespace caisse::host::csv
