// The UTC instants a research export reads for a month, as the purchase import and report cut
// months (merchants/period.hpp): a purchase belongs to the month of its paid_at in UTC.
#pragma once

#include <string>
#include <vector>

#include "core/month.hpp"
#include "merchants/period.hpp"
#include "research/export_request.hpp"

namespace caisse::host::research {

// Every month of the range, in order.
inline std::vector<Month> months_of(const MonthRange& range) {
  std::vector<Month> months;
  for (Month m = range.from; m <= range.to; m = m.next()) months.push_back(m);
  return months;
}

// The statement parameters $2, $3 of a purchases query: [first instant, first instant after)
// of `first` to `last` in milliseconds since the epoch, as the purchase queries take them.
inline std::vector<std::string> paid_at_bounds(Month first, Month last) {
  return {std::to_string(merchants::month_period(first).from_ms()),
          std::to_string(merchants::month_period(last).to_ms())};
}

}  // namespace caisse::host::research
