// Checks one plugin instance's `config` table against the schema its plugin declares, before the
// instance's init: unknown keys, wrong types, missing required fields and secrets written inline
// are errors that name the caisse file, line, column and key. Secrets are resolved here, so the
// plugin receives values, never references.
#pragma once

#include <caisse/sdk.h>

#include "config/daemon_config.hpp"
#include "config/resolved_plugin_config.hpp"
#include "core/result.hpp"

namespace caisse::host::config {

// Every problem of the block, one line each; or every declared field's value (given, or the
// default), secrets resolved.
Result<ResolvedPluginConfig> validate_plugin_config(const PluginBlock& block,
                                                    const caisse_plugin_t& descriptor);

}  // namespace caisse::host::config
