#include "store/connection_pool.hpp"

#include <algorithm>

namespace caisse::host::store {

ConnectionPool::ConnectionPool(std::string conninfo, std::size_t size)
    : conninfo_(std::move(conninfo)), connections_(std::max<std::size_t>(size, 1)) {
  for (std::size_t slot = connections_.size(); slot > 0; --slot) free_slots_.push_back(slot - 1);
}

Result<ConnectionPool::Lease> ConnectionPool::acquire(std::chrono::milliseconds timeout) {
  std::size_t slot = 0;
  {
    std::unique_lock lock(mutex_);
    if (!returned_.wait_for(lock, timeout, [this] { return !free_slots_.empty(); })) {
      return make_error("no database connection free after " + std::to_string(timeout.count()) +
                        " ms (all " + std::to_string(connections_.size()) + " in use)");
    }
    slot = free_slots_.back();
    free_slots_.pop_back();
  }
  // From here the slot is ours: the lease gives it back, even when connecting fails.
  Lease lease(*this, slot);
  std::optional<PgConnection>& connection = connections_[slot];
  if (!connection || !connection->healthy()) {
    connection.reset();
    auto fresh = PgConnection::connect(conninfo_);
    if (!fresh) return fresh.error();
    connection.emplace(std::move(fresh.value()));
  }
  return lease;
}

void ConnectionPool::release(std::size_t slot) {
  {
    std::lock_guard lock(mutex_);
    free_slots_.push_back(slot);
  }
  returned_.notify_one();
}

ConnectionPool::Lease::~Lease() {
  if (pool_ != nullptr) pool_->release(slot_);
}

PgConnection& ConnectionPool::Lease::operator*() const {
  return *pool_->connections_[slot_];
}

}  // namespace caisse::host::store
