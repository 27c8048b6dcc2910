#include "config/config_loader.hpp"

#include <array>
#include <map>

#include "config/caisse_file.hpp"
#include "config/toml_reader.hpp"

namespace caisse::host::config {
namespace {

constexpr std::array kRoles{"operator", "committee", "auditor", "researcher"};
constexpr std::array kLogLevels{"trace", "debug", "info", "warn", "error", "critical", "off"};
constexpr std::int64_t kMaxTimeoutMs = 3'600'000;
constexpr const char* kDefaultDataDir = "/var/lib/caissed";

template <std::size_t N>
bool one_of(const std::array<const char*, N>& names, std::string_view value) {
  for (const char* name : names) {
    if (value == name) return true;
  }
  return false;
}

template <std::size_t N>
std::string listed(const std::array<const char*, N>& names) {
  std::string out;
  for (const char* name : names) out += (out.empty() ? "" : ", ") + std::string(name);
  return out;
}

std::filesystem::path from(const std::filesystem::path& base, const std::string& path) {
  std::filesystem::path p(path);
  return (p.is_relative() ? base / p : p).lexically_normal();
}

// A secret setting: parsed into a reference, or reported (without echoing the value).
std::optional<SecretRef> secret(TableReader& reader, std::string_view key, bool literal_allowed,
                                Presence presence = Presence::optional) {
  auto text = reader.string(key, presence);
  if (!text) return std::nullopt;
  auto ref = SecretRef::parse(*text, reader.file().parent_path(), literal_allowed);
  if (!ref) {
    reader.error(key, ref.error().message);
    return std::nullopt;
  }
  return ref.value();
}

void read_daemon(TableReader& daemon, const std::filesystem::path& base, DaemonConfig& out,
                 std::vector<std::pair<std::string, SourcePosition>>& caisse_files) {
  if (auto dir = daemon.string("data_dir")) out.data_dir = from(base, *dir);
  caisse_files = daemon.string_array("caisses");
  if (auto seconds = daemon.integer("janitor_interval_seconds", 1, 86'400)) {
    out.janitor_interval = std::chrono::seconds(*seconds);
  }
  out.dispatch_batch_size = static_cast<std::size_t>(
      daemon.integer("dispatch_batch_size", 1, 10'000).value_or(out.dispatch_batch_size));
  daemon.finish();
}

void read_log(TableReader& log, LogSettings& out) {
  if (auto format = log.string("format")) {
    if (*format == "text" || *format == "json") {
      out.format = *format;
    } else {
      log.error("format", "\"" + *format + "\" is not a format: text or json");
    }
  }
  if (auto level = log.string("level")) {
    if (one_of(kLogLevels, *level)) {
      out.level = *level;
    } else {
      log.error("level", "\"" + *level + "\" is not a level: " + listed(kLogLevels));
    }
  }
  log.finish();
}

void read_http(TableReader& http, const std::filesystem::path& base, HttpSettings& out) {
  if (auto listen = http.string("listen")) {
    if (auto address = parse_listen_address(*listen)) {
      out.listen_host = address->host;
      out.listen_port = address->port;
    } else {
      http.error("listen", address.error().message);
    }
  }
  out.threads = static_cast<int>(http.integer("threads", 1, 64).value_or(out.threads));
  out.max_header_bytes = static_cast<std::size_t>(
      http.integer("max_header_bytes", 1024, 1 << 20).value_or(out.max_header_bytes));
  out.max_body_bytes = static_cast<std::size_t>(
      http.integer("max_body_bytes", 1024, 1LL << 30).value_or(out.max_body_bytes));
  out.max_import_bytes = static_cast<std::size_t>(
      http.integer("max_import_bytes", 1024, 1LL << 30).value_or(out.max_import_bytes));
  auto timeout = [&](const char* key, std::chrono::milliseconds& value) {
    value = std::chrono::milliseconds(http.integer(key, 1, kMaxTimeoutMs).value_or(value.count()));
  };
  timeout("read_timeout_ms", out.read_timeout);
  timeout("write_timeout_ms", out.write_timeout);
  timeout("idle_timeout_ms", out.idle_timeout);
  out.tls_cert = secret(http, "tls_cert", false);
  out.tls_key = secret(http, "tls_key", false);
  if (out.tls_cert.has_value() != out.tls_key.has_value()) {
    http.error(out.tls_cert ? "tls_cert" : "tls_key", "TLS needs both tls_cert and tls_key");
  }
  if (auto dir = http.string("dashboard_dir")) out.dashboard_dir = from(base, *dir);
  http.finish();
}

void read_storage(TableReader& storage, StorageSettings& out) {
  // A URL without a password is not secret, so it may be written as is.
  out.url = secret(storage, "url", true);
  out.pg_bin_dir = storage.string("pg_bin_dir").value_or("");
  out.pool_size = static_cast<int>(storage.integer("pool_size", 1, 256).value_or(out.pool_size));
  storage.finish();
}

bool is_sha256_hex(std::string_view text) {
  if (text.size() != 64) return false;
  for (char c : text) {
    bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (!hex) return false;
  }
  return true;
}

void read_plugins(TableReader& plugins, const std::filesystem::path& base, DaemonConfig& out) {
  for (const auto& [dir, where] : plugins.string_array("dirs")) {
    out.plugin_dirs.push_back(from(base, dir));
  }
  for (const auto& name : plugins.remaining_keys()) {
    const toml::table* table = plugins.table(name);
    if (table == nullptr) continue;  // reported: not a table
    if (!is_identifier(name)) {
      plugins.error(name, "a plugin name is lowercase letters, digits, '-' or '_'");
      continue;
    }
    TableReader reader(*table, plugins.file(), plugins.path_of(name), plugins.diagnostics());
    PluginSettings settings;
    settings.name = name;
    settings.where = reader.position();
    settings.required = reader.boolean("required").value_or(false);
    if (auto pin = reader.string("sha256")) {
      if (is_sha256_hex(*pin)) {
        settings.sha256 = *pin;
      } else {
        reader.error("sha256", "must be 64 hexadecimal digits (sha256sum FILE)");
      }
    }
    reader.finish();
    out.plugins.push_back(std::move(settings));
  }
  if (!out.plugins.empty() && out.plugin_dirs.empty()) {
    plugins.error("dirs", "plugins are declared but no directory is given to find them in");
  }
  plugins.finish();
}

void read_research(TableReader& research, ResearchSettings& out) {
  // 1 would publish single households' figures: the smallest group that hides anyone is 2.
  out.min_group_size = static_cast<int>(
      research.integer("min_group_size", 2, 1'000'000).value_or(out.min_group_size));
  research.finish();
}

void read_admin(TableReader& admin, DaemonConfig& out) {
  const auto tokens = admin.table_array("tokens");
  std::map<std::string, SourcePosition> names;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    TableReader reader(*tokens[i], admin.file(), "admin.tokens[" + std::to_string(i) + "]",
                       admin.diagnostics());
    auto name = reader.string("name", Presence::required);
    auto role = reader.string("role", Presence::required);
    auto token = secret(reader, "token", false, Presence::required);
    if (role && !one_of(kRoles, *role)) {
      reader.error("role", "\"" + *role + "\" is not a role: " + listed(kRoles));
      role.reset();
    }
    if (name) {
      if (auto [it, fresh] = names.emplace(*name, reader.position()); !fresh) {
        reader.error("name", "\"" + *name + "\" is already used at " + it->second.to_string());
      }
    }
    reader.finish();
    if (name && role && token) out.admin_tokens.push_back({*name, *role, *token});
  }
  admin.finish();
}

// Each caisse file once; ids unique across files; every instance names a declared plugin.
void read_caisses(const std::vector<std::pair<std::string, SourcePosition>>& files,
                  const std::filesystem::path& base, Diagnostics& diagnostics, DaemonConfig& out) {
  std::map<std::string, std::filesystem::path> ids;
  for (const auto& [path, where] : files) {
    auto caisse = load_caisse_file(from(base, path), diagnostics);
    if (!caisse) continue;
    if (!caisse->id.empty()) {
      if (auto [it, fresh] = ids.emplace(caisse->id, caisse->file); !fresh) {
        diagnostics.error(
            where, "daemon.caisses",
            "caisse id \"" + caisse->id + "\" is also used by " + it->second.string());
      }
    }
    for (const auto& block : caisse->plugins) {
      bool declared = false;
      for (const auto& plugin : out.plugins) declared = declared || plugin.name == block.plugin;
      if (!declared && !block.plugin.empty()) {
        diagnostics.error(block.where, block.key_path + ".plugin",
                          "plugin \"" + block.plugin + "\" is not declared in " +
                              out.file.string() + " (add a [plugins." + block.plugin + "] table)");
      }
    }
    out.caisses.push_back(std::move(*caisse));
  }
}

}  // namespace

Result<DaemonConfig> load_daemon_config(const std::filesystem::path& file) {
  Diagnostics diagnostics;
  auto root = parse_toml_file(file, diagnostics);
  if (!root) return make_error(diagnostics.joined());

  DaemonConfig config;
  config.file = file;
  const std::filesystem::path base = std::filesystem::absolute(file).parent_path();
  TableReader top(*root, file, "", diagnostics);
  std::vector<std::pair<std::string, SourcePosition>> caisse_files;
  auto section = [&](const char* name, auto&& read) {
    if (const toml::table* table = top.table(name)) {
      TableReader reader(*table, file, name, diagnostics);
      read(reader);
    }
  };
  section("daemon", [&](TableReader& r) { read_daemon(r, base, config, caisse_files); });
  if (config.data_dir.empty()) config.data_dir = kDefaultDataDir;
  section("log", [&](TableReader& r) { read_log(r, config.log); });
  section("http", [&](TableReader& r) { read_http(r, base, config.http); });
  section("storage", [&](TableReader& r) { read_storage(r, config.storage); });
  section("plugins", [&](TableReader& r) { read_plugins(r, base, config); });
  section("admin", [&](TableReader& r) { read_admin(r, config); });
  section("research", [&](TableReader& r) { read_research(r, config.research); });
  top.finish();
  read_caisses(caisse_files, base, diagnostics, config);

  if (!diagnostics.empty()) return make_error(diagnostics.joined());
  return config;
}

}  // namespace caisse::host::config
