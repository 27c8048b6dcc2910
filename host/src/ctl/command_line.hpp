// caissectl's command line: `caissectl [--url URL] [--token-file FILE] [--json] [--ca-file PEM]
// COMMAND`. Pure: the environment comes in as values, nothing is read or printed here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace caisse::host::ctl {

inline constexpr const char* kDefaultUrl = "http://127.0.0.1:8420";

enum class Command {
  help,
  status,
  plugin_list,
  plugin_describe,
  // `cycle ACTION --caisse ID --month YYYY-MM`: the monthly allocation cycle.
  cycle_compute,
  cycle_approve,
  cycle_dispatch,
  cycle_reconcile,
  cycle_close,
  cycle_status,
  cycle_report,
  import,        // `import KIND --caisse ID FILE`
  ledger_check,  // `ledger check --caisse ID`
  // `contribution suggest --caisse ID [--month YYYY-MM] FIELD=VALUE...`
  contribution_suggest,
  merchants_sync,    // `merchants sync --caisse ID`
  purchases_import,  // `purchases import --caisse ID --from YYYY-MM-DD --to YYYY-MM-DD`
  purchases_report,  // `purchases report --caisse ID --month YYYY-MM`
};

// What `import` loads; the admin API's {kind} segment is the same word.
inline constexpr const char* kImportKinds[] = {"households", "members",  "contributions",
                                               "funders",    "receipts", "merchants"};

// The variables caissectl reads; an empty variable counts as unset.
struct Environment {
  std::optional<std::string> url;    // CAISSE_URL
  std::optional<std::string> token;  // CAISSE_TOKEN
};

struct Invocation {
  Command command = Command::help;
  std::string plugin_name;  // for plugin_describe
  std::string caisse;       // --caisse, for every command of a caisse (checked as an id)
  // --month (YYYY-MM), for cycle_* and purchases_report (required) and contribution_suggest
  std::string month;
  // For cycle_*: the bonus cycle (`caissectl bonus ACTION`) instead of the allocation cycle.
  bool bonus = false;
  std::string from;         // --from, for purchases_import (YYYY-MM-DD, required)
  std::string to;           // --to, for purchases_import (YYYY-MM-DD, required, excluded)
  std::string import_kind;  // for import: one of kImportKinds
  std::string file;         // for import: the CSV file, read when the command runs
  // For contribution_suggest: "adults=2", "income=1450.00"... as typed; the daemon checks the
  // names and values (docs/admin-api.md).
  std::vector<std::string> fields;
  std::string url = kDefaultUrl;
  // Where the bearer token comes from: --token-file wins over CAISSE_TOKEN; neither is allowed
  // (the daemon then answers 401).
  std::optional<std::string> token_file;
  std::optional<std::string> token;  // from CAISSE_TOKEN, only when no --token-file
  std::optional<std::string> ca_file;
  bool json = false;
};

// `args` excludes the program name. Options may come before or after the command, as
// `--opt VALUE` or `--opt=VALUE`; `--` ends the options (for a FILE starting with '-'); --help
// or -h anywhere before it (or the command `help`) asks for help. Errors (unknown option or
// command, missing value, plugin name, kind or file, a --caisse, --month, --from or --to that
// is missing, not well formed, or given to a command that takes none, extra words) say what was
// wrong in one line; the caller adds the usage hint and exits 2.
Result<Invocation> parse_command_line(const std::vector<std::string>& args, const Environment& env);

// A caisse id as the configuration allows it (config::is_identifier): [a-z0-9][a-z0-9_-]*, at
// most 63 characters.
bool is_caisse_id(std::string_view text);

// A month as YYYY-MM, the month 01 to 12 ("2026-11").
bool is_month(std::string_view text);

// A day as YYYY-MM-DD, the month 01 to 12 and the day 01 to 31 ("2026-11-01"); the daemon
// checks that the day exists in its month.
bool is_day(std::string_view text);

// The words naming a command as typed ("cycle compute", "import households"); for messages.
std::string command_name(const Invocation& invocation);

// The text of `caissectl --help`.
std::string usage_text();

}  // namespace caisse::host::ctl
