// Money coming in, over HTTP (docs/money-in.md, docs/admin-api.md):
//   POST /webhooks/{caisse}/{instance}          a payment provider's notification: no admin
//        token (the collector instance verifies the provider's signature on the raw bytes);
//        200 once kept (or already kept), 401 forged or stale, 400 malformed, 404 no such
//        instance, 503 when it cannot be kept (the provider sends it again).
//   GET  /api/v1/caisses/{caisse}/webhooks/dead               notifications that failed 5 times
//   POST /api/v1/caisses/{caisse}/webhooks/dead/{id}/replay   puts one back in line (operator)
//   POST /api/v1/caisses/{caisse}/statements/{instance}       a bank statement file (operator)
//   POST /api/v1/caisses/{caisse}/payment-reports/{instance}  a pain.002 status report (operator)
//   POST /api/v1/caisses/{caisse}/payments/{instance}/import  {"from","to"}: a provider's payments
//        listed (HelloAsso), for reconciliation (operator)
//   GET  /api/v1/caisses/{caisse}/bank-lines?status=unmatched the reconciliation queue
//   POST /api/v1/caisses/{caisse}/bank-lines/{id}/decision    an operator's decision on a line:
//        {"household"|"funder"|"provider": id} or {"ignore": true}, and a "note"
// File names come from X-File-Name as for registry imports; POSTs under /api/v1 take an
// Idempotency-Key.
#pragma once

#include <cstddef>

#include "daemon/blocking_workers.hpp"
#include "daemon/cycle_service.hpp"
#include "daemon/idempotency.hpp"
#include "daemon/money_in_service.hpp"
#include "http/admin_auth.hpp"
#include "http/router.hpp"

namespace caisse::host::daemon {

struct MoneyInRoutesContext {
  CycleService& caisses;
  MoneyInService& money_in;
  BlockingWorkers& workers;
  IdempotentRequests& idempotency;
  const http::TokenAuthenticator& auth;
  std::size_t max_import_bytes;             // statements and reports
  std::size_t max_webhook_bytes;            // a notification's body
  std::function<void()> notification_kept;  // wakes the processor
};

void add_money_in_routes(http::Router& router, const MoneyInRoutesContext& context);

}  // namespace caisse::host::daemon
