#include "store/transaction.hpp"

#include <spdlog/spdlog.h>

namespace caisse::host::store {

Result<Transaction> Transaction::begin(PgConnection& connection) {
  auto begun = connection.exec("BEGIN");
  if (!begun) return begun.error();
  return Transaction(connection);
}

Transaction::~Transaction() {
  if (!open_) return;
  // A failed ROLLBACK means the connection is gone, and the server rolls back by itself.
  auto rolled_back = connection_->exec("ROLLBACK");
  if (!rolled_back) {
    spdlog::warn("event=rollback_failed error=\"{}\"", rolled_back.error().message);
  }
}

Result<void> Transaction::commit() {
  open_ = false;
  auto committed = connection_->exec("COMMIT");
  if (!committed) return committed.error();
  // COMMIT of a transaction that an earlier failed statement aborted "succeeds" as ROLLBACK.
  if (committed->command_tag() == "ROLLBACK") {
    return make_error("transaction rolled back: a statement in it had failed");
  }
  return {};
}

}  // namespace caisse::host::store
