// The transaction every change to a caisse's collection runs in. Mandate imports, drafts and
// applied events of one caisse take turns, so that a draft never sees half an import and two
// deliveries of one report never apply an event twice. Internal to caisse_collection.
#pragma once

#include <string_view>

#include "core/result.hpp"
#include "store/pg_connection.hpp"
#include "store/transaction.hpp"

namespace caisse::host::collection::detail {

// BEGIN, then the caisse's collection lock (held until commit or rollback).
Result<store::Transaction> begin_locked(store::PgConnection& db, std::string_view caisse_id);

}  // namespace caisse::host::collection::detail
