// A fixed number of connections shared by threads. acquire() lends one for as long as the Lease
// lives; connections open on first use, and one found broken (server restarted, backend
// terminated) is replaced at the next acquire, so a database that comes back is used again
// without restarting the daemon.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::store {

class ConnectionPool {
 public:
  class Lease {
   public:
    Lease(Lease&& other) noexcept : pool_(other.pool_), slot_(other.slot_) {
      other.pool_ = nullptr;
    }
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease();

    PgConnection& operator*() const;
    PgConnection* operator->() const { return &**this; }

   private:
    friend class ConnectionPool;
    Lease(ConnectionPool& pool, std::size_t slot) : pool_(&pool), slot_(slot) {}

    ConnectionPool* pool_;
    std::size_t slot_;
  };

  // Nothing connects yet: a server that is down shows up as acquire() errors, not here.
  // `size` is at least 1. The pool must outlive every lease.
  ConnectionPool(std::string conninfo, std::size_t size);

  // Waits up to `timeout` for a free connection; the error says whether none was free or the
  // server could not be reached.
  Result<Lease> acquire(std::chrono::milliseconds timeout);

  std::size_t size() const { return connections_.size(); }

 private:
  void release(std::size_t slot);

  const std::string conninfo_;
  std::mutex mutex_;
  std::condition_variable returned_;
  // One slot per connection, nullopt until first used or after a failed reconnect. A slot is
  // touched only by the thread that took its index out of free_slots_.
  std::vector<std::optional<PgConnection>> connections_;
  std::vector<std::size_t> free_slots_;
};

}  // namespace caisse::host::store
