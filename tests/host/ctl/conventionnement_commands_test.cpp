// The conventionnement commands through run_command against a one-request HTTP server on
// 127.0.0.1: what goes out (method, path, Idempotency-Key, body, its type and file name), an
// evaluation file naming another grid version than --grid (exit 2, nothing sent), and the exit
// code of a decision whose push to a backend failed.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <fstream>
#include <tuple>

#include "ctl/commands.hpp"
#include "one_shot_http_server.hpp"
#include "run_command_helpers.hpp"
#include "temp_dir.hpp"

namespace caisse::host::ctl {
namespace {

using caisse::testing::http_response;
using caisse::testing::OneShotServer;
using Dir = caisse::testing::TempDir;

constexpr const char* kVisit =
    "grid = \"nantes\"\ngrid_version = \"2025-1\"\nmerchant = \"M-0031\"\n"
    "date = \"2025-09-20\"\nevaluators = [\"R-005\", \"R-061\"]\n\n[answers]\nacces_pmr = 0\n";

// A committee member's invocation of `command` for Nantes Ouest against the daemon at `url`.
Invocation at(const std::string& url, Command command) {
  Invocation invocation;
  std::tie(invocation.command, invocation.url, invocation.caisse, invocation.token) =
      std::tuple(command, url, "nantes-ouest", "s3cr3t-committee-token");
  return invocation;
}

std::string visit_file(const Dir& dir) {
  const std::string path = (dir.path() / "visite.toml").string();
  std::ofstream(path, std::ios::binary) << kVisit;
  return path;
}

TEST(ConventionnementCommands, AnEvaluationIsTheFileWithItsNameAndGrid) {
  Dir dir;
  OneShotServer server(http_response(
      200, "OK",
      R"({"caisse":"nantes-ouest","recorded":true,"evaluation":{"id":3,"merchant_id":"M-0031",)"
      R"("grid":"nantes","grid_version":"2025-1","date":"2025-09-20","evaluators":["R-005",)"
      R"("R-061"],"score":{"outcome":"accredited","points":44,"max_points":84,)"
      R"("share_permille":523,"categories":[],"reasons":[]}}})"));
  Invocation invocation = at(server.url(), Command::evaluation_record);
  invocation.grid_version = "2025-1";
  invocation.file = visit_file(dir);
  auto result = run(invocation);
  EXPECT_EQ(result.code, kExitOk) << result.err;
  const std::string head = server.head();
  EXPECT_EQ(head.rfind("POST /api/v1/caisses/nantes-ouest/evaluations?grid=2025-1 HTTP/1.1\r\n", 0),
            0u)
      << head;
  EXPECT_NE(head.find("\r\nX-File-Name: visite.toml\r\n"), std::string::npos) << head;
  EXPECT_NE(head.find("\r\nContent-Type: application/toml\r\n"), std::string::npos) << head;
  EXPECT_TRUE(is_32_hex(idempotency_key_of(head))) << head;
  EXPECT_EQ(server.body(), kVisit);
  EXPECT_EQ(result.out.rfind("evaluation 3 recorded: merchant M-0031, 2025-09-20, grid nantes "
                             "2025-1, evaluators R-005,R-061\noutcome: accredited, 44/84 points "
                             "(52.3 %)\n",
                             0),
            0u)
      << result.out;
}

TEST(ConventionnementCommands, AFileOfAnotherGridVersionIsWrongUsageAndNothingIsSent) {
  Dir dir;
  Invocation invocation = at("http://127.0.0.1:" + std::to_string(caisse::testing::closed_port()),
                             Command::evaluation_record);
  invocation.grid_version = "2026-1";
  invocation.file = visit_file(dir);
  auto result = run(invocation);
  EXPECT_EQ(result.code, kExitUsage);
  EXPECT_EQ(result.err, "caissectl: " + invocation.file +
                            ": grid_version \"2025-1\" is not the --grid 2026-1 asked for "
                            "(record it with --grid 2025-1 if that is the grid the visit used)\n");
}

TEST(ConventionnementCommands, AFileThatIsNotTomlGoesToTheDaemonWhichNamesTheError) {
  Dir dir;
  const std::string path = (dir.path() / "broken.toml").string();
  std::ofstream(path) << "grid = \n";
  OneShotServer server(http_response(422, "Unprocessable Entity",
                                     R"({"error":"broken.toml:1:8: expected a value"})"));
  Invocation invocation = at(server.url(), Command::evaluation_record);
  invocation.grid_version = "2025-1";
  invocation.file = path;
  auto result = run(invocation);
  EXPECT_EQ(result.code, kExitRefused);
  EXPECT_EQ(server.body(), "grid = \n");
  EXPECT_NE(result.err.find("broken.toml:1:8: expected a value"), std::string::npos) << result.err;
}

TEST(ConventionnementCommands, ADecisionIsJsonAndAFailedPushExitsOne) {
  struct Case {
    const char* sync;
    int code;
  };
  const Case cases[] = {
      {R"([{"instance":"cyclos","status":"ok","merchants":2,"message":""}])", kExitOk},
      {R"([{"instance":"cyclos","status":"error","merchants":2,"message":"timeout"}])",
       kExitRefused},
  };
  for (const auto& c : cases) {
    OneShotServer server(http_response(
        200, "OK",
        std::string(R"({"caisse":"nantes-ouest","decision_id":4,"recorded":true,)") +
            R"("changes":[{"merchant_id":"M-0031","accredited":false,"gate_flipped":true,)" +
            R"("standing":"suspended","onboarded":true}],"sync":)" + c.sync + "}"));
    Invocation invocation = at(server.url(), Command::decision_record);
    invocation.subject = "M-0031";
    invocation.merchant_decision.decision = "suspend";
    invocation.merchant_decision.method = "consensus";
    invocation.merchant_decision.decided_on = "2026-11-20";
    invocation.merchant_decision.valid_from = "2026-11-20";
    auto result = run(invocation);
    EXPECT_EQ(result.code, c.code) << c.sync << result.err;
    EXPECT_EQ(server.head().rfind("POST /api/v1/caisses/nantes-ouest/decisions HTTP/1.1\r\n", 0),
              0u);
    EXPECT_NE(server.head().find("\r\nContent-Type: application/json\r\n"), std::string::npos);
    EXPECT_EQ(boost::json::parse(server.body()),
              boost::json::parse(R"({"merchant_id":"M-0031","decision":"suspend",
                "decided_on":"2026-11-20","method":"consensus","valid_from":"2026-11-20"})"));
    EXPECT_EQ(result.out.rfind("decision 4 recorded\nmerchants changed:\n", 0), 0u) << result.out;
  }
}

TEST(ConventionnementCommands, ReadsAreGetsWithoutAKey) {
  const std::pair<Command, const char*> reads[] = {
      {Command::merchant_list, "GET /api/v1/caisses/nantes-ouest/merchants "},
      {Command::merchant_show, "GET /api/v1/caisses/nantes-ouest/merchants/M-0031 "},
      {Command::merchant_report,
       "GET /api/v1/caisses/nantes-ouest/merchants/report?month=2026-11 "},
  };
  for (const auto& [command, route] : reads) {
    OneShotServer server(http_response(200, "OK", R"({"caisse":"nantes-ouest"})"));
    Invocation invocation = at(server.url(), command);
    invocation.subject = "M-0031";
    invocation.month = "2026-11";
    auto result = run(invocation);
    EXPECT_EQ(result.code, kExitOk) << route << result.err;
    EXPECT_EQ(server.head().rfind(route, 0), 0u) << server.head();
    EXPECT_EQ(idempotency_key_of(server.head()), "");
  }
}

}  // namespace
}  // namespace caisse::host::ctl
