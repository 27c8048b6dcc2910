// The configuration of one plugin instance after it was checked against the plugin's declared
// schema: every declared field with a value (given or default), secrets already resolved from
// their env:/file: reference. This is what the plugin reads through caisse_host_config_get_*.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

namespace caisse::host::config {

struct ResolvedValue {
  std::variant<std::string, std::int64_t, bool> value;
  // True for fields declared CAISSE_CONFIG_SECRET: never log or print the value.
  bool secret = false;
};

struct ResolvedPluginConfig {
  // Keyed by field name. A field that is absent and has no default is not in the map.
  std::map<std::string, ResolvedValue> values;
  // The block's http_allow: origins the instance may reach through caisse_host_http_send.
  std::vector<std::string> http_allow;
};

}  // namespace caisse::host::config
