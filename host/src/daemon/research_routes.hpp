// The admin API of research exports (docs/research-exports.md), CSV answers for every role,
// the researcher's included:
//   GET /api/v1/caisses/{caisse}/research/transactions?from=YYYY-MM&to=YYYY-MM&export_key=KEY
//       pseudonymised household purchases (transactions.csv)
//   GET /api/v1/caisses/{caisse}/research/indicators?from=YYYY-MM&to=YYYY-MM
//       aggregated indicators, small groups suppressed (indicators.csv)
//   GET /api/v1/research/dictionary
//       what every column of both files means, French first (dictionary.csv)
// The exports only read: they run on the blocking workers with a connection of their own, not
// under the caisse's lock, so a researcher's export never waits for a cycle being dispatched.
#pragma once

#include <cstdint>

#include "daemon/blocking_workers.hpp"
#include "daemon/cycle_service.hpp"
#include "http/admin_auth.hpp"
#include "http/router.hpp"
#include "store/connection_pool.hpp"

namespace caisse::host::daemon {

struct ResearchRoutesContext {
  const CycleService& caisses;
  store::ConnectionPool& pool;
  BlockingWorkers& workers;
  const http::TokenAuthenticator& auth;
  std::int64_t min_group_size;  // [research] min_group_size
};

// The services must outlive the router's use; the context itself is copied.
void add_research_routes(http::Router& router, const ResearchRoutesContext& context);

}  // namespace caisse::host::daemon
