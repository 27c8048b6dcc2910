// The daemon's own routes: probes for orchestrators (/healthz, /readyz), Prometheus metrics
// (/metrics), and the read-only part of the admin API that caissectl uses (/api/v1/status, with
// each caisse's late bonus cycles,
// /api/v1/plugins, /api/v1/plugins/{name}), who a token is (/api/v1/me) and the API's own
// description (/api/v1/openapi.json, no token). Shapes: docs/admin-api.md.
#pragma once

#include <chrono>

#include "config/daemon_config.hpp"
#include "daemon/blocking_workers.hpp"
#include "daemon/cycle_service.hpp"
#include "daemon/database.hpp"
#include "daemon/plugin_catalog.hpp"
#include "http/admin_auth.hpp"
#include "http/router.hpp"
#include "observability/metrics.hpp"
#include "store/connection_pool.hpp"

namespace caisse::host::daemon {

struct AdminContext {
  std::chrono::steady_clock::time_point started;
  const config::DaemonConfig& config;
  const PluginCatalog& catalog;
  const Database& database;
  store::ConnectionPool& pool;
  BlockingWorkers& workers;
  observability::MetricsRegistry& metrics;
  const http::TokenAuthenticator& auth;
  // Bonus cycles late in each caisse (docs/bonus.md); null: not shown.
  CycleService* cycles = nullptr;
};

// The context must outlive the router's use (the daemon stops the server first).
void add_admin_routes(http::Router& router, const AdminContext& context);

}  // namespace caisse::host::daemon
