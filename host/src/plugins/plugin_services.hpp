// What the host lends plugin instances, behind the C callbacks: a clock, durable key/value state
// and counters, each scoped to one caisse and instance. The daemon implements it with
// PostgreSQL and the metrics registry; tests use a fake, which is why it is an interface.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace caisse::host::plugins {

class PluginServices {
 public:
  virtual ~PluginServices() = default;

  // Milliseconds since the Unix epoch (UTC). Must not throw: plugins call it from C.
  virtual std::int64_t now_ms() = 0;

  // The stored value, nullopt if none; an Error when the store cannot be reached.
  virtual Result<std::optional<std::string>> kv_get(std::string_view caisse_id,
                                                    std::string_view instance,
                                                    std::string_view key) = 0;

  // Stores (or replaces) durably before returning.
  virtual Result<void> kv_put(std::string_view caisse_id, std::string_view instance,
                              std::string_view key, std::string_view value) = 0;

  // Adds delta to caissed_plugin_events_total{caisse,instance,name}.
  virtual void metric_add(std::string_view caisse_id, std::string_view instance,
                          std::string_view name, std::int64_t delta) = 0;
};

}  // namespace caisse::host::plugins
