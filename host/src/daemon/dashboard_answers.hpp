// The JSON of the dashboard's two routes (docs/dashboard.md, docs/admin-api.md): the caisses the
// daemon hosts, and one caisse's month. The cycle, money in and money out come from
// cycle_answers.hpp, the very functions the cycle report answers with, so the dashboard's
// numbers are `caissectl cycle report`'s. Money is always int64 minor units with its currency.
#pragma once

#include <boost/json/object.hpp>

#include "config/daemon_config.hpp"
#include "core/month.hpp"
#include "dashboard/month_dashboard.hpp"
#include "ledger/date.hpp"

namespace caisse::host::daemon {

// {"caisses":[{"id","name","territory","currency","currency_name","minor_unit"}]}, in the
// order of the daemon file.
boost::json::object caisses_json(const config::DaemonConfig& config);

// {"caisse","month","today","cycle","bonus_cycle","money_in","money_out",
// "allocations_vs_spending","spending_by_merchant","spending_by_kind","accreditation","bank"}.
boost::json::object month_dashboard_json(const config::CaisseConfig& caisse, Month month,
                                         ledger::Date today,
                                         const dashboard::MonthDashboard& figures);

}  // namespace caisse::host::daemon
