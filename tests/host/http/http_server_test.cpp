#include "http/http_server.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "observability/metrics.hpp"
#include "raw_http_client.hpp"

namespace caisse::host::http {
namespace {

using std::chrono::milliseconds;
using testing::RawClient;
using testing::RawResponse;
using testing::send_request;

Response text(std::string body, unsigned status = 200) {
  Response r;
  r.status = status;
  r.content_type = "text/plain";
  r.body = std::move(body);
  return r;
}

class HttpServerTest : public ::testing::Test {
 protected:
  void start(HttpServerOptions options = {}) {
    options.host = "127.0.0.1";
    options.port = 0;
    server_ = std::make_unique<HttpServer>(options, router_, &metrics_);
    auto started = server_->start();
    ASSERT_TRUE(started.ok()) << started.error().message;
    ASSERT_NE(server_->port(), 0);
  }

  std::uint16_t port() const { return server_->port(); }

  void TearDown() override {
    if (server_) server_->stop(milliseconds(0));
    for (auto& t : threads_) t.join();
  }

  std::shared_ptr<Router> router_ = std::make_shared<Router>();
  observability::MetricsRegistry metrics_;
  std::unique_ptr<HttpServer> server_;
  std::vector<std::thread> threads_;  // joined after the server stops
};

TEST_F(HttpServerTest, RoutesRequestToHandlerWithDecodedPathParams) {
  router_->add("GET", "/plugins/{name}", [](Request&& r, Responder respond) {
    respond(text(r.path_params.at("name") + "|" + r.path + "|" + r.route));
  });
  start();
  auto response = send_request(port(), "GET", "/plugins/caf%C3%A9");
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 200u);
  EXPECT_EQ(response->body, "café|/plugins/café|/plugins/{name}");
}

TEST_F(HttpServerTest, UnknownPathGets404Json) {
  router_->add("GET", "/known", [](Request&&, Responder respond) { respond(text("ok")); });
  start();
  auto response = send_request(port(), "GET", "/unknown");
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 404u);
  EXPECT_EQ(response->header("Content-Type"), "application/json");
  EXPECT_EQ(response->body, R"({"error":"not found"})");
}

TEST_F(HttpServerTest, KnownPathWithWrongMethodGets405WithAllow) {
  router_->add("GET", "/things/{id}", [](Request&&, Responder respond) { respond(text("g")); });
  router_->add("DELETE", "/things/{id}", [](Request&&, Responder respond) { respond(text("d")); });
  start();
  auto response = send_request(port(), "POST", "/things/1");
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 405u);
  EXPECT_EQ(response->header("Allow"), "DELETE, GET");
  EXPECT_NE(response->body.find("\"error\""), std::string::npos);
}

TEST_F(HttpServerTest, BadPercentEncodingInPathGets400) {
  router_->add("GET", "/{x}", [](Request&&, Responder respond) { respond(text("ok")); });
  start();
  auto response = send_request(port(), "GET", "/a%zz");
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 400u);
}

TEST_F(HttpServerTest, HandlerSeesMethodTargetQueryHeadersRawBodyAndRemoteAddress) {
  std::promise<Request> seen;
  router_->add("POST", "/hooks/{psp}", [&seen](Request&& r, Responder respond) {
    seen.set_value(r);
    respond(text("ok"));
  });
  start();
  const std::string body("{\"a\":1}\r\n\0\xff tail", 15);
  auto response = send_request(port(), "POST", "/hooks/stripe?x=1&y=%20",
                               {{"X-Signature", "t=1,v1=abc"}}, body);
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 200u);
  Request r = seen.get_future().get();
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.target, "/hooks/stripe?x=1&y=%20");
  EXPECT_EQ(r.path, "/hooks/stripe");
  EXPECT_EQ(r.query, "x=1&y=%20");
  EXPECT_EQ(r.header("x-signature"), "t=1,v1=abc");
  EXPECT_EQ(r.body, body);
  EXPECT_EQ(r.remote_address, "127.0.0.1");
  EXPECT_EQ(r.version, 11u);
  EXPECT_EQ(r.path_params.at("psp"), "stripe");
}

TEST_F(HttpServerTest, ResponsesCarryServerContentLengthAndHandlerHeaders) {
  router_->add("GET", "/h", [](Request&&, Responder respond) {
    Response r = text("hello");
    r.headers.emplace_back("X-Request-Id", "42");
    r.headers.emplace_back("X-Evil", "a\r\nSet-Cookie: x=1");
    r.headers.emplace_back("Content-Length", "999");
    respond(std::move(r));
  });
  start();
  auto response = send_request(port(), "GET", "/h");
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->header("Server"), "caissed");
  EXPECT_EQ(response->header("Content-Length"), "5");
  EXPECT_EQ(response->header("Content-Type"), "text/plain");
  EXPECT_EQ(response->header("X-Request-Id"), "42");
  EXPECT_EQ(response->header("X-Evil"), std::nullopt);
  EXPECT_EQ(response->header("Set-Cookie"), std::nullopt);
  EXPECT_EQ(response->body, "hello");
}

TEST_F(HttpServerTest, OversizedHeaderGets431AndTheConnectionCloses) {
  router_->add("GET", "/", [](Request&&, Responder respond) { respond(text("ok")); });
  HttpServerOptions options;
  options.max_header_bytes = 1024;
  start(options);
  RawClient client(port());
  ASSERT_TRUE(client.connected());
  client.send("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(4000, 'a') + "\r\n\r\n");
  auto response = client.read_response();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 431u);
  EXPECT_EQ(response->header("Connection"), "close");
  EXPECT_TRUE(client.wait_closed(milliseconds(5000)));
}

TEST_F(HttpServerTest, OversizedBodyGets413AndTheConnectionCloses) {
  bool ran = false;
  router_->add("POST", "/", [&ran](Request&&, Responder respond) {
    ran = true;
    respond(text("ok"));
  });
  HttpServerOptions options;
  options.max_body_bytes = 100;
  start(options);
  RawClient client(port());
  ASSERT_TRUE(client.connected());
  client.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n" +
              std::string(1000, 'b'));
  auto response = client.read_response();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 413u);
  EXPECT_TRUE(client.wait_closed(milliseconds(5000)));
  EXPECT_FALSE(ran);
}

TEST_F(HttpServerTest, RouteWithItsOwnLimitTakesLargerBodiesThanTheOthers) {
  std::size_t received = 0;
  router_->add(
      "POST", "/imports",
      [&received](Request&& request, Responder respond) {
        received = request.body.size();
        respond(text("ok"));
      },
      5000);
  router_->add("POST", "/", [](Request&&, Responder respond) { respond(text("ok")); });
  HttpServerOptions options;
  options.max_body_bytes = 100;
  start(options);
  // One connection per request: a 413 closes it.
  auto post = [this](const std::string& target, std::size_t size) {
    RawClient client(port());
    EXPECT_TRUE(client.connected());
    client.send("POST " + target + " HTTP/1.1\r\nHost: x\r\nContent-Length: " +
                std::to_string(size) + "\r\n\r\n" + std::string(size, 'b'));
    return client.read_response();
  };

  auto taken = post("/imports", 3000);
  ASSERT_TRUE(taken.has_value());
  EXPECT_EQ(taken->status, 200u);
  EXPECT_EQ(received, 3000u);

  auto over_route_limit = post("/imports", 6000);
  ASSERT_TRUE(over_route_limit.has_value());
  EXPECT_EQ(over_route_limit->status, 413u);
  EXPECT_NE(over_route_limit->body.find("limit 5000 bytes"), std::string::npos);

  // The larger limit of /imports does not leak to the other routes.
  auto over_server_limit = post("/", 3000);
  ASSERT_TRUE(over_server_limit.has_value());
  EXPECT_EQ(over_server_limit->status, 413u);
  EXPECT_NE(over_server_limit->body.find("limit 100 bytes"), std::string::npos);
}

TEST_F(HttpServerTest, OversizedChunkedBodyGets413) {
  router_->add("POST", "/", [](Request&&, Responder respond) { respond(text("ok")); });
  // A route with a larger limit of its own must not lift the limit of "/" for chunked bodies,
  // whose size is only known as they arrive.
  router_->add(
      "POST", "/imports", [](Request&&, Responder respond) { respond(text("ok")); }, 5000);
  HttpServerOptions options;
  options.max_body_bytes = 100;
  start(options);
  RawClient client(port());
  ASSERT_TRUE(client.connected());
  client.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
  for (int i = 0; i < 4; ++i) client.send("40\r\n" + std::string(64, 'c') + "\r\n");
  auto response = client.read_response();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 413u);
}

TEST_F(HttpServerTest, HalfRequestIsClosedAfterReadTimeout) {
  router_->add("GET", "/", [](Request&&, Responder respond) { respond(text("ok")); });
  HttpServerOptions options;
  options.read_timeout = milliseconds(200);
  start(options);
  RawClient client(port());
  ASSERT_TRUE(client.connected());
  ASSERT_TRUE(client.send("GET / HTTP/1.1\r\nHost: x\r\n"));
  EXPECT_TRUE(client.wait_closed(milliseconds(10000)));
}

TEST_F(HttpServerTest, TrickledHeadersAreCutOffByReadTimeout) {
  router_->add("GET", "/", [](Request&&, Responder respond) { respond(text("ok")); });
  HttpServerOptions options;
  options.read_timeout = milliseconds(200);
  start(options);
  RawClient client(port());
  ASSERT_TRUE(client.connected());
  client.send("GET / HTTP/1.1\r\nHost: x\r\n");
  bool closed = false;
  // Each byte arrives well within any per-read timeout, the whole never completes.
  for (int i = 0; i < 400 && !closed; ++i) {
    if (!client.send("X")) closed = true;
    std::this_thread::sleep_for(milliseconds(25));
    if (client.closed_now()) closed = true;
  }
  EXPECT_TRUE(closed);
}

TEST_F(HttpServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  router_->add("GET", "/n/{n}",
               [](Request&& r, Responder respond) { respond(text(r.path_params.at("n"))); });
  start();
  RawClient client(port());
  ASSERT_TRUE(client.connected());
  ASSERT_TRUE(client.send("GET /n/1 HTTP/1.1\r\nHost: x\r\n\r\n"));
  auto first = client.read_response();
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->body, "1");
  EXPECT_NE(first->header("Connection"), "close");
  ASSERT_TRUE(client.send("GET /n/2 HTTP/1.1\r\nHost: x\r\n\r\n"));
  auto second = client.read_response();
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->body, "2");
}

TEST_F(HttpServerTest, PipelinedRequestsAreAnsweredInOrder) {
  router_->add("GET", "/n/{n}", [this](Request&& r, Responder respond) {
    // The first answers late, from another thread: order must still hold.
    std::string n = r.path_params.at("n");
    if (n == "1") {
      threads_.emplace_back([respond, n] {
        std::this_thread::sleep_for(milliseconds(50));
        respond(text(n));
      });
    } else {
      respond(text(n));
    }
  });
  start();
  RawClient client(port());
  ASSERT_TRUE(client.connected());
  ASSERT_TRUE(
      client.send("GET /n/1 HTTP/1.1\r\nHost: x\r\n\r\nGET /n/2 HTTP/1.1\r\nHost: x\r\n\r\n"
                  "GET /n/3 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
  for (const char* expected : {"1", "2", "3"}) {
    auto response = client.read_response();
    ASSERT_TRUE(response.has_value()) << expected;
    EXPECT_EQ(response->body, expected);
  }
  EXPECT_TRUE(client.wait_closed(milliseconds(5000)));
}

TEST_F(HttpServerTest, IdleKeepAliveConnectionIsClosedAfterIdleTimeout) {
  router_->add("GET", "/", [](Request&&, Responder respond) { respond(text("ok")); });
  HttpServerOptions options;
  options.idle_timeout = milliseconds(200);
  start(options);
  RawClient client(port());
  ASSERT_TRUE(client.connected());
  ASSERT_TRUE(client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
  ASSERT_TRUE(client.read_response().has_value());
  EXPECT_TRUE(client.wait_closed(milliseconds(10000)));
}

TEST_F(HttpServerTest, Http10RequestIsAnsweredIn10AndClosed) {
  router_->add("GET", "/",
               [](Request&& r, Responder respond) { respond(text(std::to_string(r.version))); });
  start();
  RawClient client(port());
  ASSERT_TRUE(client.connected());
  ASSERT_TRUE(client.send("GET / HTTP/1.0\r\n\r\n"));
  auto response = client.read_response();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status_line.rfind("HTTP/1.0 200", 0), 0u) << response->status_line;
  EXPECT_EQ(response->body, "10");
  EXPECT_TRUE(client.wait_closed(milliseconds(5000)));
}

TEST_F(HttpServerTest, Http10KeepAliveIsHonoured) {
  router_->add("GET", "/", [](Request&&, Responder respond) { respond(text("ok")); });
  start();
  RawClient client(port());
  ASSERT_TRUE(client.connected());
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(client.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
    auto response = client.read_response();
    ASSERT_TRUE(response.has_value()) << i;
    EXPECT_EQ(response->body, "ok");
  }
}

TEST_F(HttpServerTest, Expect100ContinueGetsAnInterimResponseBeforeTheBody) {
  router_->add("POST", "/", [](Request&& r, Responder respond) { respond(text(r.body)); });
  start();
  RawClient client(port());
  ASSERT_TRUE(client.connected());
  ASSERT_TRUE(client.send(
      "POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n"));
  auto interim = client.read_response();
  ASSERT_TRUE(interim.has_value());
  EXPECT_EQ(interim->status, 100u);
  ASSERT_TRUE(client.send("hello"));
  auto response = client.read_response();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 200u);
  EXPECT_EQ(response->body, "hello");
}

TEST_F(HttpServerTest, HandlerRespondingFromAnotherThreadIsAnswered) {
  router_->add("GET", "/later", [this](Request&&, Responder respond) {
    threads_.emplace_back([respond] {
      std::this_thread::sleep_for(milliseconds(30));
      respond(text("from a worker"));
    });
  });
  start();
  auto response = send_request(port(), "GET", "/later");
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 200u);
  EXPECT_EQ(response->body, "from a worker");
}

TEST_F(HttpServerTest, ThrowingHandlerGets500AndTheServerKeepsServing) {
  router_->add("GET", "/boom",
               [](Request&&, Responder) -> void { throw std::runtime_error("kaput"); });
  router_->add("GET", "/ok", [](Request&&, Responder respond) { respond(text("ok")); });
  start();
  RawClient client(port());
  ASSERT_TRUE(client.connected());
  ASSERT_TRUE(client.send("GET /boom HTTP/1.1\r\nHost: x\r\n\r\n"));
  auto failed = client.read_response();
  ASSERT_TRUE(failed.has_value());
  EXPECT_EQ(failed->status, 500u);
  EXPECT_EQ(failed->body.find("kaput"), std::string::npos) << "internal details leaked";
  ASSERT_TRUE(client.send("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n"));
  auto next = client.read_response();
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(next->status, 200u);
  auto fresh = send_request(port(), "GET", "/ok");
  ASSERT_TRUE(fresh.has_value());
  EXPECT_EQ(fresh->status, 200u);
}

TEST_F(HttpServerTest, SecondResponderCallIsIgnored) {
  router_->add("GET", "/twice", [](Request&&, Responder respond) {
    respond(text("first"));
    respond(text("second", 500));
  });
  router_->add("GET", "/ok", [](Request&&, Responder respond) { respond(text("ok")); });
  start();
  RawClient client(port());
  ASSERT_TRUE(client.connected());
  ASSERT_TRUE(client.send("GET /twice HTTP/1.1\r\nHost: x\r\n\r\n"));
  auto first = client.read_response();
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->body, "first");
  ASSERT_TRUE(client.send("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n"));
  auto next = client.read_response();
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(next->body, "ok");
}

TEST_F(HttpServerTest, DroppedResponderGets500) {
  router_->add("GET", "/forgetful", [](Request&&, Responder) {});
  start();
  auto response = send_request(port(), "GET", "/forgetful");
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 500u);
}

TEST_F(HttpServerTest, HandlerThatNeverRespondsGets503AfterWriteTimeout) {
  std::mutex mutex;
  std::vector<Responder> parked;
  router_->add("GET", "/never", [&](Request&&, Responder respond) {
    std::lock_guard lock(mutex);
    parked.push_back(std::move(respond));
  });
  HttpServerOptions options;
  options.write_timeout = milliseconds(200);
  start(options);
  RawClient client(port());
  ASSERT_TRUE(client.connected());
  ASSERT_TRUE(client.send("GET /never HTTP/1.1\r\nHost: x\r\n\r\n"));
  auto response = client.read_response(milliseconds(10000));
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 503u);
  EXPECT_TRUE(client.wait_closed(milliseconds(5000)));
  std::lock_guard lock(mutex);
  for (auto& respond : parked) respond(text("too late"));  // ignored, harmless
}

TEST_F(HttpServerTest, StopLetsAnInFlightRequestFinishWithinGrace) {
  std::promise<void> entered;
  router_->add("GET", "/slow", [this, &entered](Request&&, Responder respond) {
    entered.set_value();
    threads_.emplace_back([respond] {
      std::this_thread::sleep_for(milliseconds(300));
      respond(text("finished"));
    });
  });
  start();
  std::optional<RawResponse> response;
  std::thread client([&] { response = send_request(port(), "GET", "/slow"); });
  entered.get_future().wait();
  server_->stop(milliseconds(10000));
  client.join();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 200u);
  EXPECT_EQ(response->body, "finished");
  EXPECT_FALSE(RawClient(port()).connected()) << "still accepting after stop()";
}

TEST_F(HttpServerTest, StopClosesIdleConnectionsAndCutsRequestsPastGrace) {
  std::mutex mutex;
  std::vector<Responder> parked;
  std::promise<void> entered;
  router_->add("GET", "/", [](Request&&, Responder respond) { respond(text("ok")); });
  router_->add("GET", "/never", [&](Request&&, Responder respond) {
    std::lock_guard lock(mutex);
    parked.push_back(std::move(respond));
    entered.set_value();
  });
  start();
  RawClient idle(port());
  ASSERT_TRUE(idle.connected());
  ASSERT_TRUE(idle.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
  ASSERT_TRUE(idle.read_response().has_value());
  RawClient stuck(port());
  ASSERT_TRUE(stuck.connected());
  ASSERT_TRUE(stuck.send("GET /never HTTP/1.1\r\nHost: x\r\n\r\n"));
  entered.get_future().wait();
  server_->stop(milliseconds(100));
  EXPECT_TRUE(idle.wait_closed(milliseconds(5000)));
  EXPECT_TRUE(stuck.wait_closed(milliseconds(5000)));
  server_->stop(milliseconds(100));  // idempotent
  std::lock_guard lock(mutex);
  for (auto& respond : parked) respond(text("after stop"));  // does nothing, must not crash
}

TEST_F(HttpServerTest, StartFailsNamingTheAddressWhenThePortIsTaken) {
  start();
  HttpServerOptions options;
  options.host = "127.0.0.1";
  options.port = port();
  HttpServer second(options, router_, nullptr);
  auto started = second.start();
  ASSERT_FALSE(started.ok());
  EXPECT_NE(started.error().message.find("127.0.0.1:" + std::to_string(port())), std::string::npos)
      << started.error().message;
  EXPECT_NE(started.error().message.find("in use"), std::string::npos) << started.error().message;
}

TEST_F(HttpServerTest, StartFailsOnAnInvalidHost) {
  HttpServerOptions options;
  options.host = "not an address";
  options.port = 0;
  HttpServer server(options, router_, nullptr);
  auto started = server.start();
  ASSERT_FALSE(started.ok());
  EXPECT_NE(started.error().message.find("not an address"), std::string::npos)
      << started.error().message;
}

TEST_F(HttpServerTest, WorksWithoutMetrics) {
  router_->add("GET", "/", [](Request&&, Responder respond) { respond(text("ok")); });
  HttpServerOptions options;
  options.port = 0;
  HttpServer server(options, router_, nullptr);
  ASSERT_TRUE(server.start().ok());
  auto response = send_request(server.port(), "GET", "/");
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 200u);
}

// The line of `rendered` for the series with these label fragments, or "".
std::string series_line(const std::string& rendered, const std::vector<std::string>& fragments) {
  std::size_t start = 0;
  while (start < rendered.size()) {
    std::size_t end = rendered.find('\n', start);
    std::string line = rendered.substr(start, end - start);
    bool all = line.rfind("caissed_http_requests_total{", 0) == 0;
    for (const auto& f : fragments) all = all && line.find(f) != std::string::npos;
    if (all) return line;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return "";
}

TEST_F(HttpServerTest, RequestsAreCountedByRoutePatternMethodAndStatus) {
  router_->add("GET", "/plugins/{name}", [](Request&&, Responder respond) { respond(text("ok")); });
  start();
  ASSERT_TRUE(send_request(port(), "GET", "/plugins/a").has_value());
  ASSERT_TRUE(send_request(port(), "GET", "/plugins/b").has_value());
  ASSERT_TRUE(send_request(port(), "GET", "/nowhere").has_value());
  std::string rendered = metrics_.render();
  EXPECT_NE(rendered.find("# TYPE caissed_http_requests_total counter"), std::string::npos)
      << rendered;
  auto ok =
      series_line(rendered, {"route=\"/plugins/{name}\"", "method=\"GET\"", "status=\"200\""});
  EXPECT_NE(ok, "") << rendered;
  EXPECT_EQ(ok.substr(ok.rfind(' ') + 1), "2") << ok;
  auto missing = series_line(rendered, {"route=\"unmatched\"", "status=\"404\""});
  EXPECT_NE(missing, "") << rendered;
  EXPECT_EQ(missing.substr(missing.rfind(' ') + 1), "1") << missing;
}

}  // namespace
}  // namespace caisse::host::http
