// The conformance target of ledger_currency (and of its deliberately broken builds): a fresh
// LedgerPeer per run, which refuses household H-CLOSED.
#pragma once

#include <caisse/testing/currency_conformance.hpp>

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "ledger_peer.hpp"

namespace caisse::testing::ledger {

inline CurrencyConformanceTarget make_ledger_target(std::string plugin_path) {
  auto peer =
      std::make_shared<LedgerPeer>("t0ken-for-conformance", std::set<std::string>{"H-CLOSED"});
  CurrencyConformanceTarget target;
  target.plugin_path = std::move(plugin_path);
  target.config = {{"base_url", "https://ledger.test"},
                   {"api_token", "t0ken-for-conformance"},
                   {"page_size", 20}};
  target.backend = [peer](const Request& request) { return peer->handle(request); };
  target.effects = [peer](std::string_view operation_id) {
    return peer->times_applied(operation_id);
  };
  target.add_noise = [peer](std::size_t count) { peer->add_noise(count); };
  target.noise = 120;  // six pages of 20
  target.declined_household = "H-CLOSED";
  return target;
}

}  // namespace caisse::testing::ledger
