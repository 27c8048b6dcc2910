// What the research routes are asked, parsed and checked before any work is posted (pure):
//   …/research/transactions?from=YYYY-MM&to=YYYY-MM&export_key=KEY
//   …/research/indicators?from=YYYY-MM&to=YYYY-MM
// from and to are whole months, both included, at most kMaxExportMonths of them. Errors are
// ErrorKind::invalid (422) and name the parameter at fault.
#pragma once

#include <string>
#include <string_view>

#include "core/month.hpp"
#include "core/result.hpp"

namespace caisse::host::research {

inline constexpr int kMaxExportMonths = 36;

struct MonthRange {
  Month from;
  Month to;  // included
};

struct TransactionsRequest {
  MonthRange period;
  std::string export_key;
};

Result<TransactionsRequest> parse_transactions_query(std::string_view query);

Result<MonthRange> parse_indicators_query(std::string_view query);

}  // namespace caisse::host::research
