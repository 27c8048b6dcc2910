// The month's cycles as the dashboard shows them: the same summary GET .../cycles/{month} and
// the report answer (cycle::AllocationCycle::summary), or nothing when the month has no cycle of
// that kind yet, which is not an error for a dashboard.
#pragma once

#include <optional>

#include "config/daemon_config.hpp"
#include "core/month.hpp"
#include "core/result.hpp"
#include "cycle/allocation_cycle.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::dashboard {

// `today` judges whether a bonus cycle is late, as the cycle routes do.
Result<std::optional<cycle::CycleSummary>> month_cycle(store::PgConnection& db,
                                                       const config::CaisseConfig& caisse,
                                                       Month month, cycle::CycleKind kind,
                                                       const cycle::Today& today);

}  // namespace caisse::host::dashboard
