#include "research/indicator_rows.hpp"

#include <algorithm>

#include "money/money.hpp"

namespace caisse::host::research {
namespace {

constexpr std::int64_t kBasisPoints = 10'000;

std::string minor_unit_of(std::string_view currency) {
  return "minor:" + std::string(currency);
}

// Contributions (EUR cents) over allocations (caisse minor units) in basis points. Converting
// contributions × 10000 rather than contributions keeps the one rounding at the very end:
// floor(floor(x) / a) = floor(x / a) for a positive integer a.
Result<std::optional<std::int64_t>> share_bp(const MonthFigures& f, const CaisseCurrency& c) {
  if (f.allocations.amount_minor <= 0) return std::optional<std::int64_t>();
  auto scaled = money::multiply(f.contributions.amount_minor, kBasisPoints);
  if (!scaled) return scaled.error();
  auto converted = money::convert_from_euros(*scaled, c.parity_eur, c.minor_unit);
  if (!converted) return converted.error();
  return std::optional<std::int64_t>(*converted / f.allocations.amount_minor);
}

// The spending of the month in the caisse's currency first, so that a month without any
// purchase still has its (empty) total in the series.
std::map<std::string, SpendingFigures> spending_of(const MonthFigures& f, const CaisseCurrency& c) {
  auto spending = f.spending;
  spending.try_emplace(c.code);
  return spending;
}

}  // namespace

Result<std::vector<IndicatorRow>> indicator_rows(const std::vector<MonthFigures>& figures,
                                                 const CaisseCurrency& currency) {
  std::vector<IndicatorRow> rows;
  for (const auto& f : figures) {
    rows.push_back({"contributing_households", f.month, "", f.contributions.households,
                    f.contributions.households, "households", false});
  }
  for (const auto& f : figures) {
    auto share = share_bp(f, currency);
    if (!share) return share.error();
    rows.push_back({"contribution_share_of_allocation", f.month, "",
                    std::min(f.contributions.households, f.allocations.households), *share,
                    "basis_points", false});
  }
  for (const auto& f : figures) {
    rows.push_back({"amounts_redistributed", f.month, "", f.allocations.households,
                    f.allocations.amount_minor, minor_unit_of(currency.code), false});
  }
  for (const auto& f : figures) {
    for (const auto& [code, spending] : spending_of(f, currency)) {
      rows.push_back({"spending_total", f.month, "", spending.total.households,
                      spending.total.amount_minor, minor_unit_of(code), false});
    }
  }
  for (const auto& f : figures) {
    for (const auto& [code, spending] : f.spending) {
      for (const auto& [kind, group] : spending.by_kind) {
        rows.push_back({"spending_by_merchant_kind", f.month, kind, group.households,
                        group.amount_minor, minor_unit_of(code), false});
      }
    }
  }
  return rows;
}

}  // namespace caisse::host::research
