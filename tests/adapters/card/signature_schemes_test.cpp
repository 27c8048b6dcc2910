// The three signature schemes against vectors worked out outside this code, each with the
// command that gave it, and against every way a delivery can be forged or replayed.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "card_errors.hpp"
#include "signing_key.hpp"
#include "webhook_delivery.hpp"
#include "webhook_verifier.hpp"

namespace card = caisse::adapters::card;
using card::test::Delivery;
using card::test::rejection;

namespace {

constexpr std::int64_t tolerance_s = 300;

card::WebhookVerifier verifier(card::Scheme scheme, const std::vector<std::string>& secrets) {
  std::vector<card::SigningKey> keys;
  const char* names[] = {"secret", "previous_secret"};
  for (std::size_t i = 0; i < secrets.size(); ++i) {
    keys.push_back(card::signing_key(scheme, names[i], secrets[i]));
  }
  return card::WebhookVerifier(scheme, std::move(keys), tolerance_s);
}

// ---- Standard Webhooks -------------------------------------------------------------------
// The Svix/Standard Webhooks example (payments.md section 4.8), checked with
//   python3 -c 'import hmac,hashlib,base64; k=base64.b64decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
//     print(base64.b64encode(hmac.new(k, b"msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{\"test\":
//     2432232314}", hashlib.sha256).digest()))'
constexpr const char* sw_secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
constexpr const char* sw_id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
constexpr std::int64_t sw_time = 1614265330;
constexpr const char* sw_body = R"({"test": 2432232314})";
constexpr const char* sw_signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
// A second secret, whsec_ + base64(b"caisse-rotation-secret-2"), and its signature of the same
// content (same python3 command with k = b"caisse-rotation-secret-2").
constexpr const char* sw_secret2 = "whsec_Y2Fpc3NlLXJvdGF0aW9uLXNlY3JldC0y";
constexpr const char* sw_signature2 = "v1,sl+AZNiDclly4vVRLG39EV9b/bStjxvJSLmGjDkovGc=";

Delivery standard_delivery(std::string signature = sw_signature) {
  return Delivery{{{"webhook-id", sw_id},
                   {"webhook-timestamp", std::to_string(sw_time)},
                   {"webhook-signature", std::move(signature)},
                   {"content-type", "application/json"}},
                  sw_body,
                  sw_time * 1000};
}

TEST(StandardWebhooks, AcceptsTheSpecExampleAndReturnsWebhookId) {
  EXPECT_EQ(
      verifier(card::Scheme::standard_webhooks, {sw_secret}).verify(standard_delivery().view()),
      sw_id);
}

TEST(StandardWebhooks, HeaderNamesAreCaseInsensitive) {
  Delivery delivery = standard_delivery();
  delivery.headers[0].first = "Webhook-Id";
  delivery.headers[1].first = "WEBHOOK-TIMESTAMP";
  delivery.headers[2].first = "Webhook-Signature";
  EXPECT_EQ(verifier(card::Scheme::standard_webhooks, {sw_secret}).verify(delivery.view()), sw_id);
}

TEST(StandardWebhooks, RejectsABodyChangedByOneByte) {
  Delivery delivery = standard_delivery();
  delivery.body[10] = '3';  // 2432232314 -> 2432332314
  EXPECT_NE(rejection(verifier(card::Scheme::standard_webhooks, {sw_secret}), delivery)
                .find("no signature matches"),
            std::string::npos);
}

TEST(StandardWebhooks, RejectsAReserialisedBody) {
  Delivery delivery = standard_delivery();
  delivery.body = R"({"test":2432232314})";  // the same JSON without the space
  EXPECT_NE(rejection(verifier(card::Scheme::standard_webhooks, {sw_secret}), delivery)
                .find("no signature matches"),
            std::string::npos);
}

TEST(StandardWebhooks, RejectsATimestamp301SecondsOldSayingByHowMuch) {
  Delivery delivery = standard_delivery();
  delivery.received_ms = (sw_time + 301) * 1000;
  EXPECT_EQ(rejection(verifier(card::Scheme::standard_webhooks, {sw_secret}), delivery),
            "webhook-timestamp is 301 s older than the host clock, beyond the tolerance of 300 s");
}

TEST(StandardWebhooks, RejectsATimestamp301SecondsInTheFuture) {
  Delivery delivery = standard_delivery();
  delivery.received_ms = (sw_time - 301) * 1000;
  EXPECT_EQ(rejection(verifier(card::Scheme::standard_webhooks, {sw_secret}), delivery),
            "webhook-timestamp is 301 s ahead of the host clock, beyond the tolerance of 300 s");
}

TEST(StandardWebhooks, AcceptsTimestampsExactlyAtTheToleranceEitherSide) {
  const auto check = verifier(card::Scheme::standard_webhooks, {sw_secret});
  Delivery delivery = standard_delivery();
  delivery.received_ms = (sw_time + 300) * 1000 + 999;
  EXPECT_EQ(check.verify(delivery.view()), sw_id);
  delivery.received_ms = (sw_time - 300) * 1000;
  EXPECT_EQ(check.verify(delivery.view()), sw_id);
}

TEST(StandardWebhooks, RejectsAnotherSecretWithoutRevealingTheExpectedSignature) {
  const std::string why =
      rejection(verifier(card::Scheme::standard_webhooks, {sw_secret2}), standard_delivery());
  EXPECT_EQ(why, "no signature matches: 1 offered in webhook-signature, checked with secret");
  EXPECT_EQ(why.find("sl+AZNiD"), std::string::npos);
}

TEST(StandardWebhooks, AcceptsWhenOneOfSeveralSignaturesMatches) {
  const Delivery delivery =
      standard_delivery(std::string(sw_signature2) + " v1a,bm90IGFuIGVkMjU1MTk= " + sw_signature);
  EXPECT_EQ(verifier(card::Scheme::standard_webhooks, {sw_secret}).verify(delivery.view()), sw_id);
  EXPECT_EQ(verifier(card::Scheme::standard_webhooks, {sw_secret2}).verify(delivery.view()), sw_id);
}

TEST(StandardWebhooks, AcceptsThePreviousSecretDuringARotation) {
  const auto rotating = verifier(card::Scheme::standard_webhooks, {sw_secret2, sw_secret});
  EXPECT_EQ(rotating.verify(standard_delivery().view()), sw_id);
  EXPECT_EQ(rejection(verifier(card::Scheme::standard_webhooks, {sw_secret2}), standard_delivery())
                .empty(),
            false);
}

TEST(StandardWebhooks, NamesEachMissingHeader) {
  for (const std::string name : {"webhook-id", "webhook-timestamp", "webhook-signature"}) {
    Delivery delivery = standard_delivery();
    std::erase_if(delivery.headers, [&](const auto& header) { return header.first == name; });
    EXPECT_EQ(rejection(verifier(card::Scheme::standard_webhooks, {sw_secret}), delivery),
              "missing header " + name);
  }
}

TEST(StandardWebhooks, RejectsGarbledHeaders) {
  const auto check = verifier(card::Scheme::standard_webhooks, {sw_secret});
  Delivery delivery = standard_delivery("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  EXPECT_EQ(rejection(check, delivery),
            "webhook-signature holds no \"v1,\" signature (1 other item(s))");
  // The URL-safe alphabet is not the one the spec uses.
  delivery = standard_delivery("v1,g0hM9SsE-OTPJTGt_tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  EXPECT_EQ(rejection(check, delivery),
            "no signature matches: 1 offered in webhook-signature, checked with secret (1 of them "
            "not well encoded)");
  delivery = standard_delivery();
  delivery.headers[1].second = "1614265330.5";
  EXPECT_EQ(rejection(check, delivery), "webhook-timestamp is not a Unix time in seconds");
  delivery.headers[1].second = "01614265330";
  EXPECT_EQ(rejection(check, delivery), "webhook-timestamp is not a Unix time in seconds");
  delivery = standard_delivery();
  delivery.headers[0].second = "msg.1614265330";
  EXPECT_EQ(rejection(check, delivery), "webhook-id is empty or holds a '.'");
}

TEST(StandardWebhooks, RefusesASecretThatIsNotBase64) {
  try {
    card::signing_key(card::Scheme::standard_webhooks, "previous_secret", "whsec_not base64!");
    ADD_FAILURE() << "accepted";
  } catch (const caisse::sdk::ConfigError& e) {
    EXPECT_EQ(std::string(e.what()),
              "previous_secret is not a Standard Webhooks secret: expected \"whsec_\" followed by "
              "base64");
  }
}

// ---- Stripe ------------------------------------------------------------------------------
// payments.md section 4.1, checked with
//   printf '%s' '1700000000.{"id":"evt_test","object":"event","type":"invoice.paid"}' |
//     openssl dgst -sha256 -hmac 'whsec_test_secret'
// and, for the second secret, -hmac 'whsec_rotated_secret'.
constexpr const char* stripe_secret = "whsec_test_secret";
constexpr const char* stripe_secret2 = "whsec_rotated_secret";
constexpr std::int64_t stripe_time = 1700000000;
constexpr const char* stripe_body = R"({"id":"evt_test","object":"event","type":"invoice.paid"})";
constexpr const char* stripe_v1 =
    "02b5890a3376a18a176fde670ba47bc920bc30c6ae0deb7adf58049a4ead9aff";
constexpr const char* stripe_v1_2 =
    "7c9e27babc5d499c0072052010229d96498168328b0403d6f187a7c6274dff8c";

Delivery stripe_delivery(const std::string& header) {
  return Delivery{{{"Stripe-Signature", header}}, stripe_body, stripe_time * 1000};
}

std::string t_v1(const std::string& signatures) {
  return "t=" + std::to_string(stripe_time) + "," + signatures;
}

TEST(StripeSignature, AcceptsTheKnownVectorAndReturnsTheEventId) {
  EXPECT_EQ(verifier(card::Scheme::stripe, {stripe_secret})
                .verify(stripe_delivery(t_v1(std::string("v1=") + stripe_v1)).view()),
            "evt_test");
}

TEST(StripeSignature, RejectsABodyChangedByOneByte) {
  Delivery delivery = stripe_delivery(t_v1(std::string("v1=") + stripe_v1));
  delivery.body.replace(delivery.body.find("paid"), 4, "pald");
  EXPECT_EQ(rejection(verifier(card::Scheme::stripe, {stripe_secret}), delivery),
            "no signature matches: 1 offered in the v1 items of Stripe-Signature, checked with "
            "secret");
}

TEST(StripeSignature, RejectsStaleAndFutureTimestamps) {
  const auto check = verifier(card::Scheme::stripe, {stripe_secret});
  Delivery delivery = stripe_delivery(t_v1(std::string("v1=") + stripe_v1));
  delivery.received_ms = (stripe_time + 301) * 1000;
  EXPECT_EQ(rejection(check, delivery),
            "Stripe-Signature t is 301 s older than the host clock, beyond the tolerance of 300 s");
  delivery.received_ms = (stripe_time - 301) * 1000;
  EXPECT_EQ(rejection(check, delivery),
            "Stripe-Signature t is 301 s ahead of the host clock, beyond the tolerance of 300 s");
}

TEST(StripeSignature, RejectsAnotherSecret) {
  const std::string why = rejection(verifier(card::Scheme::stripe, {stripe_secret2}),
                                    stripe_delivery(t_v1(std::string("v1=") + stripe_v1)));
  EXPECT_NE(why.find("no signature matches"), std::string::npos);
  EXPECT_EQ(why.find(stripe_v1_2), std::string::npos);
}

TEST(StripeSignature, AcceptsWhenOneOfSeveralV1Matches) {
  const std::string header =
      t_v1(std::string("v1=") + stripe_v1_2 + ",v1=" + stripe_v1 + ",v0=" + stripe_v1_2);
  EXPECT_EQ(verifier(card::Scheme::stripe, {stripe_secret}).verify(stripe_delivery(header).view()),
            "evt_test");
}

TEST(StripeSignature, NeverAcceptsAV0SignatureEvenIfItIsRight) {
  EXPECT_EQ(rejection(verifier(card::Scheme::stripe, {stripe_secret}),
                      stripe_delivery(t_v1(std::string("v0=") + stripe_v1))),
            "Stripe-Signature holds no v1 signature");
}

TEST(StripeSignature, AcceptsThePreviousSecretDuringARotation) {
  EXPECT_EQ(verifier(card::Scheme::stripe, {stripe_secret2, stripe_secret})
                .verify(stripe_delivery(t_v1(std::string("v1=") + stripe_v1)).view()),
            "evt_test");
}

TEST(StripeSignature, RejectsMissingAndGarbledHeaders) {
  const auto check = verifier(card::Scheme::stripe, {stripe_secret});
  Delivery missing = stripe_delivery("");
  missing.headers.clear();
  EXPECT_EQ(rejection(check, missing), "missing header Stripe-Signature");
  EXPECT_EQ(rejection(check, stripe_delivery("")),
            "Stripe-Signature is malformed: item 1 is not key=value");
  EXPECT_EQ(rejection(check, stripe_delivery(std::string("v1=") + stripe_v1)),
            "Stripe-Signature is malformed: no t= item");
  EXPECT_EQ(rejection(check, stripe_delivery(t_v1(std::string("v1=") + stripe_v1) + ",t=1")),
            "Stripe-Signature is malformed: t= appears twice");
  EXPECT_EQ(rejection(check, stripe_delivery(t_v1(std::string("v1 ") + stripe_v1))),
            "Stripe-Signature is malformed: item 2 is not key=value");
  EXPECT_EQ(rejection(check, stripe_delivery(t_v1("v1=xyz"))),
            "no signature matches: 1 offered in the v1 items of Stripe-Signature, checked with "
            "secret (1 of them not well encoded)");
  EXPECT_EQ(rejection(check, stripe_delivery(std::string("t=soon,v1=") + stripe_v1)),
            "Stripe-Signature t is not a Unix time in seconds");
}

// ---- GoCardless --------------------------------------------------------------------------
// payments.md section 4.2, checked with
//   printf '%s' '{"events":[]}' | openssl dgst -sha256 -hmac 'ElfXtBxI2HlM1G0h2TqLH9qgbEtWhzcO'
constexpr const char* gc_secret = "ElfXtBxI2HlM1G0h2TqLH9qgbEtWhzcO";
constexpr const char* gc_body = R"({"events":[]})";
constexpr const char* gc_signature =
    "8af0c9687b99028c63a766543b87d6cbc21386b46d265bae70d7a161b5066208";

Delivery gocardless_delivery() {
  return Delivery{{{"Webhook-Signature", gc_signature}}, gc_body, 0};
}

TEST(GoCardlessSignature, AcceptsTheKnownVectorAtAnyTime) {
  // No timestamp is signed: the same delivery verifies whatever the host clock says.
  Delivery delivery = gocardless_delivery();
  const auto check = verifier(card::Scheme::gocardless, {gc_secret});
  for (const std::int64_t now : {std::int64_t{0}, std::int64_t{4102444799000}}) {
    delivery.received_ms = now;
    // python3 -c 'import hashlib; print(hashlib.sha256(b"{\"events\":[]}").hexdigest())'
    EXPECT_EQ(check.verify(delivery.view()),
              "body-sha256:24de1c4a19c43ad41b013f13dcd858c17b0daa7f33a53f19913e5b11366d1c2e");
  }
}

TEST(GoCardlessSignature, RejectsTamperingAnotherSecretAndGarbledHeaders) {
  const auto check = verifier(card::Scheme::gocardless, {gc_secret});
  Delivery delivery = gocardless_delivery();
  delivery.body = R"({"events":[{}]})";
  EXPECT_EQ(rejection(check, delivery),
            "no signature matches: 1 offered in Webhook-Signature, checked with secret");
  EXPECT_EQ(rejection(verifier(card::Scheme::gocardless, {"another"}), gocardless_delivery()),
            "no signature matches: 1 offered in Webhook-Signature, checked with secret");
  delivery = gocardless_delivery();
  delivery.headers[0].second = "sha256=" + delivery.headers[0].second;
  EXPECT_EQ(rejection(check, delivery),
            "no signature matches: 1 offered in Webhook-Signature, checked with secret (1 of them "
            "not well encoded)");
  delivery.headers.clear();
  EXPECT_EQ(rejection(check, delivery), "missing header Webhook-Signature");
}

TEST(GoCardlessSignature, AcceptsThePreviousSecretDuringARotation) {
  EXPECT_NO_THROW(verifier(card::Scheme::gocardless, {"another", gc_secret})
                      .verify(gocardless_delivery().view()));
}

}  // namespace
