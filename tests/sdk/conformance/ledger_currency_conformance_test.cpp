// The reference adapter passes the whole kit.
#include <caisse/testing/currency_conformance.hpp>

#include "ledger_target.hpp"

namespace {

caisse::testing::CurrencyConformanceTarget ledger_currency() {
  return caisse::testing::ledger::make_ledger_target(KIT_PLUGIN_DIR "/ledger_currency.so");
}

}  // namespace

CAISSE_CURRENCY_CONFORMANCE(LedgerCurrency, ledger_currency)
