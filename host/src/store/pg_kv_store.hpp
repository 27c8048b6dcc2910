// The key/value state plugins keep through the host (table plugin_kv): small opaque byte
// strings, one namespace per caisse and plugin instance. Each call borrows a pooled connection.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "store/connection_pool.hpp"

namespace caisse::host::store {

class PgKvStore {
 public:
  // `acquire_timeout`: how long a call waits for a free connection before failing.
  explicit PgKvStore(ConnectionPool& pool,
                     std::chrono::milliseconds acquire_timeout = std::chrono::seconds(5))
      : pool_(pool), acquire_timeout_(acquire_timeout) {}

  // The value, or nullopt when the key was never put.
  Result<std::optional<std::string>> get(std::string_view caisse_id, std::string_view instance,
                                         std::string_view key);
  // Creates or replaces the value; any bytes, '\0' included.
  Result<void> put(std::string_view caisse_id, std::string_view instance, std::string_view key,
                   std::string_view value);

 private:
  ConnectionPool& pool_;
  std::chrono::milliseconds acquire_timeout_;
};

}  // namespace caisse::host::store
