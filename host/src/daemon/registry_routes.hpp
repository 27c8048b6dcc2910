// The admin API of a caisse's registry and book (docs/admin-api.md):
//   POST /api/v1/caisses/{caisse}/imports/{kind}   a CSV file, loaded whole or not at all; a
//                                                  merchants file that changed the list is
//                                                  then pushed to the currency backends
//   GET  /api/v1/caisses/{caisse}/exports/{kind}   the registry as CSV, without personal data
//   GET  /api/v1/caisses/{caisse}/ledger/check     the book's invariants
#pragma once

#include <cstddef>

#include "daemon/blocking_workers.hpp"
#include "daemon/cycle_service.hpp"
#include "daemon/idempotency.hpp"
#include "daemon/plugin_catalog.hpp"
#include "http/admin_auth.hpp"
#include "http/router.hpp"

namespace caisse::host::daemon {

struct RegistryRoutesContext {
  CycleService& caisses;         // finds the caisse and holds its cycle steps off during an import
  const PluginCatalog& catalog;  // the caisse's currency instances (merchants' ref columns)
  BlockingWorkers& workers;
  IdempotentRequests& idempotency;
  const http::TokenAuthenticator& auth;
  std::size_t max_import_bytes;  // the body limit of the import route ([http] max_import_bytes)
};

// The context must outlive the router's use.
void add_registry_routes(http::Router& router, const RegistryRoutesContext& context);

}  // namespace caisse::host::daemon
