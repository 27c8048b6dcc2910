// A committee decision may start on a later day and an accreditation ends after its last day:
// nothing happens on that day unless something looks. The daemon looks at start and every hour
// (daemon.cpp), the same way POST …/merchants/refresh does: each caisse's payment gates are
// worked out for today, and a caisse whose gates flipped pushes its list to its currency
// instances. Failures are logged, not fatal: the next round tries again.
#pragma once

#include "config/daemon_config.hpp"
#include "daemon/cycle_service.hpp"
#include "daemon/plugin_catalog.hpp"

namespace caisse::host::daemon {

void refresh_every_merchant_gate(const config::DaemonConfig& config, CycleService& caisses,
                                 const PluginCatalog& catalog);

}  // namespace caisse::host::daemon
