// SEPA direct debit of contributions, over HTTP (docs/collection.md, docs/admin-api.md):
//   POST /api/v1/caisses/{caisse}/mandates/import                 mandates.csv (operator)
//   POST /api/v1/caisses/{caisse}/mandates/{household}/revoke     the member withdrew (operator)
//   POST /api/v1/caisses/{caisse}/mandates/{household}/reinstate  after talking with them
//   POST /api/v1/caisses/{caisse}/collections/{month}/draft       {"collection_date", "collector"}
//   POST /api/v1/caisses/{caisse}/collections/{month}/file        the pain.008 (application/xml)
//   POST /api/v1/caisses/{caisse}/collections/{month}/submitted   the file went to the bank
//   GET  /api/v1/caisses/{caisse}/collections/{month}             where the run stands
// POSTs take an Idempotency-Key. Drafting, writing and answering are each safe to repeat: the
// run's ids are fixed when it is drafted, so its file is the same every time.
#pragma once

#include "daemon/money_in_routes.hpp"

namespace caisse::host::daemon {

void add_collection_routes(http::Router& router, const MoneyInRoutesContext& context);

}  // namespace caisse::host::daemon
