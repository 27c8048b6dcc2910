// Importing the purchases households made at merchants: each currency instance of the caisse is
// asked for the payments of a period (caisse_on_currency_list_purchases) and what it lists is
// stored once (purchase_store.hpp). Importing a period again adds nothing; an instance that
// failed stored nothing and can be asked again.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "config/daemon_config.hpp"
#include "merchants/currency_instance.hpp"
#include "merchants/period.hpp"
#include "merchants/purchase_store.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::merchants {

struct PurchaseImportOutcome {
  std::string instance;
  CallStatus status = CallStatus::error;
  std::string message;     // why it failed or cannot, or ""
  std::size_t listed = 0;  // purchases the instance handed over
  StoredPurchases stored;  // what became of them (all zero unless ok)
};

// Asks each instance in turn. One that is not running, whose plugin fails or lists something
// the host refuses, or whose purchases cannot be stored, is `error` and keeps nothing of this
// listing; one whose plugin lacks the hook is `unsupported`. Blocking: call it with the caisse's
// plugin calls serialised.
std::vector<PurchaseImportOutcome> import_purchases(store::PgConnection& db,
                                                    const config::CaisseConfig& caisse,
                                                    const std::vector<CurrencyInstance>& instances,
                                                    const Period& period);

}  // namespace caisse::host::merchants
