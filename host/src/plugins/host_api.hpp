// The host callbacks plugins call (caisse_host_api_t), implemented once over caisse_host_context
// and the PluginServices it points at. No callback throws or keeps a pointer the plugin gave it.
#pragma once

#include <caisse/sdk.h>

namespace caisse::host::plugins {

// The one table, static, handed to every caisse_on_instance_init.
const caisse_host_api_t& host_api();

}  // namespace caisse::host::plugins
