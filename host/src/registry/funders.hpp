// What the rest of the host needs to know about a caisse's funders.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::registry {

// The ids of the funders whose money is earmarked for operations (running costs): their grants
// must not be issued as allocations (cycle::BookLedger takes this set).
Result<std::set<std::string>> operations_only_funders(store::PgConnection& db,
                                                      std::string_view caisse_id);

}  // namespace caisse::host::registry
