// The admin API of a caisse's merchants and of the purchases made at them (docs/admin-api.md,
// docs/purchases.md):
//   POST /api/v1/caisses/{caisse}/merchants/sync     pushes the merchant list to every currency
//                                                    instance (operators)
//   POST /api/v1/caisses/{caisse}/purchases/import   lists a period's purchases from every
//                                                    currency instance and keeps each once
//                                                    (operators)
//   GET  /api/v1/caisses/{caisse}/purchases?month=   the month's report, flagging purchases at
//                                                    merchants not accredited or unknown
// Plugin calls block: they run on the blocking workers, with the caisse locked as for a cycle
// step (an instance is called from one thread at a time), POSTs once per Idempotency-Key. Each
// instance answers for itself: ok, unsupported (its plugin lacks the hook) or error.
#pragma once

#include "daemon/blocking_workers.hpp"
#include "daemon/cycle_service.hpp"
#include "daemon/idempotency.hpp"
#include "daemon/plugin_catalog.hpp"
#include "http/admin_auth.hpp"
#include "http/router.hpp"

namespace caisse::host::daemon {

struct MerchantRoutesContext {
  CycleService& caisses;  // finds the caisse and serialises its plugin calls with cycle steps
  const PluginCatalog& catalog;  // the caisse's currency instances
  BlockingWorkers& workers;
  IdempotentRequests& idempotency;
  const http::TokenAuthenticator& auth;
};

// The context must outlive the router's use.
void add_merchant_routes(http::Router& router, const MerchantRoutesContext& context);

}  // namespace caisse::host::daemon
