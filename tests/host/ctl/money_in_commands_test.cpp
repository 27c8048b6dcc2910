// The money-in commands through run_command against a one-request HTTP server on 127.0.0.1:
// what goes out (method, path, Idempotency-Key, body, its type and file name) and what comes
// back (the pain.008 to standard output or to a file, written whole or not at all).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ctl/commands.hpp"
#include "one_shot_http_server.hpp"
#include "run_command_helpers.hpp"
#include "temp_dir.hpp"

namespace caisse::host::ctl {
namespace {

using caisse::testing::closed_port;
using caisse::testing::http_response;
using caisse::testing::OneShotServer;
using caisse::testing::TempDir;

Invocation money_in_at(const std::string& url, Command command) {
  Invocation invocation;
  invocation.command = command;
  invocation.url = url;
  invocation.token = "s3cr3t-operator-token";
  invocation.caisse = "nantes-ouest";
  invocation.month = "2026-11";
  return invocation;
}

std::string header_line(const std::string& name, const std::string& value) {
  return "\r\n" + name + ": " + value + "\r\n";
}

std::string write(const TempDir& dir, const std::string& name, const std::string& bytes) {
  const std::string path = (dir.path() / name).string();
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// A pain.008 as the daemon answers it: not JSON.
std::string xml_response(const std::string& xml) {
  return "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: " +
         std::to_string(xml.size()) + "\r\nConnection: close\r\n\r\n" + xml;
}

constexpr const char* kPain008 =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document "
    "xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.008.001.02\"><CstmrDrctDbtInitn/></Document>\n";

TEST(MoneyInCommands, FileImportsSendTheBytesWithTheirNameAndType) {
  TempDir dir;
  struct Case {
    Command command;
    const char* file;
    const char* route;
    const char* content_type;
    const char* answer;
  };
  const Case cases[] = {
      {Command::mandates_import, "mandates.csv", "/api/v1/caisses/nantes-ouest/mandates/import",
       "text/csv",
       R"({"file_lines":1,"inserted":1,"updated":0,"amended":0,"replaced":0,"unchanged":0})"},
      {Command::statement_import, "releve.xml", "/api/v1/caisses/nantes-ouest/statements/bank",
       "application/octet-stream",
       R"({"file":"releve.xml","instance":"bank","already_imported":false,"lines":1,)"
       R"("new_lines":1,"matched":1,"unmatched":0,"money_in_minor":2500,"money_out_minor":0})"},
      {Command::payment_report_import, "pain002.xml",
       "/api/v1/caisses/nantes-ouest/payment-reports/sepa", "application/xml",
       R"({"file":"pain002.xml","events":[],"new_events":0})"},
  };
  for (const auto& c : cases) {
    const std::string bytes = std::string("line 1\r\nline 2 \xC3\xA9\n") + c.file;
    OneShotServer server(http_response(200, "OK", c.answer));
    Invocation invocation = money_in_at(server.url(), c.command);
    invocation.file = write(dir, c.file, bytes);
    invocation.instance = c.command == Command::statement_import ? "bank" : "sepa";
    auto result = run(invocation);
    EXPECT_EQ(result.code, kExitOk) << c.file << ": " << result.err;
    const std::string head = server.head();
    EXPECT_EQ(head.rfind(std::string("POST ") + c.route + " HTTP/1.1\r\n", 0), 0u) << head;
    EXPECT_NE(head.find(header_line("Content-Type", c.content_type)), std::string::npos) << head;
    EXPECT_NE(head.find(header_line("X-File-Name", c.file)), std::string::npos) << head;
    EXPECT_TRUE(is_32_hex(idempotency_key_of(head))) << head;
    EXPECT_EQ(server.body(), bytes);
    EXPECT_FALSE(result.out.empty());
  }
}

TEST(MoneyInCommands, AnUnreadableFileIsWrongUsageAndNothingIsSent) {
  const std::string url = "http://127.0.0.1:" + std::to_string(closed_port());
  Invocation invocation = money_in_at(url, Command::statement_import);
  invocation.instance = "bank";
  invocation.file = "/nonexistent/releve.xml";
  auto result = run(invocation);
  EXPECT_EQ(result.code, kExitUsage);
  EXPECT_EQ(result.err,
            "caissectl: cannot read import file /nonexistent/releve.xml: No such file or "
            "directory\n");
}

TEST(MoneyInCommands, DraftSendsTheDateAndCollectorAsJson) {
  OneShotServer server(http_response(
      200, "OK",
      R"({"month":"2026-11","message_id":"nantes-ouest-202611-SDD","debits":4,"added":4,)"
      R"("problems":[]})"));
  Invocation invocation = money_in_at(server.url(), Command::collection_draft);
  invocation.collection_date = "2026-12-05";
  invocation.collector = "sepa";
  auto result = run(invocation);
  EXPECT_EQ(result.code, kExitOk) << result.err;
  EXPECT_EQ(server.head().rfind(
                "POST /api/v1/caisses/nantes-ouest/collections/2026-11/draft HTTP/1.1\r\n", 0),
            0u);
  EXPECT_NE(server.head().find(header_line("Content-Type", "application/json")), std::string::npos);
  EXPECT_EQ(server.body(), R"({"collection_date":"2026-12-05","collector":"sepa"})");
  EXPECT_EQ(result.out.rfind("direct-debit run 2026-11 (nantes-ouest-202611-SDD): 4 debits", 0), 0u)
      << result.out;
}

TEST(MoneyInCommands, DecideSendsExactlyTheDecisionAndTheNote) {
  struct Case {
    LineDecision decision;
    const char* body;
  };
  LineDecision household;
  household.household = "H-0001";
  LineDecision funder;
  funder.funder = "ccas-nantes";
  funder.note = "subvention \"novembre\"";
  LineDecision provider;
  provider.provider = "card";
  LineDecision ignore;
  ignore.ignore = true;
  ignore.note = "frais bancaires";
  const Case cases[] = {
      {household, R"({"household":"H-0001"})"},
      {funder, R"({"funder":"ccas-nantes","note":"subvention \"novembre\""})"},
      {provider, R"({"provider":"card"})"},
      {ignore, R"({"ignore":true,"note":"frais bancaires"})"},
  };
  for (const auto& c : cases) {
    OneShotServer server(http_response(200, "OK", R"({"line":42,"decided":true})"));
    Invocation invocation = money_in_at(server.url(), Command::bank_decide);
    invocation.subject = "42";
    invocation.decision = c.decision;
    auto result = run(invocation);
    EXPECT_EQ(result.code, kExitOk) << result.err;
    EXPECT_EQ(server.head().rfind(
                  "POST /api/v1/caisses/nantes-ouest/bank-lines/42/decision HTTP/1.1\r\n", 0),
              0u);
    EXPECT_EQ(server.body(), c.body);
    EXPECT_EQ(result.out, "bank line 42: decided\n");
  }
}

TEST(MoneyInCommands, ReadsAreGetsWithoutAKey) {
  const std::pair<Command, const char*> reads[] = {
      {Command::collection_status, "GET /api/v1/caisses/nantes-ouest/collections/2026-11 "},
      {Command::bank_queue, "GET /api/v1/caisses/nantes-ouest/bank-lines?status=ignored "},
      {Command::webhooks_dead, "GET /api/v1/caisses/nantes-ouest/webhooks/dead "},
  };
  for (const auto& [command, route] : reads) {
    OneShotServer server(http_response(200, "OK", R"({"caisse":"nantes-ouest"})"));
    Invocation invocation = money_in_at(server.url(), command);
    invocation.line_status = "ignored";
    auto result = run(invocation);
    EXPECT_EQ(result.code, kExitOk) << route << result.err;
    EXPECT_EQ(server.head().rfind(route, 0), 0u) << server.head();
    EXPECT_EQ(idempotency_key_of(server.head()), "");
  }
}

TEST(MoneyInCommands, ChangesWithoutABodyArePostsWithAKey) {
  const std::pair<Command, const char*> changes[] = {
      {Command::mandates_revoke, "POST /api/v1/caisses/nantes-ouest/mandates/H-0002/revoke "},
      {Command::mandates_reinstate, "POST /api/v1/caisses/nantes-ouest/mandates/H-0002/reinstate "},
      {Command::collection_submitted,
       "POST /api/v1/caisses/nantes-ouest/collections/2026-11/submitted "},
      {Command::webhooks_replay, "POST /api/v1/caisses/nantes-ouest/webhooks/dead/H-0002/replay "},
  };
  for (const auto& [command, route] : changes) {
    OneShotServer server(http_response(200, "OK", R"({"month":"2026-11"})"));
    Invocation invocation = money_in_at(server.url(), command);
    invocation.subject = "H-0002";
    auto result = run(invocation);
    EXPECT_EQ(result.code, kExitOk) << route << result.err;
    EXPECT_EQ(server.head().rfind(route, 0), 0u) << server.head();
    EXPECT_NE(server.head().find("\r\nContent-Length: 0\r\n"), std::string::npos) << route;
    EXPECT_TRUE(is_32_hex(idempotency_key_of(server.head()))) << server.head();
  }
}

TEST(MoneyInCommands, CollectionFileGoesToStandardOutputByteForByte) {
  OneShotServer server(xml_response(kPain008));
  Invocation invocation = money_in_at(server.url(), Command::collection_file);
  invocation.json = true;  // the file is not JSON: it is printed as it came
  auto result = run(invocation);
  EXPECT_EQ(result.code, kExitOk) << result.err;
  EXPECT_EQ(server.head().rfind(
                "POST /api/v1/caisses/nantes-ouest/collections/2026-11/file HTTP/1.1\r\n", 0),
            0u);
  EXPECT_TRUE(is_32_hex(idempotency_key_of(server.head())));
  EXPECT_EQ(result.out, kPain008);
}

TEST(MoneyInCommands, CollectionFileWritesTheOutFileWhole) {
  TempDir dir;
  const std::string path = (dir.path() / "sdd-2026-11.xml").string();
  {
    OneShotServer server(xml_response(kPain008));
    Invocation invocation = money_in_at(server.url(), Command::collection_file);
    invocation.out_file = path;
    auto result = run(invocation);
    EXPECT_EQ(result.code, kExitOk) << result.err;
    EXPECT_EQ(read(path), kPain008);
    EXPECT_EQ(result.out, "pain.008 of nantes-ouest for 2026-11 written to " + path + " (" +
                              std::to_string(std::string(kPain008).size()) + " bytes)\n");
  }
  {
    OneShotServer server(xml_response("<Document/>"));
    Invocation invocation = money_in_at(server.url(), Command::collection_file);
    invocation.out_file = path;
    invocation.json = true;
    auto result = run(invocation);
    EXPECT_EQ(result.code, kExitOk) << result.err;
    EXPECT_EQ(read(path), "<Document/>");
    EXPECT_EQ(result.out, R"({"file":")" + path + R"(","bytes":11})" + "\n");
  }
  // Nothing but the file is left in the directory.
  std::size_t entries = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    EXPECT_EQ(entry.path().string(), path);
    ++entries;
  }
  EXPECT_EQ(entries, 1u);
}

TEST(MoneyInCommands, AnOutFileThatCannotBeWrittenExits2) {
  OneShotServer server(xml_response(kPain008));
  Invocation invocation = money_in_at(server.url(), Command::collection_file);
  invocation.out_file = "/nonexistent/sdd.xml";
  auto result = run(invocation);
  EXPECT_EQ(result.code, kExitUsage);
  EXPECT_EQ(result.err,
            "caissectl: cannot write /nonexistent/sdd.xml: No such file or directory (the daemon "
            "gives the same file again: run the command again)\n");
  EXPECT_EQ(result.out, "");
}

// A refusal, or a success that is not the XML: exit 1, and no --out file appears.
TEST(MoneyInCommands, AnAnswerThatIsNotTheFileWritesNothing) {
  const std::pair<std::string, std::string> answers[] = {
      {http_response(200, "OK", R"({"month":"2026-11"})"),
       "caissectl: the daemon's answer is not the XML file (Content-Type 'application/json')\n"},
      {http_response(409, "Conflict",
                     R"({"error":"caisse nantes-ouest has no direct-debit run for 2026-11"})"),
       "caissectl: the daemon refused (HTTP 409): caisse nantes-ouest has no direct-debit run "
       "for 2026-11\n"},
  };
  for (const auto& [response, message] : answers) {
    OneShotServer server(response);
    TempDir dir;
    Invocation invocation = money_in_at(server.url(), Command::collection_file);
    invocation.out_file = (dir.path() / "sdd.xml").string();
    auto result = run(invocation);
    EXPECT_EQ(result.code, kExitRefused);
    EXPECT_EQ(result.err, message);
    EXPECT_FALSE(std::filesystem::exists(invocation.out_file));
  }
}

}  // namespace
}  // namespace caisse::host::ctl
