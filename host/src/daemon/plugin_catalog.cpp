#include "daemon/plugin_catalog.hpp"

#include <spdlog/spdlog.h>

#include "config/plugin_config_validation.hpp"

namespace caisse::host::daemon {

PluginCatalog PluginCatalog::load(const config::DaemonConfig& config) {
  PluginCatalog catalog;
  for (const auto& settings : config.plugins) {
    PluginRecord record{settings, nullptr, {}};
    auto loaded = plugins::load_plugin({settings.name, config.plugin_dirs, settings.sha256});
    if (loaded) {
      record.plugin = std::move(loaded.value());
      spdlog::info("event=plugin_loaded plugin={} version={} path={}", settings.name,
                   record.plugin->descriptor().version, record.plugin->path().string());
    } else {
      record.error = loaded.error().message;
      spdlog::error("event=plugin_failed plugin={} required={} reason=\"{}\"", settings.name,
                    settings.required, record.error);
    }
    catalog.plugins_.push_back(std::move(record));
  }
  return catalog;
}

const PluginRecord* PluginCatalog::find(std::string_view name) const {
  for (const auto& record : plugins_) {
    if (record.settings.name == name) return &record;
  }
  return nullptr;
}

const InstanceRecord* PluginCatalog::find_instance(std::string_view caisse_id,
                                                   std::string_view instance) const {
  for (const auto& record : instances_) {
    if (record.caisse_id == caisse_id && record.instance == instance) return &record;
  }
  return nullptr;
}

void PluginCatalog::start_instances(const config::DaemonConfig& config,
                                    plugins::PluginServices& services) {
  for (const auto& caisse : config.caisses) {
    for (const auto& block : caisse.plugins) {
      InstanceRecord record{caisse.id, block.instance, block.plugin, nullptr, {}};
      const PluginRecord* plugin = find(block.plugin);
      if (plugin == nullptr || plugin->plugin == nullptr) {
        record.error = "plugin '" + block.plugin + "' is not loaded";
      } else if (auto values = config::validate_plugin_config(block, plugin->plugin->descriptor());
                 !values) {
        record.error = values.error().message;
      } else if (auto created =
                     plugins::PluginInstance::create(plugin->plugin, caisse.id, block.instance,
                                                     std::move(values.value()), services);
                 !created) {
        record.error = created.error().message;
      } else {
        record.running = std::move(created.value());
      }
      if (record.running) {
        spdlog::info("event=instance_started caisse={} instance={} plugin={}", caisse.id,
                     block.instance, block.plugin);
      } else {
        spdlog::error("event=instance_failed caisse={} instance={} plugin={} reason=\"{}\"",
                      caisse.id, block.instance, block.plugin, record.error);
      }
      instances_.push_back(std::move(record));
    }
  }
}

void PluginCatalog::stop_instances() {
  for (auto& record : instances_) record.running.reset();
}

std::vector<std::string> PluginCatalog::required_failures() const {
  std::vector<std::string> out;
  for (const auto& record : plugins_) {
    if (!record.settings.required) continue;
    if (!record.plugin)
      out.push_back("required plugin " + record.settings.name + ": " + record.error);
    for (const auto& instance : instances_) {
      if (instance.plugin == record.settings.name && !instance.running && record.plugin) {
        out.push_back("required plugin " + record.settings.name + ", instance " +
                      instance.caisse_id + "/" + instance.instance + ": " + instance.error);
      }
    }
  }
  return out;
}

}  // namespace caisse::host::daemon
