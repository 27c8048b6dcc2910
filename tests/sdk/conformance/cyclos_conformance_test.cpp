// The cyclos adapter passes the conformance kit, its backend the Cyclos test peer in-process
// (CyclosPeer::handle, the same emulator the socket tests serve), its clock the fake host's.
//
// No add_noise: the peer matches customFields=<operation field>:<id> exactly, as the adapter
// asks, so unrelated payments never share a page with the one looked up and the paging scenario
// is skipped. The adapter's paging is tested in tests/adapters/cyclos (purchases over pages).
#include <caisse/testing/currency_conformance.hpp>

#include <atomic>
#include <memory>

#include "cyclos_peer.hpp"

namespace {

using caisse::testing::CurrencyConformanceTarget;
using caisse::testing::Request;
using caisse::testing::Response;
using caisse::testing::cyclos::CyclosPeer;
using caisse::testing::cyclos::CyclosPeerOptions;

constexpr const char* kToken = "conformance-access-client";

CurrencyConformanceTarget cyclos() {
  CyclosPeerOptions options;
  options.access_client_token = kToken;
  auto peer = std::make_shared<CyclosPeer>(options);
  // The peer stamps transfers with the time the (fake) host sent the request.
  auto now = std::make_shared<std::atomic<std::int64_t>>(0);
  peer->set_clock([now] { return now->load(); });

  CurrencyConformanceTarget target;
  target.plugin_path = CYCLOS_SO;
  target.currency = "MNK";
  target.declined_household = "H-CLOSED";  // no Cyclos account, and none may be opened
  for (const std::string& household : target.households) {
    peer->add_user(household, "consumers", household);
  }
  target.config = {{"base_url", "http://cyclos.test/api"},
                   {"access_client_token", kToken},
                   {"currency", "MNK"},
                   {"payment_type", "debit.toUser"},
                   {"household_field", "caisse_household"},
                   {"operation_field", "caisse_operation"},
                   {"lost_after_seconds", 600}};
  target.backend = [peer, now](const Request& request) {
    now->store(request.sent_at_ms);
    auto answer = peer->handle({request.method, request.target, request.headers, request.body});
    return Response{answer.status, answer.headers, answer.body};
  };
  target.effects = [peer](std::string_view operation_id) {
    return peer->payments_with_operation(operation_id);
  };
  return target;
}

}  // namespace

CAISSE_CURRENCY_CONFORMANCE(Cyclos, cyclos)
