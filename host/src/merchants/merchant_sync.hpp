// Pushing the caisse's merchant list to its currency backends, so that each agrees with the
// committee: accredited merchants can be paid, suspended ones not (a Cyclos group or status
// change, an updated accredited-merchant file). The list belongs to the caisse: a backend is
// told, it never decides. The whole list goes each time, so a push that failed halfway is
// simply pushed again.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "merchants/currency_instance.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::merchants {

struct SyncOutcome {
  std::string instance;
  CallStatus status = CallStatus::error;
  std::size_t merchants = 0;  // how many were pushed to it
  std::string message;        // why it failed or cannot, as the plugin or the host says; or ""
};

// Pushes the whole list to each instance, accredited merchants and the others, each under the
// reference that instance knows it by (its ref:<instance>), or an empty backend_ref when it has
// none there: the adapter reports an accredited merchant it cannot find (not onboarded on that
// backend yet). A caisse without any merchant pushes nothing (an empty list would tell every
// backend to accept nobody): each instance is `ok` with 0 merchants and a message. An instance
// whose plugin lacks the hook is `unsupported`; one that is not running, or whose plugin fails,
// is `error` with the reason.
// When the list cannot be read, every instance is `error` with the reason and none is called.
// Blocking: call it with the caisse's plugin calls serialised (one thread per instance at a
// time).
std::vector<SyncOutcome> sync_merchants(store::PgConnection& db, std::string_view caisse_id,
                                        const std::vector<CurrencyInstance>& instances);

}  // namespace caisse::host::merchants
