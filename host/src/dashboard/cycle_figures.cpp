#include "dashboard/cycle_figures.hpp"

namespace caisse::host::dashboard {

Result<std::optional<cycle::CycleSummary>> month_cycle(store::PgConnection& db,
                                                       const config::CaisseConfig& caisse,
                                                       Month month, cycle::CycleKind kind,
                                                       const cycle::Today& today) {
  // Asked first: a month without a cycle is an ordinary answer here, and summary() would only
  // say so as an error.
  auto exists =
      db.exec_params("SELECT 1 FROM cycles WHERE caisse_id = $1 AND month = $2 AND kind = $3",
                     {caisse.id, month.to_string(), std::string(cycle::kind_name(kind))});
  if (!exists) return exists.error();
  if (exists->rows() == 0) return std::optional<cycle::CycleSummary>{};
  cycle::AllocationCycle cycles(caisse.id, caisse.currency.code, caisse.currency.minor_unit, db,
                                kind, today);
  auto summary = cycles.summary(month);
  if (!summary) return summary.error();
  return std::optional<cycle::CycleSummary>{std::move(*summary)};
}

}  // namespace caisse::host::dashboard
