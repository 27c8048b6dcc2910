// The admin API of a caisse's contribution grid (docs/admin-api.md):
//   GET /api/v1/caisses/{caisse}/contribution-suggestion?adults=2&children=1&income=…
// what the grid in force suggests a household contributes each month. Nothing is stored: the
// household decides what it pays, and its commitment is imported with the registry.
#pragma once

#include "core/month.hpp"
#include "daemon/blocking_workers.hpp"
#include "daemon/cycle_service.hpp"
#include "http/admin_auth.hpp"
#include "http/router.hpp"

namespace caisse::host::daemon {

struct ContributionRoutesContext {
  CycleService& caisses;  // finds the caisse's grid and calls it while no step of it runs
  BlockingWorkers& workers;
  const http::TokenAuthenticator& auth;
};

// The context must outlive the router's use.
void add_contribution_routes(http::Router& router, const ContributionRoutesContext& context);

// The current calendar month in UTC, the default of the query's month.
Month current_utc_month();

}  // namespace caisse::host::daemon
