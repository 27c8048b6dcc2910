// A transaction on one connection: BEGIN when made, COMMIT on commit(), ROLLBACK when it goes
// out of scope uncommitted (an early `return error;` undoes everything done so far).
#pragma once

#include "core/result.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::store {

class Transaction {
 public:
  static Result<Transaction> begin(PgConnection& connection);

  Transaction(Transaction&& other) noexcept : connection_(other.connection_), open_(other.open_) {
    other.open_ = false;
  }
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  Result<void> commit();

 private:
  explicit Transaction(PgConnection& connection) : connection_(&connection) {}

  PgConnection* connection_;
  bool open_ = true;
};

}  // namespace caisse::host::store
