#include "daemon/plugin_views.hpp"

#include <boost/json/array.hpp>

namespace caisse::host::daemon {
namespace {

boost::json::value nullable(const char* text) {
  if (text == nullptr) return nullptr;
  return boost::json::string(text);
}

boost::json::value error_or_null(const std::string& error) {
  if (error.empty()) return nullptr;
  return boost::json::string(error);
}

boost::json::array config_schema(const caisse_plugin_t& descriptor) {
  boost::json::array fields;
  for (std::size_t i = 0; i < descriptor.config_field_count; ++i) {
    const caisse_config_field_t& f = descriptor.config_fields[i];
    fields.push_back(boost::json::object{
        {"name", f.name},
        {"type", plugins::config_type_name(f.type)},
        {"default", nullable(f.default_value)},
        {"required", (f.flags & CAISSE_CONFIG_REQUIRED) != 0},
        {"secret", (f.flags & CAISSE_CONFIG_SECRET) != 0},
        {"description", nullable(f.description)},
    });
  }
  return fields;
}

}  // namespace

boost::json::object plugin_summary(const PluginRecord& record) {
  boost::json::object out;
  out["name"] = record.settings.name;
  out["required"] = record.settings.required;
  out["status"] = record.plugin ? "loaded" : "failed";
  out["error"] = error_or_null(record.error);
  if (!record.plugin) {
    for (const char* key : {"version", "description", "roles", "path", "sha256", "abi"}) {
      out[key] = nullptr;
    }
    return out;
  }
  const caisse_plugin_t& d = record.plugin->descriptor();
  out["version"] = nullable(d.version);
  out["description"] = nullable(d.description);
  boost::json::array roles;
  for (const auto& role : plugins::role_list(d.roles)) roles.push_back(boost::json::string(role));
  out["roles"] = std::move(roles);
  out["path"] = record.plugin->path().string();
  out["sha256"] = record.plugin->sha256();
  out["abi"] =
      boost::json::object{{"major", d.abi_major}, {"minor_required", d.abi_minor_required}};
  return out;
}

boost::json::object plugin_detail(const PluginRecord& record, const PluginCatalog& catalog) {
  boost::json::object out = plugin_summary(record);
  out["config"] = record.plugin ? boost::json::value(config_schema(record.plugin->descriptor()))
                                : boost::json::value(nullptr);
  boost::json::array instances;
  for (const auto& instance : catalog.instances()) {
    if (instance.plugin != record.settings.name) continue;
    instances.push_back(boost::json::object{
        {"caisse", instance.caisse_id},
        {"instance", instance.instance},
        {"status", instance.running ? "running" : "failed"},
        {"error", error_or_null(instance.error)},
    });
  }
  out["instances"] = std::move(instances);
  return out;
}

}  // namespace caisse::host::daemon
