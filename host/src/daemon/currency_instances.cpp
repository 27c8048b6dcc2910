#include "daemon/currency_instances.hpp"

namespace caisse::host::daemon {

std::vector<merchants::CurrencyInstance> currency_instances(const PluginCatalog& catalog,
                                                            const config::CaisseConfig& caisse) {
  std::vector<merchants::CurrencyInstance> out;
  for (const InstanceRecord& record : catalog.instances()) {
    if (record.caisse_id != caisse.id) continue;
    const PluginRecord* plugin = catalog.find(record.plugin);
    const bool currency = plugin != nullptr && plugin->plugin != nullptr &&
                          (plugin->plugin->descriptor().roles & CAISSE_ROLE_CURRENCY) != 0;
    if (!currency && record.instance != caisse.currency.adapter) continue;
    out.push_back({record.instance, record.running.get(), record.error});
  }
  return out;
}

std::vector<std::string> currency_instance_names(const PluginCatalog& catalog,
                                                 const config::CaisseConfig& caisse) {
  std::vector<std::string> names;
  for (const auto& instance : currency_instances(catalog, caisse)) names.push_back(instance.name);
  return names;
}

}  // namespace caisse::host::daemon
