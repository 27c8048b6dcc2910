// The admin API of the monthly cycle (docs/admin-api.md):
//   GET  /api/v1/caisses/{caisse}/cycles/{month}            the cycle's summary
//   GET  /api/v1/caisses/{caisse}/cycles/{month}/report     summary and every line
//   POST /api/v1/caisses/{caisse}/cycles/{month}/{step}     compute, approve, dispatch,
//                                                           reconcile or close (operators)
// Steps run on the blocking workers, once per Idempotency-Key; the answer is the summary after
// the step, or the reason it was refused with a status saying why (404, 409, 422, 503).
#pragma once

#include "daemon/blocking_workers.hpp"
#include "daemon/cycle_service.hpp"
#include "daemon/idempotency.hpp"
#include "http/admin_auth.hpp"
#include "http/router.hpp"

namespace caisse::host::daemon {

struct CycleRoutesContext {
  CycleService& cycles;
  BlockingWorkers& workers;
  IdempotentRequests& idempotency;
  const http::TokenAuthenticator& auth;
};

// The context must outlive the router's use.
void add_cycle_routes(http::Router& router, const CycleRoutesContext& context);

// The JSON of a summary, as the API answers it.
std::string cycle_summary_json(const cycle::CycleSummary& summary, int minor_unit);

}  // namespace caisse::host::daemon
