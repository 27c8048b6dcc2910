#include "ctl/command_line.hpp"

#include <array>
#include <string_view>
#include <utility>

#include "ctl/conventionnement_command_line.hpp"
#include "ctl/money_in_command_line.hpp"

namespace caisse::host::ctl {
namespace {

bool set(const std::optional<std::string>& value) {
  return value && !value->empty();
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

constexpr std::array<std::pair<std::string_view, Command>, 7> kCycleActions{{
    {"compute", Command::cycle_compute},
    {"approve", Command::cycle_approve},
    {"dispatch", Command::cycle_dispatch},
    {"reconcile", Command::cycle_reconcile},
    {"close", Command::cycle_close},
    {"status", Command::cycle_status},
    {"report", Command::cycle_report},
}};

constexpr const char* kCycleActionList =
    "compute, approve, dispatch, reconcile, close, status or report";
constexpr const char* kImportKindList =
    "households, members, contributions, funders, receipts or merchants";

bool is_cycle(Command command) {
  for (const auto& [word, action] : kCycleActions) {
    if (action == command) return true;
  }
  return false;
}

bool takes_caisse(Command command) {
  return is_cycle(command) || command == Command::import || command == Command::ledger_check ||
         command == Command::contribution_suggest || command == Command::merchants_sync ||
         command == Command::purchases_import || command == Command::purchases_report ||
         is_money_in(command) || is_conventionnement(command);
}

bool needs_month(Command command) {
  return is_cycle(command) || command == Command::purchases_report ||
         command == Command::merchant_report || money_in_needs_month(command);
}

bool takes_month(Command command) {
  return needs_month(command) || command == Command::contribution_suggest;
}

// The options that say what a command is about, as typed (nullopt: not given).
struct Scope {
  std::optional<std::string> caisse;
  std::optional<std::string> month;
  std::optional<std::string> from;
  std::optional<std::string> to;
};

bool is_import_kind(std::string_view word) {
  for (const char* kind : kImportKinds) {
    if (word == kind) return true;
  }
  return false;
}

// Checks the --caisse, --month, --from and --to a command needs, and that a command that needs
// none got none.
Result<void> check_scope(const Invocation& out, const Scope& scope) {
  const std::string name = command_name(out);
  if (scope.caisse && !takes_caisse(out.command)) {
    return make_error("--caisse does not apply to '" + name + "'");
  }
  if (scope.month && !takes_month(out.command)) {
    return make_error("--month does not apply to '" + name + "'");
  }
  if (takes_caisse(out.command)) {
    if (!scope.caisse) return make_error(name + ": --caisse ID is required");
    if (!is_caisse_id(*scope.caisse)) {
      return make_error("--caisse '" + *scope.caisse +
                        "' is not a caisse id: expected lowercase letters, digits, '-' or '_', "
                        "starting with a letter or digit");
    }
  }
  const bool takes_period = out.command == Command::purchases_import;
  using Day = std::pair<const char*, const std::optional<std::string>*>;
  for (const auto& [option, value] : {Day{"--from", &scope.from}, Day{"--to", &scope.to}}) {
    if (*value && !takes_period) {
      return make_error(std::string(option) + " does not apply to '" + name + "'");
    }
    if (takes_period && !*value)
      return make_error(name + ": " + option + " YYYY-MM-DD is required");
    if (*value && !is_day(**value)) {
      return make_error(std::string(option) + " '" + **value +
                        "' is not a day: expected YYYY-MM-DD, e.g. 2026-11-01");
    }
  }
  if (needs_month(out.command) && !scope.month) {
    return make_error(name + ": --month YYYY-MM is required");
  }
  if (scope.month && !is_month(*scope.month)) {
    return make_error("--month '" + *scope.month +
                      "' is not a month: expected YYYY-MM, e.g. 2026-11");
  }
  return {};
}

}  // namespace

bool is_caisse_id(std::string_view text) {
  if (text.empty() || text.size() > 63) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool alnum = (c >= 'a' && c <= 'z') || is_digit(c);
    if (!alnum && (i == 0 || (c != '-' && c != '_'))) return false;
  }
  return true;
}

bool is_day(std::string_view text) {
  if (text.size() != 10 || text[7] != '-' || !is_month(text.substr(0, 7))) return false;
  if (!is_digit(text[8]) || !is_digit(text[9])) return false;
  int day = (text[8] - '0') * 10 + (text[9] - '0');
  return day >= 1 && day <= 31;
}

bool is_month(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return false;
  for (char c : {text[0], text[1], text[2], text[3], text[5], text[6]}) {
    if (!is_digit(c)) return false;
  }
  int month = (text[5] - '0') * 10 + (text[6] - '0');
  return month >= 1 && month <= 12;
}

std::string command_name(const Invocation& invocation) {
  switch (invocation.command) {
    case Command::help:
      return "help";
    case Command::status:
      return "status";
    case Command::plugin_list:
      return "plugin list";
    case Command::plugin_describe:
      return "plugin describe";
    case Command::import:
      return "import " + invocation.import_kind;
    case Command::ledger_check:
      return "ledger check";
    case Command::contribution_suggest:
      return "contribution suggest";
    case Command::merchants_sync:
      return "merchants sync";
    case Command::purchases_import:
      return "purchases import";
    case Command::purchases_report:
      return "purchases report";
    default:
      break;
  }
  if (is_money_in(invocation.command)) return money_in_command_name(invocation.command);
  if (is_conventionnement(invocation.command)) {
    return conventionnement_command_name(invocation.command);
  }
  for (const auto& [word, action] : kCycleActions) {
    if (action == invocation.command) {
      return (invocation.bonus ? "bonus " : "cycle ") + std::string(word);
    }
  }
  return {};
}

Result<Invocation> parse_command_line(const std::vector<std::string>& args,
                                      const Environment& env) {
  Invocation out;
  if (set(env.url)) out.url = *env.url;
  std::optional<std::string> url_flag;
  Scope scope;
  MoneyInOptions money_in;
  ConventionnementOptions conventionnement;
  std::vector<std::string> words;
  bool help = false;
  bool options_ended = false;

  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string_view arg = args[i];
    if (options_ended || !arg.starts_with("-")) {
      words.emplace_back(arg);
      continue;
    }
    if (arg == "--") {
      options_ended = true;
      continue;
    }
    if (arg == "--help" || arg == "-h") {
      help = true;
      continue;
    }
    if (arg == "--json") {
      out.json = true;
      continue;
    }
    if (arg == "--ignore") {
      money_in.ignore = true;
      continue;
    }
    std::string_view name = arg;
    std::optional<std::string> value;
    if (auto eq = arg.find('='); arg.starts_with("--") && eq != std::string_view::npos) {
      name = arg.substr(0, eq);
      value = std::string(arg.substr(eq + 1));
    }
    std::optional<std::string>* target = nullptr;
    if (name == "--url") {
      target = &url_flag;
    } else if (name == "--token-file") {
      target = &out.token_file;
    } else if (name == "--ca-file") {
      target = &out.ca_file;
    } else if (name == "--caisse") {
      target = &scope.caisse;
    } else if (name == "--month") {
      target = &scope.month;
    } else if (name == "--from") {
      target = &scope.from;
    } else if (name == "--to") {
      target = &scope.to;
    } else if (auto* slot = money_in_option(money_in, name)) {
      target = slot;
    } else if (auto* option = conventionnement_option(conventionnement, name)) {
      target = option;
    } else {
      return make_error("unknown option '" + std::string(name) + "'");
    }
    if (!value) {
      if (i + 1 >= args.size()) return make_error(std::string(name) + " needs a value");
      value = args[++i];
    }
    if (value->empty()) return make_error(std::string(name) + " needs a non-empty value");
    *target = std::move(value);
  }

  if (url_flag) out.url = *url_flag;
  if (!out.token_file && set(env.token)) out.token = env.token;
  if (help) {
    out.command = Command::help;
    return out;
  }

  if (words.empty()) return make_error("no command given");
  const std::string& command = words[0];
  std::size_t expected = 1;
  if (command == "help") {
    out.command = Command::help;
  } else if (command == "status") {
    out.command = Command::status;
  } else if (command == "plugin") {
    if (words.size() < 2) return make_error("plugin: expected 'list' or 'describe NAME'");
    if (words[1] == "list") {
      out.command = Command::plugin_list;
      expected = 2;
    } else if (words[1] == "describe") {
      if (words.size() < 3) return make_error("plugin describe: expected a plugin name");
      out.command = Command::plugin_describe;
      out.plugin_name = words[2];
      expected = 3;
    } else {
      return make_error("plugin: unknown subcommand '" + words[1] +
                        "' (expected 'list' or 'describe NAME')");
    }
  } else if (command == "cycle" || command == "bonus") {
    // `bonus` runs the same steps on the month's bonus cycle (docs/bonus.md).
    out.bonus = command == "bonus";
    if (words.size() < 2) {
      return make_error(command + ": expected an action (" + kCycleActionList + ")");
    }
    bool found = false;
    for (const auto& [word, action] : kCycleActions) {
      if (words[1] == word) {
        out.command = action;
        found = true;
      }
    }
    if (!found) {
      return make_error(command + ": unknown action '" + words[1] + "' (expected " +
                        kCycleActionList + ")");
    }
    expected = 2;
  } else if (command == "import") {
    if (words.size() < 2) {
      return make_error(std::string("import: expected a kind (") + kImportKindList + ")");
    }
    if (!is_import_kind(words[1])) {
      return make_error("import: unknown kind '" + words[1] + "' (expected " + kImportKindList +
                        ")");
    }
    out.command = Command::import;
    out.import_kind = words[1];
    if (words.size() < 3) return make_error("import " + words[1] + ": expected the FILE to import");
    out.file = words[2];
    expected = 3;
  } else if (command == "ledger") {
    if (words.size() < 2) return make_error("ledger: expected 'check'");
    if (words[1] != "check") {
      return make_error("ledger: unknown subcommand '" + words[1] + "' (expected 'check')");
    }
    out.command = Command::ledger_check;
    expected = 2;
  } else if (command == "contribution") {
    if (words.size() < 2 || words[1] != "suggest") {
      return make_error("contribution: expected 'suggest' and the household's FIELD=VALUE");
    }
    out.command = Command::contribution_suggest;
    for (std::size_t i = 2; i < words.size(); ++i) {
      const auto equals = words[i].find('=');
      if (equals == 0 || equals == std::string::npos) {
        return make_error("contribution suggest: '" + words[i] +
                          "' is not FIELD=VALUE (e.g. adults=2 income=1450.00)");
      }
      out.fields.push_back(words[i]);
    }
    if (out.fields.empty()) {
      return make_error(
          "contribution suggest: expected the household's FIELD=VALUE, e.g. adults=2");
    }
    expected = words.size();
  } else if (command == "merchants") {
    if (words.size() < 2 || words[1] != "sync") {
      return make_error(
          "merchants: expected 'sync' (merchants are imported with 'import merchants')");
    }
    out.command = Command::merchants_sync;
    expected = 2;
  } else if (command == "purchases") {
    if (words.size() >= 2 && words[1] == "import") {
      out.command = Command::purchases_import;
    } else if (words.size() >= 2 && words[1] == "report") {
      out.command = Command::purchases_report;
    } else {
      return make_error("purchases: expected 'import' or 'report'");
    }
    expected = 2;
  } else if (is_conventionnement_group(command)) {
    auto used = parse_conventionnement_words(words, out);
    if (!used) return used.error();
    expected = *used;
  } else if (is_money_in_group(command)) {
    auto used = parse_money_in_words(words, out);
    if (!used) return used.error();
    expected = *used;
  } else {
    return make_error("unknown command '" + command + "'");
  }
  if (words.size() > expected) return make_error("unexpected argument '" + words[expected] + "'");
  if (auto checked = check_scope(out, scope); !checked) return checked.error();
  if (auto applied = apply_conventionnement_options(conventionnement, money_in.note, out);
      !applied) {
    return applied.error();
  }
  if (auto applied = apply_money_in_options(money_in, out); !applied) return applied.error();
  out.caisse = scope.caisse.value_or("");
  out.month = scope.month.value_or("");
  out.from = scope.from.value_or("");
  out.to = scope.to.value_or("");
  return out;
}

std::string usage_text() {
  return R"(caissectl: the operator CLI of caissed, through its admin API.

Usage: caissectl [--url URL] [--token-file FILE] [--json] [--ca-file PEM] COMMAND

Commands:
  status                   version, uptime, database, caisses, plugins loaded and failed
  plugin list              every configured plugin: status, version, roles, error
  plugin describe NAME     one plugin: its summary, config schema and instances
  cycle ACTION --caisse ID --month YYYY-MM
                           the monthly allocation cycle of a caisse; ACTION is one of
    compute                  compute the allocations (again, until approved)
    approve                  approve them (an operator other than the one who computed)
    dispatch                 send them, once the funds cover the total
    reconcile                settle the lines whose outcome is pending or unknown
    close                    close the month
    status                   the cycle: state, total, who did what, lines by status
    report                   the status, money in and out, and every line
  bonus ACTION --caisse ID --month YYYY-MM
                           the bonus earned by the month's purchases at bonus merchants,
                           paid as a cycle with the same ACTIONs; status and report show
                           its due date ([bonus] pay_within_days) and the lines paid late
  import KIND --caisse ID FILE
                           load a CSV file (at most 64 MiB); KIND is households, members,
                           contributions, funders, receipts or merchants (a merchants file
                           that changes the list is pushed to the currency backends)
  ledger check --caisse ID the ledger's invariants, each OK or FAILED (exit 1 if any fails)
  contribution suggest --caisse ID [--month YYYY-MM] FIELD=VALUE...
                           the monthly contribution the caisse's grid suggests for a household;
                           FIELDs: adults, children, income, fixed_costs (euros),
                           quotient_familial (whole euros); the month defaults to this one
  merchants sync --caisse ID
                           push the merchant list (who is accredited) to every currency backend;
                           each says ok, unsupported or error (exit 1 if any error)
  purchases import --caisse ID --from YYYY-MM-DD --to YYYY-MM-DD
                           fetch the purchases paid from --from to --to (excluded, at most 31
                           days) from every currency backend; each is kept once (exit 1 if any
                           backend failed)
  purchases report --caisse ID --month YYYY-MM
                           the month's purchases: totals, per merchant, and every purchase at a
                           merchant suspended or unknown

Conventionnement (the committee's accredited merchants, docs/conventionnement.md):
  merchant add --caisse ID FILE
                           the same as 'import merchants': identity, kind, location, onboarding
  merchant list --caisse ID
                           every merchant: kind, standing, onboarding, whether it may be paid
  merchant show --caisse ID MERCHANT
                           one merchant: identity, onboarding, decisions, evaluations scored
                           with their own grid version, and the history of its gate
  merchant report --caisse ID --month YYYY-MM
                           the month's purchases (flagged: at a merchant that could not be
                           paid) and the re-evaluations overdue
  evaluation record --caisse ID --grid VERSION FILE
                           a visit's evaluation file (TOML); it must name grid version VERSION
  decision record --caisse ID MERCHANT --decision accredit|refuse|suspend
              --method consensus|vote [--for N --against N --abstain N]
              --decided-on YYYY-MM-DD [--valid-from D] [--valid-until D]
              [--next-evaluation D] [--evaluation ID[,ID...]] [--note TEXT]
                           a committee decision (--valid-from defaults to --decided-on; a vote
                           needs its three counts); a gate that changes is pushed to the
                           currency backends

Money coming in (amounts in euros; names and IBANs are never printed):
  mandates import --caisse ID FILE
                           load the SEPA mandates (mandates.csv)
  mandates revoke|reinstate --caisse ID HOUSEHOLD
                           the member withdrew the mandate, or may be debited again
  collection draft --caisse ID --month YYYY-MM --date YYYY-MM-DD --collector INSTANCE
                           the month's direct debits, collected on --date by the collector
                           instance; says which households cannot be debited and why
  collection file --caisse ID --month YYYY-MM [--out FILE]
                           the pain.008 of the month, to FILE or standard output (the same
                           bytes every time; the run can no longer change)
  collection submitted --caisse ID --month YYYY-MM
                           the file was handed to the bank
  collection status --caisse ID --month YYYY-MM
                           debits by state, then every unpaid one with its reason
  statement import --caisse ID --instance INSTANCE FILE
                           a bank statement read by the statement instance, then reconciled
  payment-report import --caisse ID --instance INSTANCE FILE
                           a status report (pain.002) read by the collector instance
  bank queue --caisse ID [--status unmatched|matched|ignored]
                           the statement lines (default: every status)
  bank decide --caisse ID LINE_ID (--household H | --funder F | --provider INSTANCE |
              --ignore) [--note TEXT]
                           what a statement line is: a household's contribution, a funder's
                           co-funding, a payment provider paying out what it held, or none of
                           the caisse's business
  webhooks dead --caisse ID
                           the provider notifications that failed 5 times
  webhooks replay --caisse ID ID
                           put one back in line

  help                     this text

Options:
  --url URL                the daemon (default $CAISSE_URL, else http://127.0.0.1:8420);
                           http or https
  --token-file FILE        read the bearer token from FILE (default: $CAISSE_TOKEN)
  --ca-file PEM            for https: trust the certificates in PEM instead of the system store
  --caisse ID              the caisse (every command but status, plugin and help):
                           lowercase letters, digits, - and _
  --month YYYY-MM          the month of the cycle (cycle), of the grid (contribution), of the
                           report (purchases report, merchant report), or of the direct debits
                           (collection)
  --from, --to YYYY-MM-DD  the days of purchases import (UTC, --to excluded)
  --instance, --collector INSTANCE
                           a plugin instance of the caisse, as its file names it
  --date, --status, --household, --funder, --provider, --ignore, --note, --out
                           as in the money-in commands above
  --grid, --decision, --method, --for, --against, --abstain, --decided-on, --valid-from,
  --valid-until, --next-evaluation, --evaluation
                           as in the conventionnement commands above
  --json                   print the API's JSON answer, compact, on one line
  -h, --help               this text

Exit codes:
  0  done
  1  the daemon refused (HTTP error status; its message is printed), ledger check failed, or
     a currency backend failed (merchants sync, purchases import, import merchants,
     decision record)
  2  wrong usage (bad option, command, URL, token file, CA file or file to send, an evaluation
     file that names another grid version than --grid), or
     the --out file of collection file cannot be written
  3  the daemon cannot be reached (connection, TLS or timeout)
)";
}

}  // namespace caisse::host::ctl
