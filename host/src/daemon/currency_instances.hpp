// Which plugin instances of a caisse are currency backends, found among the running plugins:
// those whose plugin declares the currency role, and the caisse's [currency] adapter even when
// its plugin could not be loaded (its role is then unknown, but its failure must be reported).
// Merchants are pushed to them, purchases listed from them, and merchants.csv has one
// ref:<instance> column for each.
#pragma once

#include <string>
#include <vector>

#include "config/daemon_config.hpp"
#include "daemon/plugin_catalog.hpp"
#include "merchants/currency_instance.hpp"

namespace caisse::host::daemon {

// In the caisse file's [[plugin]] order. The pointers live as long as the catalog's instances.
std::vector<merchants::CurrencyInstance> currency_instances(const PluginCatalog& catalog,
                                                            const config::CaisseConfig& caisse);

// Their names.
std::vector<std::string> currency_instance_names(const PluginCatalog& catalog,
                                                 const config::CaisseConfig& caisse);

}  // namespace caisse::host::daemon
