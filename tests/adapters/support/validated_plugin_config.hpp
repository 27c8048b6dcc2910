// An instance's [plugin.config] as an operator writes it in a caisse file, checked against the
// plugin's schema exactly as the daemon does: defaults filled in, secrets resolved from their
// env:/file: references, every problem an error naming the key. Adapter tests start their
// instances from this, so they never restate the plugin's defaults.
#pragma once

#include <caisse/sdk.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "config/plugin_config_validation.hpp"

namespace caisse::testing {

using PluginConfigValue = std::variant<std::string, std::int64_t, bool>;
using PluginConfig = std::map<std::string, PluginConfigValue>;

inline Result<host::config::ResolvedPluginConfig> validated_plugin_config(
    const caisse_plugin_t& descriptor, const std::string& instance, const PluginConfig& values,
    const std::filesystem::path& caisse_dir, std::vector<std::string> http_allow = {}) {
  host::config::PluginBlock block;
  block.instance = instance;
  block.plugin = descriptor.name;
  block.key_path = "plugin[0]";
  block.where = {caisse_dir / "caisse.toml", 1, 1};
  block.base_dir = caisse_dir;
  block.http_allow = std::move(http_allow);
  for (const auto& [key, value] : values) {
    host::config::PluginConfigEntry entry;
    entry.key = key;
    std::visit([&](const auto& v) { entry.value = v; }, value);
    entry.where = {caisse_dir / "caisse.toml", 2, 1};
    block.config.push_back(std::move(entry));
  }
  return host::config::validate_plugin_config(block, descriptor);
}

}  // namespace caisse::testing
