// Everything the web dashboard shows for one caisse and month (docs/dashboard.md), read on one
// connection in one read-only snapshot, so that the blocks agree with each other even while an
// import or a cycle step commits. The daemon answers it as GET
// /api/v1/caisses/{caisse}/dashboard/{month}.
#pragma once

#include <optional>

#include "config/daemon_config.hpp"
#include "core/month.hpp"
#include "core/result.hpp"
#include "cycle/allocation_cycle.hpp"
#include "dashboard/accreditation_pipeline.hpp"
#include "dashboard/bank_queue.hpp"
#include "dashboard/money_in_figures.hpp"
#include "dashboard/spending.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::dashboard {

struct MonthDashboard {
  std::optional<cycle::CycleSummary> cycle;        // the allocation cycle; nullopt: none yet
  std::optional<cycle::CycleSummary> bonus_cycle;  // nullopt: none yet
  MoneyInFigures money_in;
  Spending spending;
  AccreditationPipeline accreditation;  // as of `today`
  BankQueue bank;
};

// A month with nothing recorded gives zeros and empty lists, not an error. `today` is the day
// the accreditation pipeline and a bonus' lateness are judged on.
Result<MonthDashboard> read_month_dashboard(store::PgConnection& db,
                                            const config::CaisseConfig& caisse, Month month,
                                            ledger::Date today);

}  // namespace caisse::host::dashboard
