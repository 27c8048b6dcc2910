// The helloasso collector loaded as in production (the real loader, the host's callbacks and
// HTTP client) against the HelloAsso test peer on a real socket: the token it fetches, keeps and
// renews, notifications it never believes, listings paged to the end, and what it says when the
// API is away, fails, answers badly or knows no such payment. The peer checks every answer it
// gives against the official spec; each test ends by asserting it found nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdlib.h>

#include <memory>
#include <optional>
#include <string>
#include <tuple>

#include "fake_plugin_services.hpp"
#include "helloasso_peer.hpp"
#include "helloasso_peer_server.hpp"
#include "plugins/plugin_instance.hpp"
#include "plugins/plugin_loader.hpp"
#include "temp_dir.hpp"
#include "validated_plugin_config.hpp"

namespace caisse::host::plugins {
namespace {

using caisse::testing::helloasso::Fault;
using caisse::testing::helloasso::HelloAssoPeer;
using caisse::testing::helloasso::HelloAssoPeerOptions;
using caisse::testing::helloasso::HelloAssoPeerServer;
using caisse::testing::helloasso::PeerPayment;
using caisse::testing::helloasso::Route;
using ::testing::HasSubstr;

constexpr const char* kSlug = "caisse-alimentaire-nantes-ouest";

class HelloAssoAdapter : public ::testing::Test {
 protected:
  HelloAssoAdapter() : peer_(peer_options()), server_(peer_) {}

  HelloAssoPeerOptions peer_options() {
    HelloAssoPeerOptions out;
    out.organization_slug = kSlug;
    out.spec_file = HelloAssoPeer::spec_file_if_present(HELLOASSO_OPENAPI_SPEC);
    // One clock for both sides, so that a token expires for the peer when the host says so.
    out.now_ms = [this] { return services_.clock_ms; };
    return out;
  }

  void TearDown() override { EXPECT_EQ(peer_.spec_violations(), std::vector<std::string>{}); }

  // The instance as an operator configures it, checked by the daemon's own validation; the
  // secret comes from the environment as in a caisse file.
  Result<std::unique_ptr<PluginInstance>> try_instance(caisse::testing::PluginConfig overrides = {},
                                                       std::string origin = {}) {
    auto loaded = load_plugin({"helloasso", {CAISSE_PLUGIN_DIR}, std::nullopt});
    if (!loaded) return loaded.error();
    if (origin.empty()) origin = server_.url();
    ::setenv("CAISSE_TEST_HELLOASSO_SECRET", "caisse-client-secret", 1);
    caisse::testing::PluginConfig config{
        {"api_url", origin},
        {"token_url", origin + "/oauth2/token"},
        {"organization_slug", std::string(kSlug)},
        {"client_id", std::string("caisse-client-id")},
        {"client_secret", std::string("env:CAISSE_TEST_HELLOASSO_SECRET")},
        {"timeout_ms", std::int64_t{2000}}};
    for (const auto& [key, value] : overrides) config[key] = value;
    auto resolved = caisse::testing::validated_plugin_config((*loaded)->descriptor(), "helloasso",
                                                             config, dir_.path(), {origin});
    if (!resolved) return resolved.error();
    return PluginInstance::create(*loaded, "nantes-ouest", "helloasso", std::move(*resolved),
                                  services_);
  }

  std::unique_ptr<PluginInstance> instance(caisse::testing::PluginConfig overrides = {},
                                           std::string origin = {}) {
    auto created = try_instance(std::move(overrides), std::move(origin));
    if (!created) throw std::runtime_error(created.error().message);
    return std::move(created.value());
  }

  std::int64_t add(std::int64_t cents, std::string state = "Authorized",
                   std::string date = "2026-11-05T10:00:00+01:00") {
    PeerPayment payment;
    payment.amount = cents;
    payment.state = std::move(state);
    payment.date = std::move(date);
    payment.custom_fields["Numero de foyer"] = "H-" + std::to_string(cents);
    return peer_.add_payment(std::move(payment));
  }

  static Webhook hook(std::string body) {
    Webhook out;
    out.headers = {{"Content-Type", "application/json"}, {"User-Agent", "HelloAsso"}};
    out.body = std::move(body);
    out.received_ms = 1'793'000'000'000;
    return out;
  }

  // The one event read_webhook gives for the peer's own notification of `id`.
  PaymentEvent read_one(PluginInstance& adapter, std::int64_t id, std::string_view state = {}) {
    auto events = adapter.read_webhook(hook(peer_.notification(id, state)));
    if (!events) throw std::runtime_error(events.error().message);
    EXPECT_EQ(events->size(), 1u);
    return events->at(0);
  }

  std::string read_failure(PluginInstance& adapter, std::int64_t id) {
    auto events = adapter.read_webhook(hook(peer_.notification(id)));
    return events ? "(no failure)" : events.error().message;
  }

  static std::string notification_for(std::int64_t id) {
    return R"({"eventType":"Payment","data":{"id":)" + std::to_string(id) + "}}";
  }

  FakePluginServices services_;
  caisse::testing::TempDir dir_;
  HelloAssoPeer peer_;
  HelloAssoPeerServer server_;
};

TEST_F(HelloAssoAdapter, VerifyNamesTheEventByTypeIdAndStateWithoutCallingTheApi) {
  const auto id = add(2000);
  auto adapter = instance();
  auto verified = adapter->verify_webhook(hook(peer_.notification(id)));
  ASSERT_TRUE(verified.ok()) << verified.error().message;
  EXPECT_EQ(*verified, "helloasso:Payment:" + std::to_string(id) + ":Authorized");
  EXPECT_EQ(peer_.requests(Route::any), 0u);
}

TEST_F(HelloAssoAdapter, AMalformedNotificationIsRefusedNamingTheField) {
  auto adapter = instance();
  auto verified = adapter->verify_webhook(hook(R"({"eventType":"Payment","data":{"id":"x"}})"));
  ASSERT_FALSE(verified.ok());
  EXPECT_THAT(verified.error().message, HasSubstr("notification: field data.id is not an integer"));
  // Malformed, not forged: HelloAsso signs nothing, so nothing can be called forged here.
  EXPECT_FALSE(adapter->last_call_denied());
}

TEST_F(HelloAssoAdapter, TheApiWinsOverAForgedNotification) {
  const auto id = add(1550, "Refused");
  auto adapter = instance();
  // The forged body claims the payment was authorized, for a larger amount.
  std::string forged = peer_.notification(id, "Authorized");
  const std::string real_amount = "\"amount\":1550";
  forged.replace(forged.find(real_amount), real_amount.size(), "\"amount\":99900");
  auto events = adapter->read_webhook(hook(forged));
  ASSERT_TRUE(events.ok()) << events.error().message;
  ASSERT_EQ(events->size(), 1u);
  const PaymentEvent& event = events->at(0);
  EXPECT_EQ(event.state, PaymentState::failed);
  EXPECT_EQ(event.reason_code, "Refused");
  EXPECT_EQ(event.amount.minor, 1550);
  EXPECT_EQ(event.amount.currency, "EUR");
  EXPECT_EQ(event.event_id, "helloasso:" + std::to_string(id) + ":Refused");
  EXPECT_EQ(event.payment_ref, "helloasso:" + std::to_string(id));
  EXPECT_EQ(event.occurred_at, "2026-11-05T10:00:00+01:00");
  EXPECT_EQ(event.payer_ref, "");  // no household_field configured
  EXPECT_EQ(peer_.requests(Route::order), 0u);
}

TEST_F(HelloAssoAdapter, OneTokenServesCallsUntilItIsAboutToExpire) {
  const auto id = add(2000);
  auto adapter = instance();
  EXPECT_EQ(read_one(*adapter, id).state, PaymentState::paid);
  EXPECT_EQ(read_one(*adapter, id).state, PaymentState::paid);  // safe to read twice
  EXPECT_EQ(peer_.tokens_issued(), 1u);
  // 29 minutes later the 30-minute token is renewed before it is used, not after a 401.
  services_.clock_ms += 29 * 60 * 1000 + 1;
  read_one(*adapter, id);
  EXPECT_EQ(peer_.tokens_issued(), 2u);
  EXPECT_EQ(peer_.requests(Route::payment), 3u);
}

TEST_F(HelloAssoAdapter, ARevokedTokenIsReplacedOnceOn401) {
  const auto id = add(2000);
  auto adapter = instance();
  read_one(*adapter, id);
  peer_.revoke_tokens();
  EXPECT_EQ(read_one(*adapter, id).state, PaymentState::paid);
  EXPECT_EQ(peer_.tokens_issued(), 2u);
  EXPECT_EQ(peer_.requests(Route::payment), 3u);  // one 401, then the retry
}

TEST_F(HelloAssoAdapter, A401WithAFreshTokenIsAPermissionProblem) {
  const auto id = add(2000);
  auto adapter = instance();
  server_.fail_next(Route::payment, Fault::unauthorized, 2);
  EXPECT_THAT(read_failure(*adapter, id),
              HasSubstr("GET /v5/payments/" + std::to_string(id) + ": HTTP 401"));
  EXPECT_TRUE(adapter->last_call_denied());
  EXPECT_EQ(peer_.tokens_issued(), 2u);  // it tried once more, not forever
}

TEST_F(HelloAssoAdapter, AWrongSecretSaysWhatTheTokenEndpointAnswered) {
  auto adapter = instance({{"client_id", std::string("someone-else")}});
  EXPECT_THAT(read_failure(*adapter, add(2000)),
              HasSubstr("/oauth2/token: HTTP 400 invalid_client unknown client or wrong secret "
                        "(check client_id and client_secret)"));
  EXPECT_TRUE(adapter->last_call_denied());
}

TEST_F(HelloAssoAdapter, TheHouseholdComesFromTheOrdersCustomField) {
  const auto first = add(2000);
  auto adapter = instance({{"household_field", std::string("Numero de foyer")}});
  EXPECT_EQ(read_one(*adapter, first).payer_ref, "H-2000");
  EXPECT_EQ(read_one(*adapter, first).payer_ref, "H-2000");
  EXPECT_EQ(peer_.requests(Route::order), 1u);  // answers never change: read once
}

TEST_F(HelloAssoAdapter, AnOrderWithoutTheFieldGivesNoHousehold) {
  auto adapter = instance({{"household_field", std::string("Foyer caisse")}});
  EXPECT_EQ(read_one(*adapter, add(2000)).payer_ref, "");
}

TEST_F(HelloAssoAdapter, AnOrderNotificationGivesNoEventAndCallsNothing) {
  auto adapter = instance();
  auto events = adapter->read_webhook(hook(R"({"eventType":"Order","data":{"id":81000}})"));
  ASSERT_TRUE(events.ok()) << events.error().message;
  EXPECT_TRUE(events->empty());
  EXPECT_EQ(peer_.requests(Route::any), 0u);
}

TEST_F(HelloAssoAdapter, AnUnknownPaymentIdIsNotFound) {
  auto adapter = instance();
  auto events = adapter->read_webhook(hook(notification_for(999999)));
  ASSERT_FALSE(events.ok());
  EXPECT_THAT(events.error().message,
              HasSubstr("GET /v5/payments/999999: HTTP 404: no such resource"));
}

TEST_F(HelloAssoAdapter, APaymentOfAnotherOrganizationIsRefused) {
  const auto id = add(2000);
  auto adapter = instance({{"organization_slug", std::string("another-caisse")}});
  EXPECT_THAT(read_failure(*adapter, id),
              HasSubstr("field order.organizationSlug is \"" + std::string(kSlug) +
                        "\", not \"another-caisse\""));
}

TEST_F(HelloAssoAdapter, AnUnreachableApiIsReportedWithTheRequest) {
  auto adapter = instance({}, "http://127.0.0.1:1");
  const std::string failure = read_failure(*adapter, add(2000));
  EXPECT_THAT(failure, HasSubstr("POST http://127.0.0.1:1/oauth2/token: "));
  EXPECT_THAT(failure, HasSubstr("cannot reach"));
  EXPECT_EQ(peer_.requests(Route::any), 0u);
}

// Each answer HelloAsso (or a proxy before it) should not give fails the call, naming the
// request and what was wrong; nothing changed at HelloAsso, so the host may simply call again.
TEST_F(HelloAssoAdapter, EachBadAnswerIsReportedWithTheRequest) {
  const auto id = add(2000);
  const std::string request = "GET /v5/payments/" + std::to_string(id);
  auto adapter = instance();
  const std::vector<std::tuple<Fault, std::string, std::string>> cases{
      {Fault::error_500, "state", request + ": HTTP 500"},
      {Fault::html_502, "state", request + ": HTTP 502"},
      {Fault::truncated_json, "state", request + ": the body is not JSON"},
      {Fault::mistyped_field, "amount", request + ": field amount is not an integer"},
      {Fault::mistyped_field, "state", request + ": field state is not a string"}};
  for (const auto& [fault, field, message] : cases) {
    server_.fail_next(Route::payment, fault, 1, field);
    EXPECT_THAT(read_failure(*adapter, id), HasSubstr(message));
    EXPECT_EQ(read_one(*adapter, id).state, PaymentState::paid);
  }
}

TEST_F(HelloAssoAdapter, AListingReadsEveryPageOfThePeriodInOrder) {
  add(100, "Authorized", "2026-10-31T23:59:59+00:00");  // before the period
  add(100, "Authorized", "2026-12-01T00:00:00+00:00");  // `to` is exclusive
  const std::vector<std::pair<std::string, std::string>> november{
      {"Authorized", "2026-11-02T09:00:00+01:00"},
      {"Refused", "2026-11-03T09:00:00+01:00"},
      {"Refunded", "2026-11-04T09:00:00+01:00"},
      {"Pending", "2026-11-05T09:00:00+01:00"},
      {"Authorized", "2026-11-06T09:00:00+01:00"}};
  std::vector<std::string> expected;
  for (std::size_t i = 0; i < november.size(); ++i) {
    const auto id = add(static_cast<std::int64_t>(1000 + i), november[i].first, november[i].second);
    expected.push_back("helloasso:" + std::to_string(id) + ":" + november[i].first);
  }
  auto adapter = instance({{"page_size", std::int64_t{2}}});
  auto events = adapter->list_payments(1'793'491'200'000, 1'796'083'200'000);  // November UTC
  ASSERT_TRUE(events.ok()) << events.error().message;
  std::vector<std::string> ids;
  for (const auto& event : *events) ids.push_back(event.event_id);
  EXPECT_EQ(ids, expected);
  EXPECT_EQ(events->at(1).state, PaymentState::failed);
  EXPECT_EQ(events->at(2).state, PaymentState::refunded);
  EXPECT_EQ(events->at(3).state, PaymentState::pending);
  EXPECT_EQ(events->at(4).amount.minor, 1004);
  EXPECT_EQ(peer_.requests(Route::organization_payments), 3u);  // 2 + 2 + 1, no empty 4th
}

TEST_F(HelloAssoAdapter, AProxysHtml502IsReportedWithTheListing) {
  for (int day = 2; day <= 6; ++day)
    add(1000, "Authorized", "2026-11-0" + std::to_string(day) + "T09:00:00Z");
  auto adapter = instance({{"page_size", std::int64_t{2}}});
  server_.fail_next(Route::organization_payments, Fault::html_502);
  auto first = adapter->list_payments(1'793'491'200'000, 1'796'083'200'000);
  ASSERT_FALSE(first.ok());
  EXPECT_THAT(first.error().message, HasSubstr("/payments: HTTP 502"));
}

}  // namespace
}  // namespace caisse::host::plugins
