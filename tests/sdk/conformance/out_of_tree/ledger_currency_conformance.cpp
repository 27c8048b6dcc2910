// Runs the SDK's conformance kit on ledger_currency.so. The kit loads the plugin in a fake host,
// sends its HTTP calls to LedgerPeer (the author's emulator of the ledger) through a fault
// injector, and drives it as the daemon does; every promise the adapter breaks fails a test.
#include <caisse/testing/currency_conformance.hpp>

#include <cstddef>
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "ledger_peer.hpp"

namespace {

using caisse::testing::CurrencyConformanceTarget;
using caisse::testing::ledger::LedgerPeer;

// Called for every run of every scenario: a fresh ledger each time, shared by the lambdas.
CurrencyConformanceTarget ledger_currency() {
  auto peer = std::make_shared<LedgerPeer>("t0ken-for-tests", std::set<std::string>{"H-CLOSED"});
  CurrencyConformanceTarget target;
  target.plugin_path = CAISSE_CONFORMANCE_PLUGIN;  // set by caisse_sdk_add_conformance_test
  target.config = {{"base_url", "https://ledger.test"}, {"api_token", "t0ken-for-tests"}};
  target.backend = [peer](const caisse::testing::Request& request) {
    return peer->handle(request);
  };
  target.effects = [peer](std::string_view operation_id) {
    return peer->times_applied(operation_id);
  };
  target.add_noise = [peer](std::size_t count) { peer->add_noise(count); };
  target.declined_household = "H-CLOSED";  // the ledger refuses it: its line must end DECLINED
  return target;
}

}  // namespace

CAISSE_CURRENCY_CONFORMANCE(LedgerCurrency, ledger_currency)
