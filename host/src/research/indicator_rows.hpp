// The indicators of indicators.csv (see dictionary.hpp) computed from the monthly figures, before
// any suppression (pure): contributing_households, contribution_share_of_allocation,
// amounts_redistributed, spending_total and spending_by_merchant_kind, each a time series.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/month.hpp"
#include "core/result.hpp"
#include "research/indicator_figures.hpp"

namespace caisse::host::research {

struct IndicatorRow {
  std::string indicator;
  Month month;
  std::string group;  // the merchant kind of spending_by_merchant_kind; empty otherwise
  std::int64_t households = 0;
  std::optional<std::int64_t> value;  // nullopt: undefined (a share of no allocation at all)
  std::string unit;                   // "households", "basis_points", "minor:MNK"
  bool suppressed = false;            // set by suppression.hpp
};

// The caisse's currency, to which euro contributions are converted.
struct CaisseCurrency {
  std::string code;  // "MNK"
  int minor_unit = 2;
  std::string parity_eur;  // euros for one unit, "1.00"
};

// Rows by indicator, then month, then currency, then group. The share is computed in integers:
// floor(contributions at parity × 10000 / allocations credited). Errors: a parity that is not
// a positive decimal, an amount beyond 64 bits.
Result<std::vector<IndicatorRow>> indicator_rows(const std::vector<MonthFigures>& figures,
                                                 const CaisseCurrency& currency);

}  // namespace caisse::host::research
