#include "daemon/daemon_services.hpp"

#include <chrono>

namespace caisse::host::daemon {

DaemonServices::DaemonServices(store::PgKvStore& kv, observability::MetricsRegistry& metrics)
    : kv_(kv), metrics_(metrics) {
  metrics_.describe("caissed_plugin_events_total", "Events counted by plugin instances.",
                    observability::MetricType::counter);
}

std::int64_t DaemonServices::now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

Result<std::optional<std::string>> DaemonServices::kv_get(std::string_view caisse_id,
                                                          std::string_view instance,
                                                          std::string_view key) {
  return kv_.get(caisse_id, instance, key);
}

Result<void> DaemonServices::kv_put(std::string_view caisse_id, std::string_view instance,
                                    std::string_view key, std::string_view value) {
  return kv_.put(caisse_id, instance, key, value);
}

void DaemonServices::metric_add(std::string_view caisse_id, std::string_view instance,
                                std::string_view name, std::int64_t delta) {
  metrics_.counter_add("caissed_plugin_events_total",
                       {{"caisse", std::string(caisse_id)},
                        {"instance", std::string(instance)},
                        {"name", std::string(name)}},
                       delta);
}

}  // namespace caisse::host::daemon
