// Keeping the purchases a currency instance listed: each backend payment once (its external_ref
// is unique per caisse and instance), with the merchant its merchant_ref names through the
// caisse's ref:<instance> references, and whether that merchant was accredited at the time.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "config/daemon_config.hpp"
#include "core/result.hpp"
#include "merchants/period.hpp"
#include "plugins/role_values.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::merchants {

struct StoredPurchases {
  std::size_t fresh = 0;          // stored now
  std::size_t already_known = 0;  // stored by an earlier import (or listed twice): left as is
  // Purchases of the period stored earlier at a merchant_ref nobody had, whose merchant is
  // known now (its reference was added since): attributed to it, with its accreditation now.
  std::size_t resolved = 0;
};

// Stores what `instance` listed for `period`, all of it or, on any error, nothing (one
// transaction on `db`, which must not be in one already). A purchase in another currency than
// the caisse's is refused (ErrorKind::invalid, naming it): the instance is misconfigured, and
// the same listing can be imported again once it is fixed. A purchase already stored keeps what
// was first stored.
Result<StoredPurchases> store_purchases(store::PgConnection& db, const config::CaisseConfig& caisse,
                                        std::string_view instance, const Period& period,
                                        const std::vector<plugins::Purchase>& purchases);

}  // namespace caisse::host::merchants
