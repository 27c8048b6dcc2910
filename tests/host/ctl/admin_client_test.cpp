// The client and run_command against a real, tiny HTTP server on 127.0.0.1: a thread with a raw
// socket that reads one request (head and Content-Length body) and answers one canned response.
#include "ctl/admin_client.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <cctype>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "ctl/commands.hpp"
#include "one_shot_http_server.hpp"
#include "run_command_helpers.hpp"

namespace caisse::host::ctl {
namespace {

using caisse::testing::closed_port;
using caisse::testing::http_response;
using caisse::testing::OneShotServer;

constexpr const char* kStatusBody =
    R"({"version":"0.1.0","sdk_abi":{"major":1,"minor":0},"uptime_seconds":12,)"
    R"("database":{"mode":"embedded","reachable":true,"schema_version":1},)"
    R"("caisses":[{"id":"montpellier","name":"Montpellier"}],"plugins":{"loaded":1,"failed":0}})";

Invocation status_at(const std::string& url) {
  Invocation invocation;
  invocation.command = Command::status;
  invocation.url = url;
  invocation.token = "s3cr3t-operator-token";
  return invocation;
}

TEST(ParseEndpoint, ReadsSchemeHostPortAndBasePath) {
  auto plain = parse_endpoint("http://127.0.0.1:8420");
  ASSERT_TRUE(plain.ok()) << plain.error().message;
  EXPECT_FALSE(plain->peer.tls);
  EXPECT_EQ(plain->peer.host, "127.0.0.1");
  EXPECT_EQ(plain->peer.port, "8420");
  EXPECT_EQ(plain->peer.authority, "127.0.0.1:8420");
  EXPECT_EQ(plain->base_path, "");

  auto tls = parse_endpoint("https://caisse.example/admin/");
  ASSERT_TRUE(tls.ok()) << tls.error().message;
  EXPECT_TRUE(tls->peer.tls);
  EXPECT_EQ(tls->peer.host, "caisse.example");
  EXPECT_EQ(tls->peer.port, "443");
  EXPECT_EQ(tls->peer.authority, "caisse.example");
  EXPECT_EQ(tls->base_path, "/admin");

  auto v6 = parse_endpoint("http://[::1]:9000/");
  ASSERT_TRUE(v6.ok()) << v6.error().message;
  EXPECT_EQ(v6->peer.host, "::1");
  EXPECT_EQ(v6->peer.authority, "[::1]:9000");
  EXPECT_EQ(parse_endpoint("http://localhost")->peer.port, "80");
}

TEST(ParseEndpoint, RefusesWhatCannotBeAnAdminApiUrl) {
  EXPECT_FALSE(parse_endpoint("127.0.0.1:8420").ok());
  EXPECT_FALSE(parse_endpoint("ftp://host/").ok());
  EXPECT_FALSE(parse_endpoint("http://").ok());
  EXPECT_FALSE(parse_endpoint("http://host/?x=1").ok());
  EXPECT_FALSE(parse_endpoint("http://host:0/").ok());
  EXPECT_FALSE(parse_endpoint("not a url").ok());
  auto with_password = parse_endpoint("http://admin:hunter2@host/");
  ASSERT_FALSE(with_password.ok());
  EXPECT_EQ(with_password.error().message.find("hunter2"), std::string::npos);
}

TEST(AdminClient, GetsJsonAndSendsTheBearerToken) {
  OneShotServer server(http_response(200, "OK", kStatusBody));
  ClientOptions options;
  options.token = "tok-123";
  auto client = AdminClient::create(*parse_endpoint(server.url() + "/base/"), options);
  ASSERT_TRUE(client.ok()) << client.error().message;

  auto answer = client->get("/api/v1/status");
  ASSERT_TRUE(answer.ok()) << answer.error().message;
  EXPECT_EQ(answer->status, 200u);
  EXPECT_EQ(answer->content_type, "application/json");
  EXPECT_EQ(answer->body, kStatusBody);

  std::string request = server.request();
  EXPECT_EQ(request.rfind("GET /base/api/v1/status HTTP/1.1\r\n", 0), 0u) << request;
  EXPECT_NE(request.find("Authorization: Bearer tok-123\r\n"), std::string::npos) << request;
  EXPECT_NE(request.find("Host: 127.0.0.1:" + std::to_string(server.port())), std::string::npos);
}

TEST(AdminClient, NoTokenSendsNoAuthorizationHeader) {
  OneShotServer server(http_response(200, "OK", "{}"));
  auto client = AdminClient::create(*parse_endpoint(server.url()), {});
  ASSERT_TRUE(client.ok());
  ASSERT_TRUE(client->get("/healthz").ok());
  EXPECT_EQ(server.request().find("Authorization"), std::string::npos);
}

TEST(AdminClient, ErrorStatusIsAnAnswerNotAnError) {
  OneShotServer server(http_response(404, "Not Found", R"({"error":"no plugin named 'x'"})"));
  auto client = AdminClient::create(*parse_endpoint(server.url()), {});
  auto answer = client->get("/api/v1/plugins/x");
  ASSERT_TRUE(answer.ok()) << answer.error().message;
  EXPECT_EQ(answer->status, 404u);
}

TEST(AdminClient, ReadTimeoutIsAnError) {
  OneShotServer server("", /*silent=*/true);
  ClientOptions options;
  options.read_timeout = std::chrono::milliseconds(200);
  auto client = AdminClient::create(*parse_endpoint(server.url()), options);
  auto started = std::chrono::steady_clock::now();
  auto answer = client->get("/api/v1/status");
  ASSERT_FALSE(answer.ok());
  EXPECT_NE(answer.error().message.find("timed out"), std::string::npos) << answer.error().message;
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3));
}

TEST(AdminClient, MissingCaFileIsRefusedAtCreation) {
  ClientOptions options;
  options.ca_file = "/nonexistent/ca.pem";
  auto client = AdminClient::create(*parse_endpoint("https://127.0.0.1:1/"), options);
  ASSERT_FALSE(client.ok());
  EXPECT_NE(client.error().message.find("/nonexistent/ca.pem"), std::string::npos);
}

TEST(RunCommand, StatusRendersTheAnswerAndExits0) {
  OneShotServer server(http_response(200, "OK", kStatusBody));
  auto result = run(status_at(server.url()));
  EXPECT_EQ(result.code, kExitOk) << result.err;
  EXPECT_NE(result.out.find("caissed 0.1.0"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("montpellier"), std::string::npos) << result.out;
  EXPECT_EQ(result.err, "");
}

TEST(RunCommand, JsonPrintsTheAnswerCompactOnOneLine) {
  OneShotServer server(http_response(200, "OK", "{ \"plugins\" : [ {\"name\":\"hello\"} ] }"));
  Invocation invocation = status_at(server.url());
  invocation.command = Command::plugin_list;
  invocation.json = true;
  auto result = run(invocation);
  EXPECT_EQ(result.code, kExitOk) << result.err;
  EXPECT_EQ(result.out, "{\"plugins\":[{\"name\":\"hello\"}]}\n");
  EXPECT_EQ(server.request().rfind("GET /api/v1/plugins HTTP/1.1", 0), 0u);
}

TEST(RunCommand, DescribeEncodesThePluginName) {
  OneShotServer server(http_response(200, "OK", R"({"name":"a b"})"));
  Invocation invocation = status_at(server.url());
  invocation.command = Command::plugin_describe;
  invocation.plugin_name = "a b/../x";
  auto result = run(invocation);
  EXPECT_EQ(result.code, kExitOk) << result.err;
  EXPECT_EQ(server.request().rfind("GET /api/v1/plugins/a%20b%2F..%2Fx HTTP/1.1", 0), 0u)
      << server.request();
}

TEST(RunCommand, UnauthorizedPrintsTheDaemonsMessageAndExits1WithoutTheToken) {
  OneShotServer server(
      http_response(401, "Unauthorized", R"({"error":"a valid bearer token is required"})"));
  auto result = run(status_at(server.url()));
  EXPECT_EQ(result.code, kExitRefused);
  EXPECT_EQ(result.err,
            "caissectl: the daemon refused (HTTP 401): a valid bearer token is required\n");
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err.find("s3cr3t"), std::string::npos);
}

TEST(RunCommand, UnauthorizedWithoutTokenSaysHowToGiveOne) {
  OneShotServer server(http_response(401, "Unauthorized", R"({"error":"missing bearer token"})"));
  Invocation invocation = status_at(server.url());
  invocation.token.reset();
  auto result = run(invocation);
  EXPECT_EQ(result.code, kExitRefused);
  EXPECT_NE(result.err.find("CAISSE_TOKEN"), std::string::npos) << result.err;
}

TEST(RunCommand, NonJsonErrorBodyIsQuoted) {
  OneShotServer server("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 11\r\n\r\nproxy\ndown!");
  auto result = run(status_at(server.url()));
  EXPECT_EQ(result.code, kExitRefused);
  EXPECT_EQ(result.err, "caissectl: the daemon refused (HTTP 502): proxy down!\n");
}

TEST(RunCommand, SuccessThatIsNotJsonExits1) {
  OneShotServer server("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello");
  auto result = run(status_at(server.url()));
  EXPECT_EQ(result.code, kExitRefused);
  EXPECT_NE(result.err.find("not JSON"), std::string::npos);
}

TEST(RunCommand, ConnectionRefusedExits3) {
  auto result = run(status_at("http://127.0.0.1:" + std::to_string(closed_port())));
  EXPECT_EQ(result.code, kExitUnreachable);
  EXPECT_EQ(result.err.rfind("caissectl: cannot reach http://127.0.0.1:", 0), 0u) << result.err;
  EXPECT_NE(result.err.find("connecting"), std::string::npos) << result.err;
}

TEST(RunCommand, HttpsToAPlainHttpServerIsUnreachable) {
  OneShotServer server(http_response(200, "OK", "{}"));
  auto result = run(status_at("https://127.0.0.1:" + std::to_string(server.port())));
  EXPECT_EQ(result.code, kExitUnreachable);
  EXPECT_NE(result.err.find("TLS handshake"), std::string::npos) << result.err;
}

TEST(RunCommand, BadUrlOrTokenFileIsWrongUsage) {
  EXPECT_EQ(run(status_at("localhost:8420")).code, kExitUsage);
  Invocation invocation = status_at("http://127.0.0.1:1");
  invocation.token_file = "/nonexistent/token";
  auto result = run(invocation);
  EXPECT_EQ(result.code, kExitUsage);
  EXPECT_NE(result.err.find("/nonexistent/token"), std::string::npos);
  Invocation bad_ca = status_at("https://127.0.0.1:1");
  bad_ca.ca_file = "/nonexistent/ca.pem";
  EXPECT_EQ(run(bad_ca).code, kExitUsage);
}

TEST(AdminClient, PostSendsTheBodyByteForByteWithContentTypeAndHeaders) {
  OneShotServer server(http_response(200, "OK", "{}"));
  ClientOptions options;
  options.token = "tok-123";
  auto client = AdminClient::create(*parse_endpoint(server.url() + "/base"), options);
  ASSERT_TRUE(client.ok()) << client.error().message;
  const std::string body("id;name\r\nH-1;\xC3\xA9l\xC3\xA8ne\n\0tail\xFF", 27);

  auto answer = client->post("/api/v1/caisses/m/imports/households", body, "text/csv",
                             {{"Idempotency-Key", "0123456789abcdef0123456789abcdef"}});
  ASSERT_TRUE(answer.ok()) << answer.error().message;
  EXPECT_EQ(answer->status, 200u);

  std::string head = server.head();
  EXPECT_EQ(head.rfind("POST /base/api/v1/caisses/m/imports/households HTTP/1.1\r\n", 0), 0u)
      << head;
  EXPECT_NE(head.find("\r\nContent-Type: text/csv\r\n"), std::string::npos) << head;
  EXPECT_NE(head.find("\r\nContent-Length: 27\r\n"), std::string::npos) << head;
  EXPECT_NE(head.find("\r\nIdempotency-Key: 0123456789abcdef0123456789abcdef\r\n"),
            std::string::npos)
      << head;
  EXPECT_NE(head.find("\r\nAuthorization: Bearer tok-123\r\n"), std::string::npos) << head;
  EXPECT_EQ(server.body(), body);
}

TEST(AdminClient, PostWithAnEmptyBodySendsContentLengthZeroAndNoContentType) {
  OneShotServer server(http_response(200, "OK", "{}"));
  auto client = AdminClient::create(*parse_endpoint(server.url()), {});
  ASSERT_TRUE(client->post("/x", "", "").ok());
  std::string head = server.head();
  EXPECT_EQ(head.rfind("POST /x HTTP/1.1\r\n", 0), 0u) << head;
  EXPECT_NE(head.find("\r\nContent-Length: 0\r\n"), std::string::npos) << head;
  EXPECT_EQ(head.find("Content-Type"), std::string::npos) << head;
  EXPECT_EQ(server.body(), "");
}

TEST(AdminClient, PostRefusesAHeaderThatWouldForgeAnother) {
  // Nothing listens there: a refusal that comes before connecting says so by its message.
  auto client =
      AdminClient::create(*parse_endpoint("http://127.0.0.1:" + std::to_string(closed_port())), {});
  auto forged = client->post("/x", "", "", {{"Idempotency-Key", "k\r\nX-Role: operator"}});
  ASSERT_FALSE(forged.ok());
  EXPECT_EQ(forged.error().message,
            "the value of header Idempotency-Key holds a control character");
  auto bad_name = client->post("/x", "", "", {{"X: y", "v"}});
  ASSERT_FALSE(bad_name.ok());
  EXPECT_EQ(bad_name.error().message, "invalid header name 'X: y'");
  // A second length or a chunked encoding would desynchronise the message the client frames.
  auto framing = client->post("/x", "abc", "", {{"content-length", "99"}});
  ASSERT_FALSE(framing.ok());
  EXPECT_EQ(framing.error().message, "header content-length is set by the HTTP client itself");
  auto chunked = client->post("/x", "abc", "", {{"Transfer-Encoding", "chunked"}});
  ASSERT_FALSE(chunked.ok());
  EXPECT_EQ(chunked.error().message, "header Transfer-Encoding is set by the HTTP client itself");
}

constexpr const char* kSummaryBody =
    R"({"caisse":"montpellier","month":"2026-11","state":"approved","currency":"MONA",)"
    R"("minor_unit":2,"rule_version":"per_person 1.0.0","household_count":2,"total_minor":20000,)"
    R"("computed_by":"alice","computed_at":"2026-11-24T10:00:00Z","approved_by":"bob",)"
    R"("approved_at":"2026-11-25T08:00:00Z","funds_minor":null,"shortfall_minor":null,)"
    R"("lines":{"NOT_SENT":{"count":2,"amount_minor":20000}}})";

Invocation cycle_at(const std::string& url, Command command) {
  Invocation invocation = status_at(url);
  invocation.command = command;
  invocation.caisse = "montpellier";
  invocation.month = "2026-11";
  return invocation;
}

TEST(RunCommand, EveryCycleCommandUsesItsMethodAndRoute) {
  const std::pair<Command, const char*> routes[] = {
      {Command::cycle_compute, "POST /api/v1/caisses/montpellier/cycles/2026-11/compute"},
      {Command::cycle_approve, "POST /api/v1/caisses/montpellier/cycles/2026-11/approve"},
      {Command::cycle_dispatch, "POST /api/v1/caisses/montpellier/cycles/2026-11/dispatch"},
      {Command::cycle_reconcile, "POST /api/v1/caisses/montpellier/cycles/2026-11/reconcile"},
      {Command::cycle_close, "POST /api/v1/caisses/montpellier/cycles/2026-11/close"},
      {Command::cycle_status, "GET /api/v1/caisses/montpellier/cycles/2026-11"},
  };
  for (const auto& [command, route] : routes) {
    OneShotServer server(http_response(200, "OK", kSummaryBody));
    auto result = run(cycle_at(server.url(), command));
    EXPECT_EQ(result.code, kExitOk) << route << ": " << result.err;
    EXPECT_EQ(server.head().rfind(std::string(route) + " HTTP/1.1\r\n", 0), 0u) << server.head();
    EXPECT_EQ(result.out.rfind("cycle 2026-11 of montpellier: approved\n"
                               "total 200.00 MONA for 2 households\n",
                               0),
              0u)
        << result.out;
    EXPECT_EQ(result.err, "") << route;
    if (is_post(command)) {
      EXPECT_NE(server.head().find("\r\nContent-Length: 0\r\n"), std::string::npos) << route;
      EXPECT_TRUE(is_32_hex(idempotency_key_of(server.head()))) << server.head();
    } else {
      EXPECT_EQ(idempotency_key_of(server.head()), "") << route;
    }
  }
}

TEST(RunCommand, EachPostCarriesAFreshRandomIdempotencyKey) {
  std::string keys[2];
  for (auto& key : keys) {
    OneShotServer server(http_response(200, "OK", kSummaryBody));
    ASSERT_EQ(run(cycle_at(server.url(), Command::cycle_approve)).code, kExitOk);
    key = idempotency_key_of(server.head());
    EXPECT_TRUE(is_32_hex(key)) << key;
  }
  EXPECT_NE(keys[0], keys[1]);
  EXPECT_TRUE(is_idempotency_key(random_idempotency_key()));
  EXPECT_NE(random_idempotency_key(), random_idempotency_key());
}

TEST(RunCommand, JsonPrintsTheAnswerAndTheIdempotencyKeyOnStandardError) {
  OneShotServer server(http_response(200, "OK", kSummaryBody));
  Invocation invocation = cycle_at(server.url(), Command::cycle_compute);
  invocation.json = true;
  Services services;
  services.idempotency_key = [] { return std::string("feedfacefeedfacefeedfacefeedface"); };
  auto result = run(invocation, services);
  EXPECT_EQ(result.code, kExitOk) << result.err;
  EXPECT_EQ(result.out, std::string(kSummaryBody) + "\n");
  EXPECT_EQ(result.err, "caissectl: Idempotency-Key: feedfacefeedfacefeedfacefeedface\n");
  EXPECT_EQ(idempotency_key_of(server.head()), "feedfacefeedfacefeedfacefeedface");
}

TEST(RunCommand, BlockedDispatchPrintsTheDaemonsReasonAndExits1) {
  OneShotServer server(http_response(
      409, "Conflict",
      R"({"error":"cycle 2026-11 of montpellier is blocked: funds 450.00, total 600.00, shortfall 150.00 MONA"})"));
  auto result = run(cycle_at(server.url(), Command::cycle_dispatch));
  EXPECT_EQ(result.code, kExitRefused);
  EXPECT_EQ(result.err,
            "caissectl: the daemon refused (HTTP 409): cycle 2026-11 of montpellier is blocked: "
            "funds 450.00, total 600.00, shortfall 150.00 MONA\n");
  EXPECT_EQ(result.out, "");
}

TEST(RunCommand, CycleReportGetsTheReportAndRendersIt) {
  std::string report = std::string(R"({"summary":)") + kSummaryBody +
                       R"(,"money_in":[],"money_out":[],"lines":[{"household_id":"H-0001",)"
                       R"("amount_minor":10000,"status":"NOT_SENT","external_ref":null,)"
                       R"("message":""}]})";
  OneShotServer server(http_response(200, "OK", report));
  auto result = run(cycle_at(server.url(), Command::cycle_report));
  EXPECT_EQ(result.code, kExitOk) << result.err;
  EXPECT_EQ(
      server.head().rfind("GET /api/v1/caisses/montpellier/cycles/2026-11/report HTTP/1.1", 0), 0u);
  EXPECT_NE(result.out.find("\nlines (MONA):\n"
                            "  HOUSEHOLD  AMOUNT  STATUS    REFERENCE  MESSAGE\n"
                            "  H-0001     100.00  NOT_SENT  -          -\n"),
            std::string::npos)
      << result.out;
}

// A file in the test's temporary directory, removed at the end of the test.
class ImportFile {
 public:
  explicit ImportFile(const std::string& content)
      : path_(std::filesystem::temp_directory_path() /
              ("caissectl-import-" + std::to_string(::getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".csv")) {
    std::ofstream(path_, std::ios::binary) << content;
  }
  ~ImportFile() { std::filesystem::remove(path_); }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

Invocation import_at(const std::string& url, const std::string& kind, const std::string& file) {
  Invocation invocation = status_at(url);
  invocation.command = Command::import;
  invocation.caisse = "montpellier";
  invocation.import_kind = kind;
  invocation.file = file;
  return invocation;
}

TEST(RunCommand, ImportPostsTheFilesBytesAsCsv) {
  const std::string csv = "household_id;adults;children\r\nH-0001;2;1\r\nH-0002;1;0\r\n\xEF\xBB";
  ImportFile file(csv);
  OneShotServer server(http_response(
      200, "OK", R"({"kind":"households","file_lines":3,"inserted":2,"updated":0,"unchanged":0})"));
  auto result = run(import_at(server.url(), "households", file.path()));
  EXPECT_EQ(result.code, kExitOk) << result.err;
  EXPECT_EQ(result.out, "households: 3 lines in the file; 2 inserted, 0 updated, 0 unchanged\n");
  EXPECT_EQ(result.err, "");
  std::string head = server.head();
  EXPECT_EQ(head.rfind("POST /api/v1/caisses/montpellier/imports/households HTTP/1.1\r\n", 0), 0u)
      << head;
  EXPECT_NE(head.find("\r\nContent-Type: text/csv\r\n"), std::string::npos) << head;
  EXPECT_TRUE(is_32_hex(idempotency_key_of(head))) << head;
  EXPECT_EQ(server.body(), csv);
}

TEST(RunCommand, ImportErrorsArePrintedEveryOneOfThem) {
  ImportFile file("household_id;adults\nH-1;deux\n");
  OneShotServer server(http_response(
      422, "Unprocessable Entity",
      R"({"error":"households.csv:14: column adults: \"deux\" is not a whole number\n)"
      R"(households.csv:20: column household_id: duplicate \"H-0007\"\n"})"));
  auto result = run(import_at(server.url(), "households", file.path()));
  EXPECT_EQ(result.code, kExitRefused);
  EXPECT_EQ(result.err,
            "caissectl: the daemon refused (HTTP 422):\n"
            "  households.csv:14: column adults: \"deux\" is not a whole number\n"
            "  households.csv:20: column household_id: duplicate \"H-0007\"\n");
  EXPECT_EQ(result.out, "");
}

TEST(RunCommand, UnreadableImportFileIsWrongUsageAndNothingIsSent) {
  // Nothing listens at this URL: reaching for the daemon would exit 3, not 2.
  const std::string url = "http://127.0.0.1:" + std::to_string(closed_port());
  auto missing = run(import_at(url, "members", "/nonexistent/members.csv"));
  EXPECT_EQ(missing.code, kExitUsage);
  EXPECT_EQ(missing.err,
            "caissectl: cannot read import file /nonexistent/members.csv: No such file or "
            "directory\n");
  auto directory = run(import_at(url, "members", "/"));
  EXPECT_EQ(directory.code, kExitUsage);
  EXPECT_EQ(directory.err, "caissectl: cannot read import file /: Is a directory\n");
}

TEST(RunCommand, LedgerCheckExits1WhenAnInvariantIsBroken) {
  const std::string broken =
      R"({"caisse":"montpellier","ok":false,"invariants":[{"name":"entries_balance","ok":false,)"
      R"("expected_minor":0,"actual_minor":5,"detail":"d"}]})";
  {
    OneShotServer server(http_response(200, "OK", broken));
    Invocation invocation = status_at(server.url());
    invocation.command = Command::ledger_check;
    invocation.caisse = "montpellier";
    auto result = run(invocation);
    EXPECT_EQ(result.code, kExitRefused);
    EXPECT_EQ(result.out.rfind("ledger of montpellier: FAILED, 1 of 1 invariant broken\n", 0), 0u)
        << result.out;
    EXPECT_NE(result.out.find("  FAILED  entries_balance"), std::string::npos) << result.out;
    EXPECT_EQ(server.head().rfind("GET /api/v1/caisses/montpellier/ledger/check HTTP/1.1", 0), 0u);
    EXPECT_EQ(idempotency_key_of(server.head()), "");
  }
  {
    OneShotServer server(http_response(200, "OK", broken));
    Invocation invocation = status_at(server.url());
    invocation.command = Command::ledger_check;
    invocation.caisse = "montpellier";
    invocation.json = true;
    auto result = run(invocation);
    EXPECT_EQ(result.code, kExitRefused) << "scripts see the failure too";
    EXPECT_EQ(result.out, broken + "\n");
  }
  {
    OneShotServer server(
        http_response(200, "OK", R"({"caisse":"montpellier","ok":true,"invariants":[]})"));
    Invocation invocation = status_at(server.url());
    invocation.command = Command::ledger_check;
    invocation.caisse = "montpellier";
    auto result = run(invocation);
    EXPECT_EQ(result.code, kExitOk) << result.err;
    EXPECT_EQ(result.out, "ledger of montpellier: OK, 0 invariants hold\n");
  }
}

TEST(RunCommand, NoCycleIsA404WithTheDaemonsMessage) {
  OneShotServer server(
      http_response(404, "Not Found", R"({"error":"no cycle 2026-11 for caisse montpellier"})"));
  auto result = run(cycle_at(server.url(), Command::cycle_status));
  EXPECT_EQ(result.code, kExitRefused);
  EXPECT_EQ(result.err,
            "caissectl: the daemon refused (HTTP 404): no cycle 2026-11 for caisse montpellier\n");
}

TEST(RunCommand, ControlCharactersInTheDaemonsErrorCannotDriveTheTerminal) {
  OneShotServer server(http_response(409, "Conflict", R"({"error":"bad\u001b[2J state"})"));
  auto result = run(cycle_at(server.url(), Command::cycle_close));
  EXPECT_EQ(result.code, kExitRefused);
  EXPECT_EQ(result.err, "caissectl: the daemon refused (HTTP 409): bad [2J state\n");
}

TEST(ApiTarget, PercentEncodesEverySegment) {
  Invocation invocation;
  invocation.command = Command::cycle_approve;
  invocation.caisse = "a b";
  invocation.month = "2026/11";
  EXPECT_EQ(api_target(invocation), "/api/v1/caisses/a%20b/cycles/2026%2F11/approve");
  invocation.command = Command::import;
  invocation.import_kind = "house holds";
  EXPECT_EQ(api_target(invocation), "/api/v1/caisses/a%20b/imports/house%20holds");
  invocation.command = Command::contribution_suggest;
  invocation.fields = {"adults=2", "income=1 450,00", "note=a&b=c"};
  EXPECT_EQ(api_target(invocation),
            "/api/v1/caisses/a%20b/contribution-suggestion?adults=2&income=1%20450%2C00"
            "&note=a%26b%3Dc&month=2026%2F11");
}

Invocation caisse_command_at(const std::string& url, Command command) {
  Invocation invocation = status_at(url);
  invocation.command = command;
  invocation.caisse = "nantes-ouest";
  return invocation;
}

TEST(RunCommand, MerchantsSyncPostsWithAKeyAndExits1WhenABackendFailed) {
  OneShotServer server(http_response(
      200, "OK",
      R"({"caisse":"nantes-ouest","instances":[{"instance":"moneko","status":"ok",)"
      R"("merchants":3,"message":""},{"instance":"cyclos","status":"error","merchants":3,)"
      R"("message":"Cyclos unreachable"}]})"));
  auto result = run(caisse_command_at(server.url(), Command::merchants_sync));
  EXPECT_EQ(result.code, kExitRefused);
  EXPECT_EQ(server.head().rfind("POST /api/v1/caisses/nantes-ouest/merchants/sync HTTP/1.1\r\n", 0),
            0u)
      << server.head();
  EXPECT_TRUE(is_32_hex(idempotency_key_of(server.head()))) << server.head();
  EXPECT_NE(result.out.find("  cyclos    error           3  Cyclos unreachable\n"),
            std::string::npos)
      << result.out;
}

TEST(RunCommand, PurchasesImportPostsThePeriodAsJson) {
  OneShotServer server(http_response(
      200, "OK",
      R"({"caisse":"nantes-ouest","from":"2026-11-01","to":"2026-12-01","instances":[)"
      R"({"instance":"moneko","status":"ok","listed":5,"new":5,"already_known":0,)"
      R"("resolved":0,"message":""},{"instance":"cards","status":"unsupported","listed":null,)"
      R"("new":null,"already_known":null,"resolved":null,"message":"no hook"}]})"));
  Invocation invocation = caisse_command_at(server.url(), Command::purchases_import);
  invocation.from = "2026-11-01";
  invocation.to = "2026-12-01";
  auto result = run(invocation);
  EXPECT_EQ(result.code, kExitOk) << result.err;  // unsupported is not a failure
  EXPECT_EQ(
      server.head().rfind("POST /api/v1/caisses/nantes-ouest/purchases/import HTTP/1.1\r\n", 0), 0u)
      << server.head();
  EXPECT_NE(server.head().find("\r\nContent-Type: application/json\r\n"), std::string::npos);
  EXPECT_TRUE(is_32_hex(idempotency_key_of(server.head())));
  EXPECT_EQ(server.body(), R"({"from":"2026-11-01","to":"2026-12-01"})");
  EXPECT_NE(result.out.find("  moneko    ok                5    5              0         0  -\n"),
            std::string::npos)
      << result.out;
}

TEST(RunCommand, PurchasesReportGetsTheMonth) {
  OneShotServer server(http_response(
      200, "OK",
      R"({"caisse":"nantes-ouest","month":"2026-11","currency":"MONEKO","minor_unit":2,)"
      R"("totals":{"purchases":0,"amount_minor":0,"households":0,"without_household":0,)"
      R"("flagged":0,"flagged_amount_minor":0},"merchants":[],"flagged":[]})"));
  Invocation invocation = caisse_command_at(server.url(), Command::purchases_report);
  invocation.month = "2026-11";
  auto result = run(invocation);
  EXPECT_EQ(result.code, kExitOk) << result.err;
  EXPECT_EQ(
      server.head().rfind("GET /api/v1/caisses/nantes-ouest/purchases?month=2026-11 HTTP/1.1", 0),
      0u)
      << server.head();
  EXPECT_EQ(idempotency_key_of(server.head()), "");
  EXPECT_EQ(result.out,
            "purchases of nantes-ouest in 2026-11: 0 purchases, 0.00 MONEKO, 0 households\n"
            "flagged: 0 purchases, 0.00 MONEKO at merchants suspended or unknown\n");
}

TEST(RunCommand, HelpPrintsUsageWithoutContactingAnyone) {
  Invocation invocation;
  invocation.command = Command::help;
  auto result = run(invocation);
  EXPECT_EQ(result.code, kExitOk);
  EXPECT_NE(result.out.find("Usage: caissectl"), std::string::npos);
}

}  // namespace
}  // namespace caisse::host::ctl
