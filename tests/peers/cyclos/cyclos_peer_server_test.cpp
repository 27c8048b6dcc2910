// The peer on a real socket: the emulator's answers through HTTP/1.1 (keep-alive included), each
// fault as a client sees it and whether the payment was committed behind it, scripted and
// seeded random faults, and the cyclos_peer executable.
#include "cyclos_peer_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include <boost/json.hpp>

#include "net/http_client.hpp"
#include "peer_test_support.hpp"

namespace caisse::testing::cyclos {
namespace {

namespace json = boost::json;
namespace net = caisse::host::net;
using namespace std::chrono_literals;
using test::expect_conforms;
using test::json_of;
using test::str;

CyclosPeerOptions test_options() {
  CyclosPeerOptions o;
  o.access_client_token = "token-123";
  return o;
}

net::HttpPeer http_peer(unsigned short port) {
  net::HttpPeer p;
  p.host = "127.0.0.1";
  p.port = std::to_string(port);
  p.authority = "127.0.0.1:" + p.port;
  p.url = "http://" + p.authority;
  return p;
}

class CyclosPeerServerTest : public ::testing::Test {
 protected:
  explicit CyclosPeerServerTest(CyclosPeerServerOptions o = fast_options())
      : peer(test_options()),
        server(peer, o),
        client(std::move(net::HttpClient::create({}).value())) {
    household = peer.add_user("Ada", "consumers", "H-1");
  }

  static CyclosPeerServerOptions fast_options() {
    CyclosPeerServerOptions o;
    o.hold = 400ms;
    return o;
  }

  Result<net::HttpResponse> send(std::string method, std::string target,
                                 std::optional<std::string> body = {},
                                 std::chrono::milliseconds read_timeout = 150ms) {
    net::HttpRequest request;
    request.method = std::move(method);
    request.target = std::move(target);
    request.headers = {{"Access-Client-Token", "token-123"}};
    if (body) request.headers.emplace_back("Content-Type", "application/json");
    request.body = std::move(body);
    net::HttpDeadlines deadlines;
    deadlines.connect_timeout = 1000ms;
    deadlines.read_timeout = read_timeout;
    return client.send(http_peer(server.port()), request, deadlines);
  }

  Result<net::HttpResponse> pay(const std::string& operation = "op-1") {
    return send("POST", "/api/system/payments",
                R"({"amount":"25.00","subject":")" + household +
                    R"(","type":"debit.toUser","customValues":{"caisse_operation":")" + operation +
                    R"("}})");
  }

  CyclosPeer peer;
  CyclosPeerServer server;
  net::HttpClient client;
  std::string household;
};

// ---------------------------------------------------------------------------------------------
// Plain serving

TEST_F(CyclosPeerServerTest, ServesTheEmulatorOverHttp) {
  auto r = send("GET", "/api/users?profileFields=caisse_household:H-1");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, 200u);
  EXPECT_EQ(r->header("X-Total-Count"), "1");
  EXPECT_EQ(r->header("X-Has-Next-Page"), "false");
  EXPECT_EQ(r->header("Content-Type"), "application/json");
  expect_conforms(r->body, "UserResult[]");

  auto paid = pay();
  ASSERT_TRUE(paid.ok()) << paid.error().message;
  EXPECT_EQ(paid->status, 201u) << paid->body;
  expect_conforms(paid->body, "Transaction");
  EXPECT_NE(paid->header("Location")
                .find("http://127.0.0.1:" + std::to_string(server.port()) + "/api/transactions/"),
            std::string::npos);
  EXPECT_EQ(peer.payments_with_operation("op-1"), 1u);

  auto status = send("POST", "/api/" + household + "/status", R"({"status":"blocked"})");
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(status->status, 204u);
  EXPECT_TRUE(status->body.empty());
  EXPECT_EQ(server.faults_injected(), 0u);
}

TEST_F(CyclosPeerServerTest, TestRoutesAreServedWithoutCredentials) {
  net::HttpRequest request{"GET", "/_peer/transfers", {}, std::nullopt};
  auto r = client.send(http_peer(server.port()), request, net::HttpDeadlines{});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, 200u);
  EXPECT_EQ(r->body, "[]");
}

// ---------------------------------------------------------------------------------------------
// Faults, each on a payment, as the client sees it and as the peer committed it

TEST_F(CyclosPeerServerTest, TimeoutBeforeCommitHoldsAndNeverRuns) {
  server.fail_next(RouteKind::perform_payment, Fault::timeout_before_commit);
  auto start = std::chrono::steady_clock::now();
  auto r = pay();
  EXPECT_FALSE(r.ok());  // the client's deadline (150 ms) passed first
  EXPECT_LT(std::chrono::steady_clock::now() - start, 400ms);
  std::this_thread::sleep_for(400ms);  // past the hold: the server closed without running it
  EXPECT_TRUE(peer.transfers().empty());
  EXPECT_EQ(peer.request_count(RouteKind::perform_payment), 0u);
  EXPECT_EQ(server.faults_injected(Fault::timeout_before_commit), 1u);
}

TEST_F(CyclosPeerServerTest, TimeoutAfterCommitCommitsThenHolds) {
  server.fail_next(RouteKind::perform_payment, Fault::timeout_after_commit);
  auto r = pay();
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(peer.payments_with_operation("op-1"), 1u);  // committed before the hold
  EXPECT_EQ(server.faults_injected(Fault::timeout_after_commit), 1u);
}

TEST_F(CyclosPeerServerTest, DropAfterCommitClosesWithoutAnswer) {
  server.fail_next(RouteKind::perform_payment, Fault::drop_after_commit);
  auto r = pay();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(peer.payments_with_operation("op-1"), 1u);
}

TEST_F(CyclosPeerServerTest, Error500AnswersTheSpecErrorWithoutRunning) {
  server.fail_next(RouteKind::perform_payment, Fault::error_500);
  auto r = pay();
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, 500u);
  EXPECT_EQ(r->header("Content-Type"), "application/json");
  expect_conforms(r->body, "Error");
  EXPECT_TRUE(peer.transfers().empty());
}

TEST_F(CyclosPeerServerTest, Html503AnswersAProxyPageWithoutRunning) {
  server.fail_next(RouteKind::perform_payment, Fault::html_503);
  auto r = pay();
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, 503u);
  EXPECT_EQ(r->header("Content-Type"), "text/html");
  EXPECT_NE(r->body.find("<html>"), std::string::npos);
  EXPECT_TRUE(peer.transfers().empty());
}

TEST_F(CyclosPeerServerTest, MalformedAfterCommitTruncatesTheJson) {
  server.fail_next(RouteKind::perform_payment, Fault::malformed_after_commit);
  auto r = pay();
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, 201u);
  EXPECT_EQ(r->header("Content-Type"), "application/json");
  boost::json::error_code ec;
  boost::json::parse(r->body, ec);
  EXPECT_TRUE(ec) << r->body;
  EXPECT_EQ(r->body.front(), '{');
  EXPECT_EQ(peer.payments_with_operation("op-1"), 1u);
}

TEST_F(CyclosPeerServerTest, LoggedOutAnswers401WithoutRunning) {
  server.fail_next(RouteKind::perform_payment, Fault::logged_out);
  auto r = pay();
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, 401u);
  EXPECT_EQ(str(json_of(r->body), "code"), "loggedOut");
  expect_conforms(r->body, "UnauthorizedError");
  EXPECT_TRUE(peer.transfers().empty());
}

class CyclosPeerServerHtmlTest : public CyclosPeerServerTest {
 protected:
  CyclosPeerServerHtmlTest() : CyclosPeerServerTest(html_options()) {}
  static CyclosPeerServerOptions html_options() {
    CyclosPeerServerOptions o = fast_options();
    o.malformed_body = MalformedBody::html;
    return o;
  }
};

TEST_F(CyclosPeerServerHtmlTest, MalformedAfterCommitCanAnswerHtml) {
  server.fail_next(RouteKind::perform_payment, Fault::malformed_after_commit);
  auto r = pay();
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, 201u);
  EXPECT_EQ(r->header("Content-Type"), "text/html");
  EXPECT_EQ(peer.payments_with_operation("op-1"), 1u);
}

// ---------------------------------------------------------------------------------------------
// Choosing faults

TEST_F(CyclosPeerServerTest, FailNextCountsAndKeepsToItsRoute) {
  server.fail_next(RouteKind::perform_payment, Fault::error_500, 2);
  auto search = send("GET", "/api/transfers");
  ASSERT_TRUE(search.ok());
  EXPECT_EQ(search->status, 200u);  // another route: untouched
  EXPECT_EQ(pay("a")->status, 500u);
  EXPECT_EQ(pay("b")->status, 500u);
  EXPECT_EQ(pay("c")->status, 201u);
  EXPECT_EQ(server.faults_injected(), 2u);
  EXPECT_EQ(server.faults_injected(Fault::error_500), 2u);
  EXPECT_EQ(peer.transfers().size(), 1u);

  server.fail_next(RouteKind::any, Fault::logged_out);
  EXPECT_EQ(send("GET", "/api/transfers")->status, 401u);
  EXPECT_EQ(send("GET", "/api/transfers")->status, 200u);
}

TEST_F(CyclosPeerServerTest, ClearFaultsDropsPendingOnes) {
  server.fail_next(RouteKind::any, Fault::error_500, 5);
  server.random_faults(100, 7, {Fault::html_503});
  server.clear_faults();
  EXPECT_EQ(pay()->status, 201u);
  EXPECT_EQ(server.faults_injected(), 0u);
}

// The statuses answered to `n` searches by a fresh peer with random faults from `seed`.
std::vector<unsigned> statuses_with_seed(std::uint64_t seed, int n) {
  CyclosPeer peer(test_options());
  CyclosPeerServer server(peer);
  server.random_faults(40, seed, {Fault::error_500, Fault::html_503, Fault::logged_out},
                       RouteKind::search_transfers);
  auto client = std::move(net::HttpClient::create({}).value());
  std::vector<unsigned> out;
  for (int i = 0; i < n; ++i) {
    net::HttpRequest request{
        "GET", "/api/transfers", {{"Access-Client-Token", "token-123"}}, std::nullopt};
    auto r = client.send(http_peer(server.port()), request, net::HttpDeadlines{});
    out.push_back(r.ok() ? r->status : 0);
  }
  net::HttpRequest other{"GET", "/api/users", {{"Access-Client-Token", "token-123"}}, std::nullopt};
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(client.send(http_peer(server.port()), other, net::HttpDeadlines{})->status, 200u);
  }
  return out;
}

TEST(CyclosPeerServerRandom, RandomFaultsAreDeterministicForASeed) {
  auto first = statuses_with_seed(42, 30);
  auto again = statuses_with_seed(42, 30);
  auto other = statuses_with_seed(43, 30);
  EXPECT_EQ(first, again);
  EXPECT_NE(first, other);
  auto faulted = std::count_if(first.begin(), first.end(), [](unsigned s) { return s != 200; });
  EXPECT_GT(faulted, 3);  // about 12 of 30
  EXPECT_LT(faulted, 25);
  for (unsigned s : first) EXPECT_TRUE(s == 200 || s == 500 || s == 503 || s == 401) << s;
}

// ---------------------------------------------------------------------------------------------
// The HTTP layer

int connect_to(unsigned short port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(port);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  timeval timeout{2, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  return fd;
}

// Reads one response (head and Content-Length body) from `fd`, keeping extra bytes in `pending`.
std::string read_response(int fd, std::string& pending) {
  char chunk[4096];
  while (pending.find("\r\n\r\n") == std::string::npos) {
    ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) return {};
    pending.append(chunk, static_cast<std::size_t>(n));
  }
  std::size_t head_end = pending.find("\r\n\r\n") + 4;
  std::size_t length = 0;
  if (auto at = pending.find("Content-Length: "); at != std::string::npos && at < head_end) {
    length = std::stoul(pending.substr(at + 16));
  }
  while (pending.size() < head_end + length) {
    ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) return {};
    pending.append(chunk, static_cast<std::size_t>(n));
  }
  std::string out = pending.substr(0, head_end + length);
  pending.erase(0, head_end + length);
  return out;
}

TEST_F(CyclosPeerServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  int fd = connect_to(server.port());
  ASSERT_GE(fd, 0);
  std::string body = R"({"name":"Bea","group":"consumers"})";
  std::string requests =
      "GET /api/users HTTP/1.1\r\nHost: x\r\nAccess-Client-Token: token-123\r\n\r\n"
      "POST /api/users HTTP/1.1\r\nHost: x\r\nAccess-Client-Token: token-123\r\n"
      "Content-Type: application/json\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body +
      "GET /api/users HTTP/1.1\r\nHost: x\r\nAccess-Client-Token: token-123\r\n"
      "Connection: close\r\n\r\n";
  ASSERT_EQ(::send(fd, requests.data(), requests.size(), MSG_NOSIGNAL),
            static_cast<ssize_t>(requests.size()));
  std::string pending;
  std::string first = read_response(fd, pending);
  std::string second = read_response(fd, pending);
  std::string third = read_response(fd, pending);
  ::close(fd);
  EXPECT_EQ(first.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << first;
  EXPECT_NE(first.find("Connection: keep-alive"), std::string::npos);
  EXPECT_NE(first.find("X-Total-Count: 1\r\n"), std::string::npos);
  EXPECT_EQ(second.rfind("HTTP/1.1 201 Created\r\n", 0), 0u) << second;
  EXPECT_NE(third.find("X-Total-Count: 2\r\n"), std::string::npos) << third;
  EXPECT_NE(third.find("Connection: close"), std::string::npos);
  EXPECT_EQ(server.connections_accepted(), 1u);
  EXPECT_EQ(server.requests_received(), 3u);
}

TEST_F(CyclosPeerServerTest, UnreadableRequestsAre400AndChunkedBodies501) {
  int fd = connect_to(server.port());
  ASSERT_GE(fd, 0);
  std::string garbage = "NONSENSE\r\n\r\n";
  ::send(fd, garbage.data(), garbage.size(), MSG_NOSIGNAL);
  std::string pending;
  EXPECT_EQ(read_response(fd, pending).rfind("HTTP/1.1 400 ", 0), 0u);
  ::close(fd);
  fd = connect_to(server.port());
  std::string chunked =
      "POST /api/users HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n";
  ::send(fd, chunked.data(), chunked.size(), MSG_NOSIGNAL);
  pending.clear();
  EXPECT_EQ(read_response(fd, pending).rfind("HTTP/1.1 501 ", 0), 0u);
  ::close(fd);
}

TEST(CyclosPeerServerStop, StopReleasesHeldRequestsAtOnce) {
  CyclosPeer peer(test_options());
  CyclosPeerServerOptions o;
  o.hold = 30s;
  auto server = std::make_unique<CyclosPeerServer>(peer, o);
  server->fail_next(RouteKind::any, Fault::timeout_before_commit);
  int fd = connect_to(server->port());
  ASSERT_GE(fd, 0);
  std::string request = "GET /api/users HTTP/1.1\r\nHost: x\r\n\r\n";
  ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  while (server->faults_injected() == 0) std::this_thread::sleep_for(5ms);
  auto start = std::chrono::steady_clock::now();
  server->stop();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
  char byte;
  EXPECT_EQ(::recv(fd, &byte, 1, 0), 0);  // closed, never answered
  ::close(fd);
  server.reset();  // a second stop() is harmless
}

// ---------------------------------------------------------------------------------------------
// The executable

TEST(CyclosPeerExecutable, ServesUntilSigtermWithSeedAndDumpRoutes) {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("cyclos_peer_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string port_file = (dir / "port").string();
  pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::execl(CYCLOS_PEER_EXECUTABLE, "cyclos_peer", "--port-file", port_file.c_str(), "--token",
            "tok", "--households-field", "household_ref", "--system-balance", "100.00",
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  unsigned short port = 0;
  for (int i = 0; i < 500 && port == 0; ++i) {
    std::ifstream in(port_file);
    if (!(in >> port)) std::this_thread::sleep_for(10ms);
  }
  ASSERT_NE(port, 0) << "cyclos_peer did not write its port";

  auto client = std::move(net::HttpClient::create({}).value());
  auto send = [&](std::string method, std::string target, std::optional<std::string> body,
                  net::HttpHeaders headers) {
    if (body) headers.emplace_back("Content-Type", "application/json");
    return client.send(
        http_peer(port),
        net::HttpRequest{std::move(method), std::move(target), std::move(headers), std::move(body)},
        net::HttpDeadlines{});
  };
  auto seeded =
      send("POST", "/_peer/users", R"({"name":"Ada","group":"consumers","household":"H-1"})", {});
  ASSERT_TRUE(seeded.ok());
  ASSERT_EQ(seeded->status, 201u) << seeded->body;
  std::string id = str(json_of(seeded->body), "id");
  auto found = send("GET", "/api/users?profileFields=household_ref:H-1", {},
                    {{"Access-Client-Token", "tok"}});
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(str(json_of(found->body).at(0), "id"), id);
  auto paid = send("POST", "/api/system/payments", R"({"amount":"60","subject":")" + id + R"("})",
                   {{"Access-Client-Token", "tok"}});
  EXPECT_EQ(paid->status, 201u);
  auto refused =
      send("POST", "/api/system/payments", R"({"amount":"60","subject":")" + id + R"("})",
           {{"Access-Client-Token", "tok"}});
  EXPECT_EQ(refused->status, 500u);  // 40.00 left
  auto dump = send("GET", "/_peer/transfers", {}, {});
  ASSERT_TRUE(dump.ok());
  json::value transfers = json_of(dump->body);
  ASSERT_EQ(transfers.as_array().size(), 1u);
  EXPECT_EQ(str(transfers.at(0), "amount"), "60.00");
  EXPECT_EQ(str(transfers.at(0), "to"), id);

  ASSERT_EQ(::kill(pid, SIGTERM), 0);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace caisse::testing::cyclos
