// What the web dashboard reads (docs/dashboard.md):
//   GET /api/v1/caisses                               the caisses of this daemon (every role)
//   GET /api/v1/caisses/{caisse}/dashboard/{month}    one caisse's month, every block at once
//                                                     (operators, committee, auditors)
// The month is read on a blocking worker, on one connection, in one read-only snapshot. An
// unknown caisse is 404, a month that is not YYYY-MM 400; a month with nothing yet answers
// zeros and nulls. The dashboard's own files are served by static_files.hpp.
#pragma once

#include "config/daemon_config.hpp"
#include "cycle/allocation_cycle.hpp"
#include "daemon/blocking_workers.hpp"
#include "daemon/cycle_service.hpp"
#include "http/admin_auth.hpp"
#include "http/router.hpp"
#include "store/connection_pool.hpp"

namespace caisse::host::daemon {

struct DashboardRoutesContext {
  const config::DaemonConfig& config;
  const CycleService& caisses;  // finds the caisse of the path
  store::ConnectionPool& pool;
  BlockingWorkers& workers;
  const http::TokenAuthenticator& auth;
  cycle::Today today = cycle::system_today;
};

// The context must outlive the router's use.
void add_dashboard_routes(http::Router& router, const DashboardRoutesContext& context);

}  // namespace caisse::host::daemon
