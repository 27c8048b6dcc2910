// Checks the configuration schema a plugin declares, once, when it is loaded: a schema the host
// cannot enforce (an unknown type, a secret integer, a default that does not parse) would make
// every instance's validation meaningless, so the plugin is refused instead.
#pragma once

#include <caisse/sdk.h>

#include "core/result.hpp"

namespace caisse::host::plugins {

// The reason the schema is refused, naming the field ("config field \"x\": ..."), or ok.
Result<void> check_config_schema(const caisse_plugin_t& descriptor);

}  // namespace caisse::host::plugins
