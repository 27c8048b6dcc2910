// The routes under /_peer/ through which a script outside the test process drives the peer:
//   POST /_peer/payments                       {"amount":2000,"date":"...","state":"Authorized",
//                                               "custom_fields":{"Foyer":"H-1"}} -> {"id":41000}
//   POST /_peer/payments/{paymentId}/state     {"state":"Refunded"}
//   GET  /_peer/payments/{paymentId}/notification   the body HelloAsso would post for it
//   POST /_peer/revoke-tokens
#pragma once

#include "helloasso_peer.hpp"
#include "http/router.hpp"

namespace caisse::testing::helloasso {

void add_test_routes(host::http::Router& router, HelloAssoPeer& peer);

}  // namespace caisse::testing::helloasso
