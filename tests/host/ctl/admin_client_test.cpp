// The client and run_command against a real, tiny HTTP server on 127.0.0.1: a thread with a raw
// socket that answers one canned response.
#include "ctl/admin_client.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/json/parse.hpp>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <sstream>
#include <thread>

#include "ctl/commands.hpp"
#include "loopback_listener.hpp"

namespace caisse::host::ctl {
namespace {

// Accepts one connection, reads the request head, then answers `response` (or, when `silent`,
// keeps the connection open without answering until destroyed) and closes.
class OneShotServer {
 public:
  explicit OneShotServer(std::string response, bool silent = false)
      : response_(std::move(response)), silent_(silent) {
    auto listener = caisse::testing::listen_on_loopback();
    listener_ = listener.fd;
    port_ = listener.port;
    thread_ = std::thread([this] { serve(); });
  }

  ~OneShotServer() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    stopped_.notify_all();
    ::shutdown(listener_, SHUT_RDWR);  // unblocks accept() if nobody came
    thread_.join();
    ::close(listener_);
  }

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  unsigned short port() const { return port_; }

  std::string request() {
    std::lock_guard lock(mutex_);
    return request_;
  }

 private:
  void serve() {
    int connection = ::accept(listener_, nullptr, nullptr);
    if (connection < 0) return;
    std::string received;
    char buffer[4096];
    while (received.find("\r\n\r\n") == std::string::npos) {
      ssize_t n = ::recv(connection, buffer, sizeof buffer, 0);
      if (n <= 0) break;
      received.append(buffer, static_cast<std::size_t>(n));
      if (received.size() > 16 && received[0] == '\x16') break;  // a TLS ClientHello
    }
    {
      std::unique_lock lock(mutex_);
      request_ = received;
      if (silent_) stopped_.wait(lock, [this] { return stopping_; });
    }
    if (!silent_) {
      std::size_t sent = 0;
      while (sent < response_.size()) {
        ssize_t n =
            ::send(connection, response_.data() + sent, response_.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) break;
        sent += static_cast<std::size_t>(n);
      }
    }
    ::shutdown(connection, SHUT_WR);
    ::close(connection);
  }

  std::string response_;
  bool silent_;
  int listener_ = -1;
  unsigned short port_ = 0;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable stopped_;
  bool stopping_ = false;
  std::string request_;
};

std::string http_response(unsigned status, const std::string& reason, const std::string& body) {
  return "HTTP/1.1 " + std::to_string(status) + " " + reason +
         "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\nConnection: close\r\n\r\n" + body;
}

// A port nothing listens on: bound then closed (the kernel will not hand it out again at once).
unsigned short closed_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

constexpr const char* kStatusBody =
    R"({"version":"0.1.0","sdk_abi":{"major":1,"minor":0},"uptime_seconds":12,)"
    R"("database":{"mode":"embedded","reachable":true,"schema_version":1},)"
    R"("caisses":[{"id":"montpellier","name":"Montpellier"}],"plugins":{"loaded":1,"failed":0}})";

struct RunOutput {
  int code;
  std::string out;
  std::string err;
};

RunOutput run(const Invocation& invocation) {
  std::ostringstream out;
  std::ostringstream err;
  int code = run_command(invocation, out, err);
  return {code, out.str(), err.str()};
}

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
  EXPECT_FALSE(plain->tls);
  EXPECT_EQ(plain->host, "127.0.0.1");
  EXPECT_EQ(plain->port, "8420");
  EXPECT_EQ(plain->authority, "127.0.0.1:8420");
  EXPECT_EQ(plain->base_path, "");

  auto tls = parse_endpoint("https://caisse.example/admin/");
  ASSERT_TRUE(tls.ok()) << tls.error().message;
  EXPECT_TRUE(tls->tls);
  EXPECT_EQ(tls->host, "caisse.example");
  EXPECT_EQ(tls->port, "443");
  EXPECT_EQ(tls->authority, "caisse.example");
  EXPECT_EQ(tls->base_path, "/admin");

  auto v6 = parse_endpoint("http://[::1]:9000/");
  ASSERT_TRUE(v6.ok()) << v6.error().message;
  EXPECT_EQ(v6->host, "::1");
  EXPECT_EQ(v6->authority, "[::1]:9000");
  EXPECT_EQ(parse_endpoint("http://localhost")->port, "80");
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

TEST(RunCommand, HelpPrintsUsageWithoutContactingAnyone) {
  Invocation invocation;
  invocation.command = Command::help;
  auto result = run(invocation);
  EXPECT_EQ(result.code, kExitOk);
  EXPECT_NE(result.out.find("Usage: caissectl"), std::string::npos);
}

}  // namespace
}  // namespace caisse::host::ctl
