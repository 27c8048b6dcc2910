// What the host gives plugin instances (plugins::PluginServices), backed by the real parts:
// key/value state in PostgreSQL, counters in the metrics registry, the system clock.
#pragma once

#include "observability/metrics.hpp"
#include "plugins/plugin_services.hpp"
#include "store/pg_kv_store.hpp"

namespace caisse::host::daemon {

class DaemonServices final : public plugins::PluginServices {
 public:
  DaemonServices(store::PgKvStore& kv, observability::MetricsRegistry& metrics);

  std::int64_t now_ms() override;
  Result<std::optional<std::string>> kv_get(std::string_view caisse_id, std::string_view instance,
                                            std::string_view key) override;
  Result<void> kv_put(std::string_view caisse_id, std::string_view instance, std::string_view key,
                      std::string_view value) override;
  void metric_add(std::string_view caisse_id, std::string_view instance, std::string_view name,
                  std::int64_t delta) override;

 private:
  store::PgKvStore& kv_;
  observability::MetricsRegistry& metrics_;
};

}  // namespace caisse::host::daemon
