// The conventionnement commands' command line: every form, the route and method it asks for,
// the decision's JSON against docs/conventionnement.md's example, and each wrong usage with its
// one-line message. Routes are the daemon's (conventionnement_routes.cpp), copied by hand.
#include "ctl/conventionnement_command_line.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <sstream>

#include "ctl/commands.hpp"
#include "ctl/conventionnement_requests.hpp"

namespace caisse::host::ctl {
namespace {

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> args;
  std::istringstream words(line);
  for (std::string word; words >> word;) args.push_back(word);
  return args;
}

Invocation parse_ok(const std::string& line) {
  auto result = parse_command_line(split(line), {});
  EXPECT_TRUE(result.ok()) << line << ": " << (result.ok() ? "" : result.error().message);
  return result.ok() ? *result : Invocation{};
}

std::string route_of(const std::string& line) {
  const Invocation invocation = parse_ok(line);
  return std::string(is_post(invocation.command) ? "POST " : "GET ") + api_target(invocation);
}

TEST(ConventionnementCommandLine, EachCommandAsksForItsRoute) {
  const std::pair<const char*, const char*> cases[] = {
      {"merchant list --caisse nantes-ouest", "GET /api/v1/caisses/nantes-ouest/merchants"},
      {"merchant show --caisse nantes-ouest M-0031",
       "GET /api/v1/caisses/nantes-ouest/merchants/M-0031"},
      {"merchant show --caisse nantes-ouest M/1",
       "GET /api/v1/caisses/nantes-ouest/merchants/M%2F1"},
      {"merchant report --caisse nantes-ouest --month 2026-11",
       "GET /api/v1/caisses/nantes-ouest/merchants/report?month=2026-11"},
      {"evaluation record --caisse nantes-ouest --grid 2025-1 visit.toml",
       "POST /api/v1/caisses/nantes-ouest/evaluations?grid=2025-1"},
      {"decision record --caisse nantes-ouest M-0031 --decision suspend --method consensus "
       "--decided-on 2026-11-20",
       "POST /api/v1/caisses/nantes-ouest/decisions"},
      {"merchant add --caisse nantes-ouest merchants.csv",
       "POST /api/v1/caisses/nantes-ouest/imports/merchants"},
  };
  for (const auto& [line, route] : cases) {
    EXPECT_EQ(route_of(line), route) << line;
  }
}

TEST(ConventionnementCommandLine, MerchantAddIsImportMerchants) {
  const Invocation add = parse_ok("merchant add --caisse nantes-ouest merchants.csv");
  EXPECT_EQ(add.command, Command::import);
  EXPECT_EQ(add.import_kind, "merchants");
  EXPECT_EQ(add.file, "merchants.csv");
}

TEST(ConventionnementCommandLine, EvaluationRecordKeepsTheFileAndTheGrid) {
  const Invocation record =
      parse_ok("evaluation record visit.toml --grid=2026-1 --caisse nantes-ouest");
  EXPECT_EQ(record.command, Command::evaluation_record);
  EXPECT_EQ(record.file, "visit.toml");
  EXPECT_EQ(record.grid_version, "2026-1");
  EXPECT_EQ(command_name(record), "evaluation record");
}

TEST(ConventionnementCommandLine, AVoteIsTheDocumentedJson) {
  // The example of docs/conventionnement.md, section Decisions.
  const auto expected = boost::json::parse(
      R"({"merchant_id": "M-0031", "decision": "accredit", "decided_on": "2026-11-20",
          "method": "vote", "votes": {"in_favour": 9, "against": 2, "abstaining": 1},
          "valid_from": "2026-12-01", "valid_until": "2027-11-30",
          "next_evaluation_on": "2027-10-01", "evaluation_ids": [3],
          "note": "Comité du 20 novembre"})");
  std::vector<std::string> args = split(
      "decision record --caisse nantes-ouest M-0031 --decision accredit --method vote --for 9 "
      "--against 2 --abstain 1 --decided-on 2026-11-20 --valid-from 2026-12-01 --valid-until "
      "2027-11-30 --next-evaluation 2027-10-01 --evaluation 3 --note");
  args.push_back("Comité du 20 novembre");
  auto parsed = parse_command_line(args, {});
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(boost::json::parse(decision_record_json(*parsed)), expected)
      << decision_record_json(*parsed);
}

TEST(ConventionnementCommandLine, AConsensusStartsTheDayItIsDecidedAndSendsNoVotes) {
  const Invocation consensus = parse_ok(
      "decision record --caisse nantes-ouest M-7 --decision suspend --method consensus "
      "--decided-on 2026-11-20 --evaluation 4,12");
  EXPECT_EQ(boost::json::parse(decision_record_json(consensus)),
            boost::json::parse(R"({"merchant_id":"M-7","decision":"suspend",
              "decided_on":"2026-11-20","method":"consensus","valid_from":"2026-11-20",
              "evaluation_ids":[4,12]})"));
}

TEST(ConventionnementCommandLine, BankDecideStillTakesItsNote) {
  const Invocation decide = parse_ok("bank decide --caisse nantes-ouest 42 --ignore --note frais");
  EXPECT_EQ(decide.decision.note, std::optional<std::string>("frais"));
  EXPECT_FALSE(decide.merchant_decision.note);
}

TEST(ConventionnementCommandLine, WrongUsageSaysWhatIsWrong) {
  const std::string decide =
      "decision record --caisse c M-1 --decided-on 2026-11-20 --method consensus ";
  const std::pair<std::string, std::string> cases[] = {
      {"merchant", "merchant: expected add, list, show or report"},
      {"merchant remove --caisse c",
       "merchant: unknown action 'remove' (expected add, list, "
       "show or report)"},
      {"merchant add --caisse c", "merchant add: expected the FILE (merchants.csv)"},
      {"merchant show --caisse c", "merchant show: expected the MERCHANT"},
      {"merchant list", "merchant list: --caisse ID is required"},
      {"merchant list --caisse c M-1", "unexpected argument 'M-1'"},
      {"merchant report --caisse c", "merchant report: --month YYYY-MM is required"},
      {"merchant list --caisse c --month 2026-11", "--month does not apply to 'merchant list'"},
      {"evaluation record --caisse c visit.toml", "evaluation record: --grid is required"},
      {"evaluation record --caisse c --grid 2025-1", "evaluation record: expected the FILE"},
      {"evaluation", "evaluation: expected record"},
      {"merchant list --caisse c --grid 2025-1", "--grid does not apply to 'merchant list'"},
      {"decision record --caisse c M-1 --method consensus --decided-on 2026-11-20",
       "decision record: --decision is required"},
      {decide + "--decision close",
       "--decision 'close' is not a decision: expected accredit, "
       "refuse or suspend"},
      {"decision record --caisse c M-1 --decision suspend --method show-of-hands "
       "--decided-on 2026-11-20",
       "--method 'show-of-hands' is not a method: expected consensus or vote"},
      {decide + "--decision suspend --valid-until 2026-13-01",
       "--valid-until '2026-13-01' is not a day: expected YYYY-MM-DD, e.g. 2026-11-20"},
      {decide + "--decision suspend --for 3",
       "decision record: --for, --against and --abstain are for a vote"},
      {"decision record --caisse c M-1 --decision suspend --method vote --decided-on 2026-11-20 "
       "--for 3 --against 1",
       "decision record: a vote needs --for N --against N --abstain N"},
      {decide + "--decision suspend --for -3",
       "--for '-3' is not a vote count: expected a whole number, e.g. 9"},
      {decide + "--decision suspend --against 1.5",
       "--against '1.5' is not a vote count: expected a whole number, e.g. 9"},
      {decide + "--decision suspend --evaluation 3,,4",
       "--evaluation '3,,4' is not a list of evaluation ids: expected e.g. 3 or 3,7"},
      {decide + "--decision suspend --evaluation 0",
       "--evaluation '0' is not a list of evaluation ids: expected e.g. 3 or 3,7"},
      {"merchant list --caisse c --note x", "--note does not apply to 'merchant list'"},
      {"bank decide --caisse c 4 --ignore --decided-on 2026-11-20",
       "--decided-on does not apply to 'bank decide'"},
  };
  for (const auto& [line, message] : cases) {
    auto result = parse_command_line(split(line), {});
    ASSERT_FALSE(result.ok()) << line;
    EXPECT_EQ(result.error().message, message) << line;
  }
}

TEST(ConventionnementCommandLine, TheHelpListsTheCommands) {
  const std::string help = usage_text();
  for (const char* words : {"merchant add", "merchant list", "merchant show", "merchant report",
                            "evaluation record", "decision record"}) {
    EXPECT_NE(help.find(words), std::string::npos) << words;
  }
}

}  // namespace
}  // namespace caisse::host::ctl
