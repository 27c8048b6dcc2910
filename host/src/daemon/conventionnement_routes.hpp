// The admin API of conventionnement (docs/admin-api.md, docs/conventionnement.md):
//   GET  /api/v1/caisses/{caisse}/merchants               the registry: standing, onboarding, gate
//   GET  /api/v1/caisses/{caisse}/merchants/{merchant}    one merchant with its decisions,
//                                                         evaluations (scored again) and history
//   GET  /api/v1/caisses/{caisse}/merchants/report?month= spending at merchants not accredited
//                                                         that month, and overdue re-evaluations
//   POST /api/v1/caisses/{caisse}/merchants/refresh       lets decisions start and expire today
//                                                         (operators; the daemon also does it)
//   POST /api/v1/caisses/{caisse}/evaluations?grid=       records an evaluation file (TOML)
//   GET  /api/v1/caisses/{caisse}/evaluations/{id}        one evaluation, scored again
//   POST /api/v1/caisses/{caisse}/decisions               records a committee decision
// Every change of a merchant's gate is pushed to each currency instance after the commit, and
// each instance's answer is in the response ("sync"). POSTs are once per Idempotency-Key and run
// on the blocking workers with the caisse locked, as every plugin call is.
#pragma once

#include <functional>
#include <string>

#include "daemon/blocking_workers.hpp"
#include "daemon/cycle_service.hpp"
#include "daemon/idempotency.hpp"
#include "daemon/plugin_catalog.hpp"
#include "http/admin_auth.hpp"
#include "http/router.hpp"

namespace caisse::host::daemon {

struct ConventionnementRoutesContext {
  CycleService& caisses;
  const PluginCatalog& catalog;
  BlockingWorkers& workers;
  IdempotentRequests& idempotency;
  const http::TokenAuthenticator& auth;
};

// The services must outlive the router's use; the context itself is copied. `today` gives the
// day decisions are judged on ("YYYY-MM-DD"); empty: the UTC date of the system clock.
void add_conventionnement_routes(http::Router& router, const ConventionnementRoutesContext& context,
                                 std::function<std::string()> today = {});

}  // namespace caisse::host::daemon
