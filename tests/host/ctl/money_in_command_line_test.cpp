// The money-in commands' command line: every form, the route and method it asks for, and each
// wrong usage with its one-line message. Routes are the daemon's (money_in_routes.hpp,
// collection_routes.hpp), copied from there by hand.
#include "ctl/money_in_command_line.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "ctl/commands.hpp"

namespace caisse::host::ctl {
namespace {

Invocation parse_ok(std::vector<std::string> args) {
  auto result = parse_command_line(args, {});
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
  return result.ok() ? *result : Invocation{};
}

std::string parse_error(std::vector<std::string> args) {
  auto result = parse_command_line(args, {});
  EXPECT_FALSE(result.ok()) << api_target(*result);
  return result.ok() ? "" : result.error().message;
}

// Each command line (words split at spaces) is refused with its message.
void expect_errors(const std::vector<std::pair<std::string, std::string>>& cases) {
  for (const auto& [line, message] : cases) {
    std::vector<std::string> args;
    std::istringstream words(line);
    for (std::string word; words >> word;) args.push_back(word);
    EXPECT_EQ(parse_error(args), message) << line;
  }
}

std::string route_of(const Invocation& invocation) {
  return std::string(is_post(invocation.command) ? "POST " : "GET ") + api_target(invocation);
}

TEST(MoneyInCommandLine, MandatesImportRevokeAndReinstate) {
  auto import = parse_ok({"mandates", "import", "--caisse", "nantes-ouest", "mandates.csv"});
  EXPECT_EQ(import.command, Command::mandates_import);
  EXPECT_EQ(import.file, "mandates.csv");
  EXPECT_EQ(command_name(import), "mandates import");
  EXPECT_EQ(route_of(import), "POST /api/v1/caisses/nantes-ouest/mandates/import");

  auto revoke = parse_ok({"mandates", "revoke", "H-0001", "--caisse=nantes-ouest"});
  EXPECT_EQ(revoke.command, Command::mandates_revoke);
  EXPECT_EQ(revoke.subject, "H-0001");
  EXPECT_EQ(route_of(revoke), "POST /api/v1/caisses/nantes-ouest/mandates/H-0001/revoke");

  // A household id is typed by a person: it never adds a segment to the path.
  auto reinstate = parse_ok({"mandates", "reinstate", "--caisse", "c", "H 1/../x"});
  EXPECT_EQ(reinstate.command, Command::mandates_reinstate);
  EXPECT_EQ(route_of(reinstate), "POST /api/v1/caisses/c/mandates/H%201%2F..%2Fx/reinstate");
}

TEST(MoneyInCommandLine, CollectionCommandsWorkOnAMonth) {
  auto draft = parse_ok({"collection", "draft", "--caisse", "c", "--month", "2026-11", "--date",
                         "2026-12-05", "--collector", "sepa"});
  EXPECT_EQ(draft.command, Command::collection_draft);
  EXPECT_EQ(draft.month, "2026-11");
  EXPECT_EQ(draft.collection_date, "2026-12-05");
  EXPECT_EQ(draft.collector, "sepa");
  EXPECT_EQ(route_of(draft), "POST /api/v1/caisses/c/collections/2026-11/draft");

  auto file = parse_ok({"collection", "file", "--caisse", "c", "--month", "2026-11"});
  EXPECT_EQ(file.out_file, "");
  EXPECT_EQ(route_of(file), "POST /api/v1/caisses/c/collections/2026-11/file");
  EXPECT_EQ(
      parse_ok({"collection", "file", "--caisse", "c", "--month", "2026-11", "--out", "sdd.xml"})
          .out_file,
      "sdd.xml");

  EXPECT_EQ(route_of(parse_ok({"collection", "submitted", "--caisse", "c", "--month", "2026-11"})),
            "POST /api/v1/caisses/c/collections/2026-11/submitted");
  EXPECT_EQ(route_of(parse_ok({"collection", "status", "--caisse", "c", "--month", "2026-11"})),
            "GET /api/v1/caisses/c/collections/2026-11");
}

TEST(MoneyInCommandLine, StatementAndPaymentReportImportsNameTheirInstance) {
  auto statement = parse_ok(
      {"statement", "import", "--caisse", "c", "--instance", "bank", "releve-2026-12.xml"});
  EXPECT_EQ(statement.command, Command::statement_import);
  EXPECT_EQ(statement.instance, "bank");
  EXPECT_EQ(statement.file, "releve-2026-12.xml");
  EXPECT_EQ(route_of(statement), "POST /api/v1/caisses/c/statements/bank");

  auto report =
      parse_ok({"payment-report", "import", "--instance=sepa", "--caisse", "c", "pain002.xml"});
  EXPECT_EQ(report.command, Command::payment_report_import);
  EXPECT_EQ(command_name(report), "payment-report import");
  EXPECT_EQ(route_of(report), "POST /api/v1/caisses/c/payment-reports/sepa");
}

TEST(MoneyInCommandLine, BankQueueAndDecide) {
  auto all = parse_ok({"bank", "queue", "--caisse", "c"});
  EXPECT_EQ(all.command, Command::bank_queue);
  EXPECT_EQ(route_of(all), "GET /api/v1/caisses/c/bank-lines");
  EXPECT_EQ(route_of(parse_ok({"bank", "queue", "--caisse", "c", "--status", "unmatched"})),
            "GET /api/v1/caisses/c/bank-lines?status=unmatched");

  auto household = parse_ok({"bank", "decide", "--caisse", "c", "12", "--household", "H-0001"});
  EXPECT_EQ(household.command, Command::bank_decide);
  EXPECT_EQ(household.subject, "12");
  EXPECT_EQ(household.decision.household, "H-0001");
  EXPECT_FALSE(household.decision.ignore);
  EXPECT_FALSE(household.decision.note);
  EXPECT_EQ(route_of(household), "POST /api/v1/caisses/c/bank-lines/12/decision");

  auto funder = parse_ok({"bank", "decide", "--caisse", "c", "7", "--funder", "ccas"});
  EXPECT_EQ(funder.decision.funder, "ccas");
  auto ignore =
      parse_ok({"bank", "decide", "--caisse", "c", "7", "--ignore", "--note", "frais bancaires"});
  EXPECT_TRUE(ignore.decision.ignore);
  EXPECT_EQ(ignore.decision.note, "frais bancaires");
}

TEST(MoneyInCommandLine, WebhooksDeadAndReplay) {
  EXPECT_EQ(route_of(parse_ok({"webhooks", "dead", "--caisse", "c"})),
            "GET /api/v1/caisses/c/webhooks/dead");
  auto replay = parse_ok({"webhooks", "replay", "--caisse", "c", "31"});
  EXPECT_EQ(replay.command, Command::webhooks_replay);
  EXPECT_EQ(route_of(replay), "POST /api/v1/caisses/c/webhooks/dead/31/replay");
}

TEST(MoneyInCommandLine, MissingActionOrArgumentSaysWhatIsExpected) {
  EXPECT_EQ(parse_error({"mandates"}), "mandates: expected import, revoke or reinstate");
  EXPECT_EQ(parse_error({"collection", "send", "--caisse", "c"}),
            "collection: unknown action 'send' (expected draft, file, submitted or status)");
  EXPECT_EQ(parse_error({"bank"}), "bank: expected queue or decide");
  EXPECT_EQ(parse_error({"webhooks", "list"}),
            "webhooks: unknown action 'list' (expected dead or replay)");
  EXPECT_EQ(parse_error({"statement"}), "statement: expected import");
  EXPECT_EQ(parse_error({"mandates", "import", "--caisse", "c"}),
            "mandates import: expected the FILE");
  EXPECT_EQ(parse_error({"mandates", "revoke", "--caisse", "c"}),
            "mandates revoke: expected the HOUSEHOLD");
  EXPECT_EQ(parse_error({"bank", "decide", "--caisse", "c", "--ignore"}),
            "bank decide: expected the LINE_ID");
  EXPECT_EQ(parse_error({"mandates", "revoke", "--caisse", "c", "H-1", "H-2"}),
            "unexpected argument 'H-2'");
  EXPECT_EQ(parse_error({"bank", "queue", "--caisse", "c", "all"}), "unexpected argument 'all'");
}

TEST(MoneyInCommandLine, IdsArePositiveWholeNumbers) {
  for (const char* id : {"0", "-3", "12a", "1.5", "007", "1234567890123456789"}) {
    EXPECT_EQ(parse_error({"bank", "decide", "--caisse", "c", "--ignore", "--", id}),
              std::string("bank decide: LINE_ID '") + id +
                  "' is not an id: expected a positive whole number");
  }
  EXPECT_EQ(parse_error({"webhooks", "replay", "--caisse", "c", "x"}),
            "webhooks replay: ID 'x' is not an id: expected a positive whole number");
  EXPECT_EQ(parse_ok({"webhooks", "replay", "--caisse", "c", "123456789012345678"}).subject,
            "123456789012345678");
}

TEST(MoneyInCommandLine, RequiredOptionsAreNamed) {
  EXPECT_EQ(parse_error({"mandates", "import", "m.csv"}),
            "mandates import: --caisse ID is required");
  EXPECT_EQ(parse_error({"collection", "status", "--caisse", "c"}),
            "collection status: --month YYYY-MM is required");
  EXPECT_EQ(parse_error({"collection", "draft", "--caisse", "c", "--month", "2026-11",
                         "--collector", "sepa"}),
            "collection draft: --date YYYY-MM-DD is required");
  EXPECT_EQ(parse_error({"collection", "draft", "--caisse", "c", "--month", "2026-11", "--date",
                         "2026-12-05"}),
            "collection draft: --collector INSTANCE is required");
  EXPECT_EQ(parse_error({"statement", "import", "--caisse", "c", "f.xml"}),
            "statement import: --instance INSTANCE is required");
  EXPECT_EQ(parse_error({"payment-report", "import", "--caisse", "c", "f.xml"}),
            "payment-report import: --instance INSTANCE is required");
}

TEST(MoneyInCommandLine, BankDecideTakesExactlyOneDecision) {
  const std::string expected =
      "bank decide: expected one of --household HOUSEHOLD, --funder FUNDER, --provider INSTANCE "
      "or --ignore";
  EXPECT_EQ(parse_error({"bank", "decide", "--caisse", "c", "7"}), expected);
  EXPECT_EQ(parse_error({"bank", "decide", "--caisse", "c", "7", "--note", "x"}), expected);
  EXPECT_EQ(parse_error({"bank", "decide", "--caisse", "c", "7", "--household", "H-1", "--ignore"}),
            expected);
  EXPECT_EQ(
      parse_error({"bank", "decide", "--caisse", "c", "7", "--household", "H-1", "--funder", "f"}),
      expected);
  EXPECT_EQ(parse_error({"bank", "decide", "--caisse", "c", "7", "--provider", "card", "--ignore"}),
            expected);
}

TEST(MoneyInCommandLine, OptionsOnlyWhereTheyApply) {
  expect_errors({
      {"status --instance bank", "--instance does not apply to 'status'"},
      {"bank queue --caisse c --ignore", "--ignore does not apply to 'bank queue'"},
      {"collection status --caisse c --month 2026-11 --out f.xml",
       "--out does not apply to 'collection status'"},
      {"collection file --caisse c --month 2026-11 --date 2026-12-05",
       "--date does not apply to 'collection file'"},
      {"bank queue --caisse c --note x", "--note does not apply to 'bank queue'"},
      {"mandates import --caisse c --month 2026-11 m.csv",
       "--month does not apply to 'mandates import'"},
      {"import households --caisse c --status matched h.csv",
       "--status does not apply to 'import households'"},
  });
}

TEST(MoneyInCommandLine, BadValuesSayWhatIsExpected) {
  const std::string draft = "collection draft --caisse c --month 2026-11 ";
  const std::string instance_rule =
      "is not an instance name: expected lowercase letters, digits, '-' or '_', starting with a "
      "letter or digit";
  const std::vector<std::pair<std::string, std::string>> cases{
      {draft + "--date 05/12/2026 --collector sepa",
       "--date '05/12/2026' is not a day: expected YYYY-MM-DD, e.g. 2026-12-05"},
      {draft + "--date 2026-12-05 --collector SEPA", "--collector 'SEPA' " + instance_rule},
      {"statement import --caisse c --instance ../x f", "--instance '../x' " + instance_rule},
      {"bank queue --caisse c --status open",
       "--status 'open' is not a line status: expected unmatched, matched or ignored"},
      {"collection status --caisse c --month 2026-13",
       "--month '2026-13' is not a month: expected YYYY-MM, e.g. 2026-11"},
      {"bank decide --caisse c 7 --household", "--household needs a value"},
  };
  expect_errors(cases);
}

TEST(MoneyInCommandLine, UsageNamesEveryMoneyInCommand) {
  const std::string usage = usage_text();
  for (const char* words :
       {"mandates import --caisse ID FILE", "mandates revoke|reinstate --caisse ID HOUSEHOLD",
        "collection draft --caisse ID --month YYYY-MM --date YYYY-MM-DD --collector INSTANCE",
        "collection file --caisse ID --month YYYY-MM [--out FILE]",
        "collection submitted --caisse ID --month YYYY-MM",
        "collection status --caisse ID --month YYYY-MM",
        "statement import --caisse ID --instance INSTANCE FILE",
        "payment-report import --caisse ID --instance INSTANCE FILE",
        "bank queue --caisse ID [--status unmatched|matched|ignored]",
        "bank decide --caisse ID LINE_ID (--household H | --funder F | --provider INSTANCE |",
        "webhooks dead --caisse ID", "webhooks replay --caisse ID ID"}) {
    EXPECT_NE(usage.find(words), std::string::npos) << words;
  }
}

}  // namespace
}  // namespace caisse::host::ctl
