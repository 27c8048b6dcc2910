#include "daemon/check_config.hpp"

#include <ostream>

#include "config/config_loader.hpp"
#include "config/plugin_config_validation.hpp"
#include "daemon/plugin_catalog.hpp"

namespace caisse::host::daemon {
namespace {

// Secrets are resolved only to prove they can be; their values are dropped at once.
int check_secrets(const config::DaemonConfig& config, std::ostream& errors) {
  int failures = 0;
  auto check = [&](const config::SecretRef& ref, const std::string& key) {
    if (auto value = ref.resolve(); !value) {
      errors << config.file.string() << ": " << key << ": " << value.error().message << '\n';
      ++failures;
    }
  };
  if (config.storage.url) check(*config.storage.url, "storage.url");
  if (config.http.tls_cert) check(*config.http.tls_cert, "http.tls_cert");
  if (config.http.tls_key) check(*config.http.tls_key, "http.tls_key");
  for (std::size_t i = 0; i < config.admin_tokens.size(); ++i) {
    check(config.admin_tokens[i].token, "admin.tokens[" + std::to_string(i) + "].token");
  }
  return failures;
}

}  // namespace

int check_config(const std::filesystem::path& file, std::ostream& out, std::ostream& errors) {
  auto config = config::load_daemon_config(file);
  if (!config) {
    errors << config.error().message << '\n';
    return 1;
  }
  int failures = check_secrets(*config, errors);

  PluginCatalog catalog = PluginCatalog::load(*config);
  for (const auto& record : catalog.plugins()) {
    if (!record.plugin) {
      errors << record.settings.where.to_string() << ": plugins." << record.settings.name << ": "
             << record.error << '\n';
      ++failures;
    }
  }
  std::size_t instances = 0;
  for (const auto& caisse : config->caisses) {
    for (const auto& block : caisse.plugins) {
      ++instances;
      const PluginRecord* record = catalog.find(block.plugin);
      if (record == nullptr || !record->plugin) continue;  // already reported above
      if (auto values = config::validate_plugin_config(block, record->plugin->descriptor());
          !values) {
        errors << values.error().message << '\n';
        ++failures;
      }
    }
  }
  if (failures > 0) return 1;
  out << file.string() << ": OK (" << config->caisses.size() << " caisse(s), "
      << config->plugins.size() << " plugin(s), " << instances << " plugin instance(s))\n";
  return 0;
}

}  // namespace caisse::host::daemon
