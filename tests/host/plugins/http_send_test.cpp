// caisse_host_http_send, end to end: the http_currency test plugin, loaded by the real loader,
// talks through the host to a real HTTP server on 127.0.0.1. What crosses the boundary both ways,
// the egress allow-list, and the difference between "nothing was sent" and "the request may have
// arrived", which decides whether a line may ever be sent again.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fake_plugin_services.hpp"
#include "log_capture.hpp"
#include "one_shot_http_server.hpp"
#include "plugins/plugin_instance.hpp"
#include "plugins/plugin_loader.hpp"

namespace caisse::host::plugins {
namespace {

using caisse::testing::closed_port;
using caisse::testing::OneShotServer;
using ::testing::HasSubstr;
using ::testing::StartsWith;

std::string origin(unsigned short port) {
  return "http://127.0.0.1:" + std::to_string(port);
}

class HttpSend : public ::testing::Test {
 protected:
  // An instance whose backend is on `port`, allowed to reach `allowed`.
  std::unique_ptr<PluginInstance> currency(unsigned short port, std::string allowed,
                                           std::int64_t timeout_ms = 0) {
    auto loaded = load_plugin({"http_currency", {CAISSE_TEST_PLUGIN_DIR}, std::nullopt});
    EXPECT_TRUE(loaded.ok()) << loaded.error().message;
    if (!loaded) return nullptr;
    config::ResolvedPluginConfig config;
    config.values["endpoint"] = {origin(port) + "/api", false};
    config.values["timeout_ms"] = {timeout_ms, false};
    config.http_allow = {std::move(allowed)};
    auto created =
        PluginInstance::create(*loaded, "nantes", "cyclos", std::move(config), services_);
    EXPECT_TRUE(created.ok()) << created.error().message;
    return created.ok() ? std::move(created.value()) : nullptr;
  }

  static CreditLine line() { return {"alloc/nantes/2026-11/H-1", "H-1", {20000, "MNK"}, "x"}; }

  FakePluginServices services_;
};

TEST_F(HttpSend, RequestAndAnswerCrossTheBoundaryWhole) {
  OneShotServer server(
      "HTTP/1.1 201 Created\r\nX-Peer: accepted\r\nContent-Length: 3\r\nConnection: close\r\n"
      "\r\nT-7");
  auto instance = currency(server.port(), origin(server.port()));
  ASSERT_NE(instance, nullptr);
  auto results = instance->credit({line()});
  ASSERT_TRUE(results.ok()) << results.error().message;
  ASSERT_EQ(results->size(), 1u);
  EXPECT_EQ((*results)[0].outcome, Outcome::succeeded);
  EXPECT_EQ((*results)[0].external_ref, "T-7");
  EXPECT_EQ((*results)[0].message, "accepted");
  const std::string head = server.head();
  EXPECT_THAT(head, StartsWith("POST /api/credits HTTP/1.1\r\n"));
  EXPECT_THAT(head, HasSubstr("\r\nHost: 127.0.0.1:" + std::to_string(server.port()) + "\r\n"));
  EXPECT_THAT(head, HasSubstr("\r\nX-Household: H-1\r\n"));
  EXPECT_THAT(head, HasSubstr("\r\nContent-Length: 24\r\n"));
  EXPECT_EQ(server.body(), "alloc/nantes/2026-11/H-1");
}

TEST_F(HttpSend, PeerStatusesAreAnswersNotFailures) {
  OneShotServer missing(caisse::testing::http_response(404, "Not Found", "{}"));
  auto instance = currency(missing.port(), origin(missing.port()));
  ASSERT_NE(instance, nullptr);
  auto status = instance->status("alloc/nantes/2026-11/H-1");
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_EQ(status->outcome, Outcome::not_sent);
  EXPECT_THAT(missing.head(), StartsWith("GET /api/credits/alloc/nantes/2026-11/H-1 HTTP/1.1\r\n"));

  OneShotServer broken(caisse::testing::http_response(503, "Unavailable", "{}"));
  auto other = currency(broken.port(), origin(broken.port()));
  ASSERT_NE(other, nullptr);
  auto declined = other->credit({line()});
  ASSERT_TRUE(declined.ok()) << declined.error().message;
  EXPECT_EQ((*declined)[0].outcome, Outcome::declined);
  EXPECT_EQ((*declined)[0].message, "HTTP 503");
}

TEST_F(HttpSend, AnOriginOutsideHttpAllowIsRefusedWithoutConnecting) {
  OneShotServer server(caisse::testing::http_response(200, "OK", "T-1"));
  auto instance = currency(server.port(), "https://cyclos.example.org:443");
  ASSERT_NE(instance, nullptr);
  LogCapture log;
  auto results = instance->credit({line()});
  ASSERT_FALSE(results.ok());
  EXPECT_THAT(
      results.error().message,
      HasSubstr(origin(server.port()) + " is not in the http_allow list of instance cyclos"));
  EXPECT_THAT(log.text(), HasSubstr("status=PERMISSION_DENIED"));
  EXPECT_EQ(server.request(), "");
}

TEST_F(HttpSend, NobodyListeningMeansNothingWasSent) {
  const unsigned short port = closed_port();
  auto instance = currency(port, origin(port));
  ASSERT_NE(instance, nullptr);
  LogCapture log;
  auto results = instance->credit({line()});
  ASSERT_FALSE(results.ok());
  EXPECT_THAT(results.error().message, HasSubstr("connecting"));
  EXPECT_THAT(log.text(), HasSubstr("status=UNAVAILABLE"));
}

// The request reached the peer, which never answered: it may have credited the household, so
// the host reports an unknown outcome and never sends it again by itself.
TEST_F(HttpSend, ASilentPeerLeavesTheOutcomeUnknown) {
  OneShotServer server(std::string(), /*silent=*/true);
  auto instance = currency(server.port(), origin(server.port()), 300);
  ASSERT_NE(instance, nullptr);
  LogCapture log;
  auto results = instance->credit({line()});
  ASSERT_FALSE(results.ok());
  EXPECT_THAT(results.error().message, HasSubstr("reading the answer: timed out"));
  EXPECT_THAT(log.text(), HasSubstr("status=UNKNOWN_OUTCOME"));
  EXPECT_EQ(server.body(), "alloc/nantes/2026-11/H-1");
}

}  // namespace
}  // namespace caisse::host::plugins
