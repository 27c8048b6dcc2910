// The admin API of the monthly cycles (docs/admin-api.md), the same for both kinds: allocations
// under /cycles, purchase bonuses under /bonuses (docs/bonus.md):
//   GET  /api/v1/caisses/{caisse}/cycles/{month}            the cycle's summary
//   GET  /api/v1/caisses/{caisse}/cycles/{month}/report     summary and every line
//   POST /api/v1/caisses/{caisse}/cycles/{month}/{step}     compute, approve, dispatch,
//                                                           reconcile or close (operators)
//   ... and the same three under /api/v1/caisses/{caisse}/bonuses/{month}
// Steps run on the blocking workers, once per Idempotency-Key; the answer is the summary after
// the step, or the reason it was refused with a status saying why (404, 409, 422, 503).
#pragma once

#include "daemon/blocking_workers.hpp"
#include "daemon/cycle_answers.hpp"  // the JSON of a cycle, which other routes answer too
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

}  // namespace caisse::host::daemon
