// card.so through the host's loader and config check, as the daemon runs it: the operator's
// configuration (secrets as env: references), a forged delivery denied rather than failed, a
// genuine one verified and read into payment events.
#include <gtest/gtest.h>

#include <stdlib.h>

#include <memory>
#include <string>

#include "fake_plugin_services.hpp"
#include "plugins/plugin_instance.hpp"
#include "plugins/plugin_loader.hpp"
#include "temp_dir.hpp"
#include "validated_plugin_config.hpp"

namespace caisse::host::plugins {
namespace {

// Known vectors, worked out with openssl (see signature_schemes_test.cpp):
//   printf '%s' '1700000000.{"id":"evt_test","object":"event","type":"invoice.paid"}' |
//     openssl dgst -sha256 -hmac 'whsec_test_secret'
//   printf '%s' '{"events":[]}' | openssl dgst -sha256 -hmac 'ElfXtBxI2HlM1G0h2TqLH9qgbEtWhzcO'
constexpr const char* stripe_body = R"({"id":"evt_test","object":"event","type":"invoice.paid"})";
constexpr const char* stripe_header =
    "t=1700000000,v1=02b5890a3376a18a176fde670ba47bc920bc30c6ae0deb7adf58049a4ead9aff";
constexpr const char* gc_secret = "ElfXtBxI2HlM1G0h2TqLH9qgbEtWhzcO";
constexpr const char* gc_signature =
    "8af0c9687b99028c63a766543b87d6cbc21386b46d265bae70d7a161b5066208";

class CardPlugin : public ::testing::Test {
 protected:
  // An instance configured as an operator would: secrets go through the environment.
  Result<std::unique_ptr<PluginInstance>> try_instance(caisse::testing::PluginConfig config) {
    auto loaded = load_plugin({"card", {CAISSE_PLUGIN_DIR}, std::nullopt});
    if (!loaded) return loaded.error();
    for (const char* secret : {"secret", "previous_secret"}) {
      auto given = config.find(secret);
      if (given == config.end()) continue;
      const std::string variable = std::string("CAISSE_TEST_CARD_") + secret;
      ::setenv(variable.c_str(), std::get<std::string>(given->second).c_str(), 1);
      given->second = "env:" + variable;
    }
    auto resolved = caisse::testing::validated_plugin_config((*loaded)->descriptor(), "psp", config,
                                                             dir_.path());
    if (!resolved) return resolved.error();
    return PluginInstance::create(*loaded, "nantes-ouest", "psp", std::move(*resolved), services_);
  }

  std::unique_ptr<PluginInstance> instance(caisse::testing::PluginConfig config) {
    auto created = try_instance(std::move(config));
    if (!created) throw std::runtime_error(created.error().message);
    return std::move(created.value());
  }

  FakePluginServices services_;
  caisse::testing::TempDir dir_;
};

TEST_F(CardPlugin, IsACollectorThatVerifiesAndReadsWebhooks) {
  auto card =
      instance({{"scheme", std::string("stripe")}, {"secret", std::string("whsec_test_secret")}});
  EXPECT_EQ(card->plugin().descriptor().roles, static_cast<std::uint32_t>(CAISSE_ROLE_COLLECTOR));
  EXPECT_TRUE(card->verifies_webhooks());
}

TEST_F(CardPlugin, AGenuineStripeDeliveryGivesTheEventId) {
  auto card =
      instance({{"scheme", std::string("stripe")}, {"secret", std::string("whsec_test_secret")}});
  auto id =
      card->verify_webhook({{{"Stripe-Signature", stripe_header}}, stripe_body, 1'700'000'100'000});
  ASSERT_TRUE(id.ok()) << id.error().message;
  EXPECT_EQ(*id, "evt_test");
}

TEST_F(CardPlugin, AForgedDeliveryIsDeniedSayingWhy) {
  auto card =
      instance({{"scheme", std::string("stripe")}, {"secret", std::string("whsec_test_secret")}});
  std::string forged = stripe_body;
  forged.replace(forged.find("paid"), 4, "void");
  auto id =
      card->verify_webhook({{{"Stripe-Signature", stripe_header}}, forged, 1'700'000'000'000});
  ASSERT_FALSE(id.ok());
  EXPECT_TRUE(card->last_call_denied());
  EXPECT_NE(id.error().message.find("no signature matches"), std::string::npos)
      << id.error().message;
}

TEST_F(CardPlugin, AStaleDeliveryIsDeniedWithTheConfiguredTolerance) {
  auto card = instance({{"scheme", std::string("stripe")},
                        {"secret", std::string("whsec_test_secret")},
                        {"tolerance_seconds", std::int64_t{60}}});
  auto id =
      card->verify_webhook({{{"Stripe-Signature", stripe_header}}, stripe_body, 1'700'000'061'000});
  ASSERT_FALSE(id.ok());
  EXPECT_TRUE(card->last_call_denied());
  EXPECT_NE(
      id.error().message.find(
          "Stripe-Signature t is 61 s older than the host clock, beyond the tolerance of 60 s"),
      std::string::npos)
      << id.error().message;
}

TEST_F(CardPlugin, ThePreviousSecretIsAcceptedDuringARotation) {
  auto card = instance({{"scheme", std::string("gocardless")},
                        {"secret", std::string("the-new-endpoint-secret")},
                        {"previous_secret", std::string(gc_secret)}});
  auto id = card->verify_webhook({{{"Webhook-Signature", gc_signature}}, R"({"events":[]})", 0});
  ASSERT_TRUE(id.ok()) << id.error().message;
}

TEST_F(CardPlugin, ReadsAStripeEventIntoAPaymentEvent) {
  auto card =
      instance({{"scheme", std::string("stripe")}, {"secret", std::string("whsec_test_secret")}});
  auto events = card->read_webhook({{},
                                    R"({"id": "evt_42", "object": "event", "created": 1700000000,
           "type": "payment_intent.succeeded",
           "data": {"object": {"id": "pi_42", "object": "payment_intent", "amount": 3150,
                               "currency": "eur", "metadata": {"household_id": "H-7"}}}})",
                                    0});
  ASSERT_TRUE(events.ok()) << events.error().message;
  ASSERT_EQ(events->size(), 1u);
  const PaymentEvent& event = (*events)[0];
  EXPECT_EQ(event.event_id, "evt_42");
  EXPECT_EQ(event.payment_ref, "pi_42");
  EXPECT_EQ(event.payer_ref, "H-7");
  EXPECT_EQ(event.state, PaymentState::paid);
  EXPECT_EQ(event.amount.minor, 3150);
  EXPECT_EQ(event.amount.currency, "EUR");
  EXPECT_EQ(event.occurred_at, "2023-11-14T22:13:20Z");
}

TEST_F(CardPlugin, AnUnreadablePayloadNamesTheField) {
  auto card = instance({{"scheme", std::string("gocardless")}, {"secret", std::string(gc_secret)}});
  auto events = card->read_webhook({{}, R"({"events": [{"id": "EV1"}]})", 0});
  ASSERT_FALSE(events.ok());
  EXPECT_NE(
      events.error().message.find("GoCardless webhook: field events[0].resource_type: missing"),
      std::string::npos)
      << events.error().message;
}

TEST_F(CardPlugin, RefusesAnUnknownSchemeABadSecretAndAnAbsurdTolerance) {
  auto unknown = try_instance({{"scheme", std::string("paypal")}, {"secret", std::string("x")}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find(
                "scheme \"paypal\" is not one of standard_webhooks, stripe, gocardless"),
            std::string::npos)
      << unknown.error().message;
  auto bad_secret = try_instance(
      {{"scheme", std::string("standard_webhooks")}, {"secret", std::string("whsec_***")}});
  ASSERT_FALSE(bad_secret.ok());
  EXPECT_NE(bad_secret.error().message.find("secret is not a Standard Webhooks secret"),
            std::string::npos)
      << bad_secret.error().message;
  auto tolerance = try_instance({{"scheme", std::string("stripe")},
                                 {"secret", std::string("whsec_x")},
                                 {"tolerance_seconds", std::int64_t{86400}}});
  ASSERT_FALSE(tolerance.ok());
  EXPECT_NE(tolerance.error().message.find("tolerance_seconds must be from 5 to 3600, not 86400"),
            std::string::npos)
      << tolerance.error().message;
  auto no_secret = try_instance({{"scheme", std::string("stripe")}});
  ASSERT_FALSE(no_secret.ok());
  EXPECT_NE(no_secret.error().message.find("secret"), std::string::npos)
      << no_secret.error().message;
}

}  // namespace
}  // namespace caisse::host::plugins
