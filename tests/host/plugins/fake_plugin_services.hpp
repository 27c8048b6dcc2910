// PluginServices for tests: an in-memory key/value map and counters keyed "caisse/instance/key",
// a fixed clock, and a switch that makes the store unavailable.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "plugins/plugin_services.hpp"

namespace caisse::host::plugins {

class FakePluginServices final : public PluginServices {
 public:
  std::int64_t clock_ms = 1'793'000'000'000;  // 2026-10-26
  bool store_available = true;
  std::map<std::string, std::string> kv;
  std::map<std::string, std::int64_t> metrics;

  static std::string key_of(std::string_view caisse_id, std::string_view instance,
                            std::string_view key) {
    return std::string(caisse_id) + "/" + std::string(instance) + "/" + std::string(key);
  }

  std::int64_t now_ms() override { return clock_ms; }

  Result<std::optional<std::string>> kv_get(std::string_view caisse_id, std::string_view instance,
                                            std::string_view key) override {
    if (!store_available) return make_error("fake store: connection refused");
    const auto found = kv.find(key_of(caisse_id, instance, key));
    if (found == kv.end()) return std::optional<std::string>{};
    return std::optional<std::string>{found->second};
  }

  Result<void> kv_put(std::string_view caisse_id, std::string_view instance, std::string_view key,
                      std::string_view value) override {
    if (!store_available) return make_error("fake store: connection refused");
    kv[key_of(caisse_id, instance, key)] = std::string(value);
    return {};
  }

  void metric_add(std::string_view caisse_id, std::string_view instance, std::string_view name,
                  std::int64_t delta) override {
    metrics[key_of(caisse_id, instance, name)] += delta;
  }
};

}  // namespace caisse::host::plugins
