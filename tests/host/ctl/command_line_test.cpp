#include "ctl/command_line.hpp"

#include <gtest/gtest.h>

#include "ctl/commands.hpp"

namespace caisse::host::ctl {
namespace {

Invocation parse_ok(std::vector<std::string> args, Environment env = {}) {
  auto result = parse_command_line(args, env);
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
  return result.ok() ? *result : Invocation{};
}

std::string parse_error(std::vector<std::string> args) {
  auto result = parse_command_line(args, {});
  EXPECT_FALSE(result.ok());
  return result.ok() ? "" : result.error().message;
}

TEST(ParseCommandLine, StatusWithDefaults) {
  auto inv = parse_ok({"status"});
  EXPECT_EQ(inv.command, Command::status);
  EXPECT_EQ(inv.url, "http://127.0.0.1:8420");
  EXPECT_FALSE(inv.json);
  EXPECT_FALSE(inv.token);
  EXPECT_FALSE(inv.token_file);
  EXPECT_FALSE(inv.ca_file);
}

TEST(ParseCommandLine, PluginListAndDescribe) {
  EXPECT_EQ(parse_ok({"plugin", "list"}).command, Command::plugin_list);
  auto inv = parse_ok({"plugin", "describe", "hello"});
  EXPECT_EQ(inv.command, Command::plugin_describe);
  EXPECT_EQ(inv.plugin_name, "hello");
}

TEST(ParseCommandLine, OptionsBeforeOrAfterTheCommandInBothForms) {
  auto inv = parse_ok({"--url", "https://caisse.example:8443", "--json", "plugin", "describe",
                       "hello", "--token-file=/etc/t", "--ca-file", "/etc/ca.pem"});
  EXPECT_EQ(inv.url, "https://caisse.example:8443");
  EXPECT_TRUE(inv.json);
  EXPECT_EQ(inv.token_file, "/etc/t");
  EXPECT_EQ(inv.ca_file, "/etc/ca.pem");
  EXPECT_EQ(inv.plugin_name, "hello");
}

TEST(ParseCommandLine, EnvironmentGivesUrlAndToken) {
  auto inv = parse_ok({"status"}, Environment{"http://10.0.0.1:9000", "tok"});
  EXPECT_EQ(inv.url, "http://10.0.0.1:9000");
  EXPECT_EQ(inv.token, "tok");
}

TEST(ParseCommandLine, EmptyEnvironmentVariablesCountAsUnset) {
  auto inv = parse_ok({"status"}, Environment{"", ""});
  EXPECT_EQ(inv.url, kDefaultUrl);
  EXPECT_FALSE(inv.token);
}

TEST(ParseCommandLine, FlagsWinOverEnvironment) {
  auto inv = parse_ok({"--url", "http://a:1", "--token-file", "f", "status"},
                      Environment{"http://b:2", "tok"});
  EXPECT_EQ(inv.url, "http://a:1");
  EXPECT_EQ(inv.token_file, "f");
  EXPECT_FALSE(inv.token);
}

TEST(ParseCommandLine, HelpAnywhereWins) {
  EXPECT_EQ(parse_ok({"--help"}).command, Command::help);
  EXPECT_EQ(parse_ok({"status", "-h"}).command, Command::help);
  EXPECT_EQ(parse_ok({"bogus", "--help"}).command, Command::help);
  EXPECT_EQ(parse_ok({"help"}).command, Command::help);
}

TEST(ParseCommandLine, WrongUsageIsAnError) {
  EXPECT_EQ(parse_error({}), "no command given");
  EXPECT_EQ(parse_error({"stat"}), "unknown command 'stat'");
  EXPECT_EQ(parse_error({"--verbose", "status"}), "unknown option '--verbose'");
  EXPECT_EQ(parse_error({"status", "--url"}), "--url needs a value");
  EXPECT_EQ(parse_error({"--url=", "status"}), "--url needs a non-empty value");
  EXPECT_EQ(parse_error({"plugin"}), "plugin: expected 'list' or 'describe NAME'");
  EXPECT_EQ(parse_error({"plugin", "describe"}), "plugin describe: expected a plugin name");
  EXPECT_EQ(parse_error({"plugin", "remove", "x"}),
            "plugin: unknown subcommand 'remove' (expected 'list' or 'describe NAME')");
  EXPECT_EQ(parse_error({"status", "now"}), "unexpected argument 'now'");
  EXPECT_EQ(parse_error({"plugin", "describe", "a", "b"}), "unexpected argument 'b'");
}

TEST(ParseCommandLine, EveryCycleActionWithCaisseAndMonth) {
  const std::pair<const char*, Command> actions[] = {
      {"compute", Command::cycle_compute},   {"approve", Command::cycle_approve},
      {"dispatch", Command::cycle_dispatch}, {"reconcile", Command::cycle_reconcile},
      {"close", Command::cycle_close},       {"status", Command::cycle_status},
      {"report", Command::cycle_report},
  };
  for (const auto& [word, command] : actions) {
    auto inv = parse_ok({"cycle", word, "--caisse", "montpellier", "--month", "2026-11"});
    EXPECT_EQ(inv.command, command) << word;
    EXPECT_EQ(inv.caisse, "montpellier") << word;
    EXPECT_EQ(inv.month, "2026-11") << word;
    EXPECT_EQ(command_name(inv), std::string("cycle ") + word);
  }
}

TEST(ParseCommandLine, BonusTakesTheCycleActionsOnTheBonusCycle) {
  auto inv = parse_ok({"bonus", "dispatch", "--caisse", "gers", "--month", "2026-11"});
  EXPECT_EQ(inv.command, Command::cycle_dispatch);
  EXPECT_TRUE(inv.bonus);
  EXPECT_EQ(command_name(inv), "bonus dispatch");
  EXPECT_EQ(api_target(inv), "/api/v1/caisses/gers/bonuses/2026-11/dispatch");
  EXPECT_FALSE(parse_ok({"cycle", "status", "--caisse", "gers", "--month", "2026-11"}).bonus);
  EXPECT_EQ(parse_error({"bonus", "pay"}),
            "bonus: unknown action 'pay' (expected compute, approve, dispatch, reconcile, close, "
            "status or report)");
}

TEST(ParseCommandLine, CycleOptionsInEitherFormAndPosition) {
  auto inv = parse_ok({"--month=2026-01", "--json", "cycle", "report", "--caisse=nantes-ouest_2"});
  EXPECT_EQ(inv.command, Command::cycle_report);
  EXPECT_EQ(inv.caisse, "nantes-ouest_2");
  EXPECT_EQ(inv.month, "2026-01");
  EXPECT_TRUE(inv.json);
}

TEST(ParseCommandLine, ImportEveryKindWithItsFile) {
  for (const char* kind : {"households", "members", "contributions", "funders", "merchants"}) {
    auto inv = parse_ok({"import", kind, "--caisse", "montpellier", "/data/x.csv"});
    EXPECT_EQ(inv.command, Command::import);
    EXPECT_EQ(inv.import_kind, kind);
    EXPECT_EQ(inv.file, "/data/x.csv");
    EXPECT_EQ(inv.caisse, "montpellier");
    EXPECT_EQ(command_name(inv), std::string("import ") + kind);
  }
}

TEST(ParseCommandLine, MerchantsSyncAndPurchasesImportAndReport) {
  auto sync = parse_ok({"merchants", "sync", "--caisse", "nantes-ouest"});
  EXPECT_EQ(sync.command, Command::merchants_sync);
  EXPECT_EQ(sync.caisse, "nantes-ouest");
  EXPECT_EQ(command_name(sync), "merchants sync");

  auto import = parse_ok({"purchases", "import", "--caisse", "nantes-ouest", "--from", "2026-11-01",
                          "--to=2026-12-01"});
  EXPECT_EQ(import.command, Command::purchases_import);
  EXPECT_EQ(import.from, "2026-11-01");
  EXPECT_EQ(import.to, "2026-12-01");
  EXPECT_EQ(command_name(import), "purchases import");

  auto report = parse_ok({"purchases", "report", "--caisse", "nantes-ouest", "--month", "2026-11"});
  EXPECT_EQ(report.command, Command::purchases_report);
  EXPECT_EQ(report.month, "2026-11");
  EXPECT_EQ(command_name(report), "purchases report");
}

TEST(ParseCommandLine, MerchantsAndPurchasesNeedWhatTheyWorkOn) {
  EXPECT_EQ(parse_error({"merchants"}),
            "merchants: expected 'sync' (merchants are imported with 'import merchants')");
  EXPECT_EQ(parse_error({"merchants", "sync"}), "merchants sync: --caisse ID is required");
  EXPECT_EQ(parse_error({"purchases", "list"}), "purchases: expected 'import' or 'report'");
  EXPECT_EQ(parse_error({"purchases", "import", "--caisse", "c", "--to", "2026-12-01"}),
            "purchases import: --from YYYY-MM-DD is required");
  EXPECT_EQ(parse_error({"purchases", "import", "--caisse", "c", "--from", "2026-11-01"}),
            "purchases import: --to YYYY-MM-DD is required");
  EXPECT_EQ(parse_error({"purchases", "import", "--caisse", "c", "--from", "01/11/2026", "--to",
                         "2026-12-01"}),
            "--from '01/11/2026' is not a day: expected YYYY-MM-DD, e.g. 2026-11-01");
  EXPECT_EQ(parse_error({"purchases", "report", "--caisse", "c"}),
            "purchases report: --month YYYY-MM is required");
  EXPECT_EQ(parse_error({"purchases", "report", "--caisse", "c", "--month", "2026-11", "--from",
                         "2026-11-01"}),
            "--from does not apply to 'purchases report'");
  EXPECT_EQ(parse_error({"merchants", "sync", "--caisse", "c", "--month", "2026-11"}),
            "--month does not apply to 'merchants sync'");
  EXPECT_EQ(
      parse_error({"cycle", "status", "--caisse", "c", "--month", "2026-11", "--to", "2026-12-01"}),
      "--to does not apply to 'cycle status'");
}

TEST(ParseCommandLine, ADayIsYyyyMmDd) {
  EXPECT_TRUE(is_day("2026-11-01"));
  EXPECT_TRUE(is_day("2026-12-31"));
  EXPECT_FALSE(is_day("2026-11-1"));
  EXPECT_FALSE(is_day("2026-13-01"));
  EXPECT_FALSE(is_day("2026-11-32"));
  EXPECT_FALSE(is_day("2026-11-00"));
  EXPECT_FALSE(is_day("2026/11/01"));
}

TEST(ParseCommandLine, DoubleDashLetsAFileStartWithADash) {
  auto inv = parse_ok({"import", "members", "--caisse", "m", "--", "-members.csv"});
  EXPECT_EQ(inv.file, "-members.csv");
  EXPECT_EQ(parse_error({"status", "--", "--help"}), "unexpected argument '--help'");
  EXPECT_EQ(parse_ok({"--help", "status", "--", "x"}).command, Command::help);
}

TEST(ParseCommandLine, LedgerCheck) {
  auto inv = parse_ok({"ledger", "check", "--caisse", "montpellier"});
  EXPECT_EQ(inv.command, Command::ledger_check);
  EXPECT_EQ(inv.caisse, "montpellier");
  EXPECT_TRUE(inv.month.empty());
}

TEST(ParseCommandLine, ContributionSuggestTakesFieldsAndAnOptionalMonth) {
  auto inv = parse_ok(
      {"contribution", "suggest", "--caisse", "nantes-ouest", "adults=2", "income=1450.00"});
  EXPECT_EQ(inv.command, Command::contribution_suggest);
  EXPECT_EQ(inv.caisse, "nantes-ouest");
  EXPECT_TRUE(inv.month.empty());
  EXPECT_EQ(inv.fields, (std::vector<std::string>{"adults=2", "income=1450.00"}));
  EXPECT_EQ(
      parse_ok({"contribution", "suggest", "--caisse=x", "--month=2026-12", "adults=1"}).month,
      "2026-12");
  EXPECT_EQ(parse_error({"contribution", "suggest", "--caisse", "x"}),
            "contribution suggest: expected the household's FIELD=VALUE, e.g. adults=2");
  EXPECT_EQ(parse_error({"contribution", "suggest", "--caisse", "x", "adults"}),
            "contribution suggest: 'adults' is not FIELD=VALUE (e.g. adults=2 income=1450.00)");
  EXPECT_EQ(parse_error({"contribution", "suggest", "--caisse", "x", "=2"}),
            "contribution suggest: '=2' is not FIELD=VALUE (e.g. adults=2 income=1450.00)");
  EXPECT_EQ(parse_error({"contribution", "suggest", "adults=2"}),
            "contribution suggest: --caisse ID is required");
  EXPECT_EQ(parse_error({"contribution", "suggest", "--caisse", "x", "--month", "11", "adults=2"}),
            "--month '11' is not a month: expected YYYY-MM, e.g. 2026-11");
  EXPECT_EQ(parse_error({"contribution"}),
            "contribution: expected 'suggest' and the household's FIELD=VALUE");
}

TEST(ParseCommandLine, WrongCycleImportAndLedgerUsageIsAnError) {
  EXPECT_EQ(parse_error({"cycle"}),
            "cycle: expected an action (compute, approve, dispatch, reconcile, close, status or "
            "report)");
  EXPECT_EQ(parse_error({"cycle", "run", "--caisse", "m", "--month", "2026-11"}),
            "cycle: unknown action 'run' (expected compute, approve, dispatch, reconcile, close, "
            "status or report)");
  EXPECT_EQ(parse_error({"cycle", "compute", "--month", "2026-11"}),
            "cycle compute: --caisse ID is required");
  EXPECT_EQ(parse_error({"cycle", "approve", "--caisse", "m"}),
            "cycle approve: --month YYYY-MM is required");
  EXPECT_EQ(parse_error({"cycle", "status", "--caisse", "m", "--month"}), "--month needs a value");
  EXPECT_EQ(parse_error({"cycle", "close", "--caisse", "m", "--month", "2026-11", "now"}),
            "unexpected argument 'now'");

  EXPECT_EQ(parse_error({"import"}),
            "import: expected a kind (households, members, contributions, funders, receipts or "
            "merchants)");
  EXPECT_EQ(parse_error({"import", "people", "--caisse", "m", "f.csv"}),
            "import: unknown kind 'people' (expected households, members, contributions, "
            "funders, receipts or merchants)");
  EXPECT_EQ(parse_error({"import", "households", "--caisse", "m"}),
            "import households: expected the FILE to import");
  EXPECT_EQ(parse_error({"import", "households", "f.csv"}),
            "import households: --caisse ID is required");
  EXPECT_EQ(parse_error({"import", "households", "--caisse", "m", "a.csv", "b.csv"}),
            "unexpected argument 'b.csv'");

  EXPECT_EQ(parse_error({"ledger"}), "ledger: expected 'check'");
  EXPECT_EQ(parse_error({"ledger", "repair", "--caisse", "m"}),
            "ledger: unknown subcommand 'repair' (expected 'check')");
  EXPECT_EQ(parse_error({"ledger", "check"}), "ledger check: --caisse ID is required");
}

TEST(ParseCommandLine, CaisseAndMonthOnlyWhereTheyApply) {
  EXPECT_EQ(parse_error({"status", "--caisse", "m"}), "--caisse does not apply to 'status'");
  EXPECT_EQ(parse_error({"plugin", "list", "--month", "2026-11"}),
            "--month does not apply to 'plugin list'");
  EXPECT_EQ(parse_error({"import", "funders", "--caisse", "m", "--month", "2026-11", "f.csv"}),
            "--month does not apply to 'import funders'");
  EXPECT_EQ(parse_error({"ledger", "check", "--caisse", "m", "--month", "2026-11"}),
            "--month does not apply to 'ledger check'");
}

TEST(ParseCommandLine, BadCaisseOrMonthSaysWhatIsExpected) {
  EXPECT_EQ(parse_error({"cycle", "status", "--caisse", "Montpellier", "--month", "2026-11"}),
            "--caisse 'Montpellier' is not a caisse id: expected lowercase letters, digits, '-' "
            "or '_', starting with a letter or digit");
  EXPECT_EQ(parse_error({"ledger", "check", "--caisse", "../admin"}),
            "--caisse '../admin' is not a caisse id: expected lowercase letters, digits, '-' or "
            "'_', starting with a letter or digit");
  EXPECT_EQ(parse_error({"cycle", "status", "--caisse", "m", "--month", "2026-13"}),
            "--month '2026-13' is not a month: expected YYYY-MM, e.g. 2026-11");
  EXPECT_EQ(parse_error({"cycle", "status", "--caisse", "m", "--month", "11/2026"}),
            "--month '11/2026' is not a month: expected YYYY-MM, e.g. 2026-11");
}

TEST(IsMonth, AcceptsOnlyYyyyMmWithARealMonth) {
  EXPECT_TRUE(is_month("2026-11"));
  EXPECT_TRUE(is_month("2026-01"));
  EXPECT_TRUE(is_month("1999-12"));
  EXPECT_FALSE(is_month("2026-00"));
  EXPECT_FALSE(is_month("2026-13"));
  EXPECT_FALSE(is_month("2026-1"));
  EXPECT_FALSE(is_month("2026-011"));
  EXPECT_FALSE(is_month("26-11"));
  EXPECT_FALSE(is_month("2026/11"));
  EXPECT_FALSE(is_month("2026-11-01"));
  EXPECT_FALSE(is_month("２０２６-11"));
  EXPECT_FALSE(is_month(""));
}

TEST(IsCaisseId, FollowsTheConfigurationsRule) {
  EXPECT_TRUE(is_caisse_id("montpellier"));
  EXPECT_TRUE(is_caisse_id("nantes-ouest"));
  EXPECT_TRUE(is_caisse_id("0ab_c"));
  EXPECT_TRUE(is_caisse_id(std::string(63, 'a')));
  EXPECT_FALSE(is_caisse_id(std::string(64, 'a')));
  EXPECT_FALSE(is_caisse_id(""));
  EXPECT_FALSE(is_caisse_id("-m"));
  EXPECT_FALSE(is_caisse_id("_m"));
  EXPECT_FALSE(is_caisse_id("Mont"));
  EXPECT_FALSE(is_caisse_id("a b"));
  EXPECT_FALSE(is_caisse_id("a/b"));
  EXPECT_FALSE(is_caisse_id("a.b"));
  EXPECT_FALSE(is_caisse_id("é"));
}

TEST(UsageText, NamesEveryCommandOptionAndExitCode) {
  std::string usage = usage_text();
  for (const char* word : {"status",
                           "plugin list",
                           "plugin describe NAME",
                           "cycle ACTION --caisse ID --month YYYY-MM",
                           "compute",
                           "approve",
                           "dispatch",
                           "reconcile",
                           "close",
                           "report",
                           "import KIND --caisse ID FILE",
                           "households",
                           "members",
                           "contributions",
                           "funders",
                           "ledger check --caisse ID",
                           "contribution suggest --caisse ID [--month YYYY-MM] FIELD=VALUE...",
                           "--url",
                           "--token-file",
                           "--ca-file",
                           "--caisse ID",
                           "--month YYYY-MM",
                           "--json",
                           "CAISSE_URL",
                           "CAISSE_TOKEN",
                           "0  done",
                           "1  the daemon refused",
                           "2  wrong usage",
                           "3  the daemon cannot"}) {
    EXPECT_NE(usage.find(word), std::string::npos) << word;
  }
}

}  // namespace
}  // namespace caisse::host::ctl
