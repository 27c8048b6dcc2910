// caissectl's command line: `caissectl [--url URL] [--token-file FILE] [--json] [--ca-file PEM]
// COMMAND`. Pure: the environment comes in as values, nothing is read or printed here.
#pragma once

#include <array>
#include <cstdint>
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
  // Money coming in (money_in_command_line.hpp): direct-debit mandates and runs, bank
  // statements, status reports, the reconciliation queue and notifications that failed.
  mandates_import,        // `mandates import --caisse ID FILE`
  mandates_revoke,        // `mandates revoke --caisse ID HOUSEHOLD`
  mandates_reinstate,     // `mandates reinstate --caisse ID HOUSEHOLD`
  collection_draft,       // `collection draft --caisse ID --month M --date D --collector I`
  collection_file,        // `collection file --caisse ID --month M [--out FILE]`
  collection_submitted,   // `collection submitted --caisse ID --month M`
  collection_status,      // `collection status --caisse ID --month M`
  statement_import,       // `statement import --caisse ID --instance I FILE`
  payment_report_import,  // `payment-report import --caisse ID --instance I FILE`
  bank_queue,             // `bank queue --caisse ID [--status S]`
  bank_decide,            // `bank decide --caisse ID LINE_ID (--household H|--funder F|--ignore)`
  webhooks_dead,          // `webhooks dead --caisse ID`
  webhooks_replay,        // `webhooks replay --caisse ID ID`
  // Conventionnement (conventionnement_command_line.hpp): the committee's merchant registry,
  // evaluations and decisions. `merchant add` is `import merchants` under another name.
  merchant_list,      // `merchant list --caisse ID`
  merchant_show,      // `merchant show --caisse ID MERCHANT`
  merchant_report,    // `merchant report --caisse ID --month YYYY-MM`
  evaluation_record,  // `evaluation record --caisse ID --grid VERSION FILE`
  decision_record,    // `decision record --caisse ID MERCHANT --decision D --method M ...`
};

// What `import` loads; the admin API's {kind} segment is the same word.
inline constexpr const char* kImportKinds[] = {"households", "members",  "contributions",
                                               "funders",    "receipts", "merchants"};

// The variables caissectl reads; an empty variable counts as unset.
struct Environment {
  std::optional<std::string> url;    // CAISSE_URL
  std::optional<std::string> token;  // CAISSE_TOKEN
};

// What `bank decide` says a statement line is: exactly one of a household's contribution, a
// funder's co-funding, a payment provider's payout, or none of the caisse's business (ignore).
struct LineDecision {
  std::string household;
  std::string funder;
  std::string provider;  // a payment provider's payout: its collector instance
  bool ignore = false;
  std::optional<std::string> note;  // --note, kept with the decision
};

// What `decision record` sends, as the decision route names it (docs/conventionnement.md).
struct MerchantDecision {
  std::string decision;                    // accredit, refuse or suspend
  std::string method;                      // consensus or vote
  std::string decided_on;                  // YYYY-MM-DD
  std::string valid_from;                  // YYYY-MM-DD: --valid-from, else the day it was decided
  std::optional<std::string> valid_until;  // YYYY-MM-DD
  std::optional<std::string> next_evaluation_on;  // YYYY-MM-DD
  // For a vote: in favour, against, abstaining, as typed (whole numbers).
  std::optional<std::array<std::int64_t, 3>> votes;
  std::vector<std::int64_t> evaluation_ids;
  std::optional<std::string> note;
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
  // For import, mandates import, statement import, payment-report import and evaluation
  // record: the file, read when the command runs.
  std::string file;
  std::string instance;         // --instance, for statement and payment-report import
  std::string collection_date;  // --date (YYYY-MM-DD), for collection draft
  std::string collector;        // --collector, for collection draft
  std::string line_status;      // --status of bank queue: unmatched, matched, ignored or ""
  // The HOUSEHOLD of mandates revoke|reinstate, the LINE_ID of bank decide, the ID of
  // webhooks replay, the MERCHANT of merchant show and decision record.
  std::string subject;
  LineDecision decision;               // for bank decide
  MerchantDecision merchant_decision;  // for decision record; its MERCHANT is `subject`
  std::string grid_version;            // --grid, for evaluation record
  std::string out_file;  // --out of collection file; "" writes the XML to standard output
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
// command, missing value, plugin name, kind or file, an option that is missing, not well formed,
// or given to a command that takes none, extra words) say what was wrong in one line; the caller
// adds the usage hint and exits 2.
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
