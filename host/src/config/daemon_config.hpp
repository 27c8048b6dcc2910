// The daemon's configuration as read from TOML: the daemon file (caissed.toml) and one file per
// caisse. Only plain values live here, no TOML types, so that everything that reads the
// configuration stays cheap to compile; config_loader.hpp builds it. Every key is documented in
// config/README.md.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "config/listen_address.hpp"
#include "config/secret_ref.hpp"
#include "config/source_position.hpp"
#include "core/month.hpp"

namespace caisse::host::config {

// A TOML value of a kind plugin schemas cannot declare (float, array, table, date), kept only
// so that validation can say what was found.
struct UnsupportedValue {
  std::string toml_type;  // "floating-point", "array", ...
};

// One key of a plugin instance's `config` table, as written; validate_plugin_config() checks it
// against the plugin's declared schema.
struct PluginConfigEntry {
  std::string key;
  std::variant<std::string, std::int64_t, bool, UnsupportedValue> value;
  SourcePosition where;
};

// One `[[plugin]]` block of a caisse file: an instance of a plugin in that caisse.
struct PluginBlock {
  std::string instance;  // unique within the caisse
  std::string plugin;    // a `[plugins.NAME]` of the daemon file
  std::string key_path;  // "plugin[0]", for error messages
  SourcePosition where;  // the block itself
  std::vector<PluginConfigEntry> config;
  std::filesystem::path base_dir;  // the caisse file's folder: file: references start there
  // Origins ("https://cyclos.example.org:443") the instance may send HTTP requests to through
  // the host; empty: none. Normalised: lowercase scheme and host, explicit port.
  std::vector<std::string> http_allow;
};

// What a committee's rule decides; each kind has its own versions in a caisse file.
enum class RuleKind { allocation, contribution_grid, bonus };

// One version of a rule: from `from` on (until the next version of the same kind), the cycle
// uses plugin instance `instance` of this caisse. Past cycles keep the version they used.
struct RuleVersion {
  RuleKind kind = RuleKind::allocation;
  Month from;
  std::string instance;  // a [[plugin]] instance of the same caisse
  SourcePosition where;
};

struct CurrencySettings {
  std::string code;        // "MONA": 3 to 8 capital letters or digits, a letter first
  std::string name;        // "MonA"
  int minor_unit = 2;      // digits after the decimal point, 0 to 4
  std::string parity_eur;  // euros for one unit, a decimal written as a string ("1.00")
  // The [[plugin]] instance (currency role) through which allocations are credited; empty when
  // the caisse has none yet (cycles can then be computed and approved but not dispatched).
  std::string adapter;
  SourcePosition adapter_where;
};

// [bonus] of a caisse file: when the bonus earned by a month's purchases must be paid.
struct BonusSettings {
  // The bonus of month M is due this many days after M's last day (docs/bonus.md). The Gers
  // caisse lost its members' trust when bonuses came late: the due date makes lateness visible.
  int pay_within_days = 10;
};

// [accreditation] of a caisse file (docs/conventionnement.md): where the committee's criteria
// grids are, one version per *.toml file (docs/accreditation-grids.md). Empty: none configured;
// evaluations can then be recorded only with grid versions stored earlier.
struct AccreditationSettings {
  std::filesystem::path grids_dir;  // absolute, or resolved against the caisse file's folder
};

struct CaisseConfig {
  std::filesystem::path file;
  std::string id;  // [a-z0-9-], unique across the daemon
  std::string name;
  std::string territory;
  CurrencySettings currency;
  std::vector<PluginBlock> plugins;
  std::vector<RuleVersion> rules;  // sorted by kind, then by `from`
  BonusSettings bonus;
  AccreditationSettings accreditation;

  // The version of `kind` in force for `month`: the latest whose `from` is not after it; null
  // when none has started yet.
  const RuleVersion* rule_in_force(RuleKind kind, Month month) const;
};

// "allocation", "contribution_grid", "bonus".
const char* rule_kind_name(RuleKind kind);

// `[plugins.NAME]` of the daemon file: a plugin file to load.
struct PluginSettings {
  std::string name;
  bool required = false;              // failing to load it stops the daemon
  std::optional<std::string> sha256;  // pin: refuse the file if its digest differs
  SourcePosition where;
};

struct StorageSettings {
  std::optional<SecretRef> url;  // none: the embedded cluster in <data_dir>/postgres
  std::string pg_bin_dir;        // empty: search /usr/lib/postgresql/*/bin, then PATH
  int pool_size = 4;
};

struct HttpSettings {
  std::string listen_host = "127.0.0.1";
  std::uint16_t listen_port = 8420;
  int threads = 2;
  std::size_t max_header_bytes = 16 * 1024;
  std::size_t max_body_bytes = 1024 * 1024;
  // Registry imports only (POST .../imports/{kind}): a caisse's members file outgrows 1 MiB.
  std::size_t max_import_bytes = 64 * 1024 * 1024;
  std::chrono::milliseconds read_timeout{30'000};
  std::chrono::milliseconds write_timeout{30'000};
  std::chrono::milliseconds idle_timeout{60'000};
  std::optional<SecretRef> tls_cert;  // both or neither
  std::optional<SecretRef> tls_key;
  // The web dashboard's built files, served at /dashboard/ (absolute); empty: the folder the
  // build wrote them to (CAISSE_DASHBOARD_DIR, the daemon's default).
  std::filesystem::path dashboard_dir;
};

// [research] (docs/research-exports.md): an indicator row describing fewer households than
// min_group_size is published without its figures.
struct ResearchSettings {
  int min_group_size = 5;
};

struct LogSettings {
  std::string format = "text";  // "text" or "json"
  std::string level = "info";
};

struct AdminToken {
  std::string name;  // who holds it, shown in logs instead of the token
  std::string role;  // operator, committee, auditor, researcher
  SecretRef token;
};

struct DaemonConfig {
  std::filesystem::path file;
  std::filesystem::path data_dir;  // absolute
  // How often the janitor asks currency adapters about PENDING and UNKNOWN lines.
  std::chrono::milliseconds janitor_interval{60'000};
  // How many lines a dispatch marks UNKNOWN and sends at once: a crash mid-batch leaves at most
  // this many lines for the janitor to ask about before they can settle.
  std::size_t dispatch_batch_size = 500;
  std::vector<std::filesystem::path> plugin_dirs;  // absolute, searched in order
  std::vector<PluginSettings> plugins;
  std::vector<CaisseConfig> caisses;
  StorageSettings storage;
  HttpSettings http;
  LogSettings log;
  ResearchSettings research;
  std::vector<AdminToken> admin_tokens;
};

}  // namespace caisse::host::config
