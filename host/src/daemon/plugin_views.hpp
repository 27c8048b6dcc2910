// The JSON shapes of plugins and instances in the admin API (docs/admin-api.md).
#pragma once

#include <boost/json/object.hpp>

#include "daemon/plugin_catalog.hpp"

namespace caisse::host::daemon {

// name, version, description, roles, path, sha256, required, status, error, abi.
boost::json::object plugin_summary(const PluginRecord& record);

// The summary plus the declared config schema and the instances using the plugin.
boost::json::object plugin_detail(const PluginRecord& record, const PluginCatalog& catalog);

}  // namespace caisse::host::daemon
