// Every plugin the daemon file declares and every instance the caisse files create, with what
// became of each: loaded and running, or failed with the one-line reason. The admin API and
// `caissectl plugin list` show this as it is; a failure is reported, never hidden.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "config/daemon_config.hpp"
#include "plugins/plugin_instance.hpp"
#include "plugins/plugin_loader.hpp"

namespace caisse::host::daemon {

struct PluginRecord {
  config::PluginSettings settings;
  std::shared_ptr<plugins::LoadedPlugin> plugin;  // null when loading failed
  std::string error;                              // why it failed to load
};

struct InstanceRecord {
  std::string caisse_id;
  std::string instance;
  std::string plugin;
  std::unique_ptr<plugins::PluginInstance> running;  // null when it failed
  std::string error;
};

class PluginCatalog {
 public:
  // Loads every plugin of `[plugins.NAME]` from the configured directories. Failures are
  // recorded, not fatal; the caller decides (required plugins stop the daemon).
  static PluginCatalog load(const config::DaemonConfig& config);

  // Checks each instance's block against its plugin's schema and initialises it. An instance
  // whose plugin failed to load fails too, naming the plugin.
  void start_instances(const config::DaemonConfig& config, plugins::PluginServices& services);

  // Destroys instances (before the plugins they come from are released).
  void stop_instances();

  const std::vector<PluginRecord>& plugins() const { return plugins_; }
  const std::vector<InstanceRecord>& instances() const { return instances_; }
  const PluginRecord* find(std::string_view name) const;
  // Instance `instance` of caisse `caisse_id`, running or failed; null when no such block.
  const InstanceRecord* find_instance(std::string_view caisse_id, std::string_view instance) const;

  // Lines describing every failure of a plugin marked required (its own load, or one of its
  // instances); empty when all required plugins are running.
  std::vector<std::string> required_failures() const;

 private:
  std::vector<PluginRecord> plugins_;
  std::vector<InstanceRecord> instances_;
};

}  // namespace caisse::host::daemon
