#include "collection/collection_lock.hpp"

#include <string>

namespace caisse::host::collection::detail {

Result<store::Transaction> begin_locked(store::PgConnection& db, std::string_view caisse_id) {
  auto transaction = store::Transaction::begin(db);
  if (!transaction) return transaction.error();
  auto locked = db.exec_params("SELECT pg_advisory_xact_lock(hashtext('collection:' || $1))",
                               {std::string(caisse_id)});
  if (!locked) return locked.error();
  return transaction;
}

}  // namespace caisse::host::collection::detail
