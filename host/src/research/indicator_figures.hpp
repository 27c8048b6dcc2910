// The monthly figures the indicators are computed from, read from the registry (contributions
// received), the allocation cycles (lines credited) and the purchases. Nothing here is ever
// exported as is: indicator_rows.hpp turns it into rows and suppression.hpp hides small groups.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/month.hpp"
#include "core/result.hpp"
#include "research/export_request.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::research {

// How many households and how much money, in one currency's minor units.
struct GroupFigures {
  std::int64_t households = 0;
  std::int64_t amount_minor = 0;
};

// One currency's purchases in a month: the total, and by merchant kind ("unknown": a merchant
// the registry does not know).
struct SpendingFigures {
  GroupFigures total;
  std::map<std::string, GroupFigures> by_kind;
};

struct MonthFigures {
  Month month;
  GroupFigures contributions;  // EUR cents received in the month, households that paid them
  GroupFigures allocations;    // caisse currency: lines of the month's cycle credited
  std::map<std::string, SpendingFigures> spending;  // by currency code
};

// One entry per month of `range`, in order, months without data included (all zero).
// `currency` is the caisse's: only cycles in it count as allocations.
Result<std::vector<MonthFigures>> read_indicator_figures(store::PgConnection& db,
                                                         std::string_view caisse_id,
                                                         std::string_view currency,
                                                         const MonthRange& range);

}  // namespace caisse::host::research
