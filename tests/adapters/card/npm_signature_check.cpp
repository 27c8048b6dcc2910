// Deliveries signed by the npm packages `standardwebhooks` and `stripe` (npm/sign.mjs), verified
// by the card adapter: each genuine one is accepted with its event id, and the forgeries derived
// from it here (a changed byte, a clock 301 s later or earlier, another secret) are refused.
// run_npm_signatures.cmake installs the packages, runs node and passes the cases file in
// CAISSE_CARD_NPM_CASES; without it every test fails, never skips.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "card_errors.hpp"
#include "scheme.hpp"
#include "signing_key.hpp"
#include "webhook_delivery.hpp"
#include "webhook_verifier.hpp"

namespace card = caisse::adapters::card;
using card::test::Delivery;
using card::test::rejection;

namespace {

struct SignedCase {
  std::string name;
  card::Scheme scheme = card::Scheme::stripe;
  std::string secret;
  std::string event_id;
  Delivery delivery;
};

std::vector<SignedCase> load_cases() {
  const char* path = std::getenv("CAISSE_CARD_NPM_CASES");
  if (path == nullptr) {
    throw std::runtime_error(
        "CAISSE_CARD_NPM_CASES is not set: run this through ctest "
        "(card_npm_signatures), which signs the cases with npm first");
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error(std::string("cannot read ") + path);
  std::stringstream text;
  text << file.rdbuf();
  const boost::json::object root = boost::json::parse(text.str()).as_object();
  std::vector<SignedCase> cases;
  for (const auto& item : root.at("cases").as_array()) {
    const auto& c = item.as_object();
    SignedCase signed_case;
    signed_case.name = c.at("name").as_string().c_str();
    const auto scheme = card::scheme_named(c.at("scheme").as_string());
    if (!scheme) throw std::runtime_error("unknown scheme in case " + signed_case.name);
    signed_case.scheme = *scheme;
    signed_case.secret = c.at("secret").as_string().c_str();
    signed_case.event_id = c.at("event_id").as_string().c_str();
    for (const auto& [name, value] : c.at("headers").as_object()) {
      signed_case.delivery.headers.emplace_back(name, value.as_string().c_str());
    }
    const auto& body = c.at("body").as_string();
    signed_case.delivery.body.assign(body.data(), body.size());
    signed_case.delivery.received_ms = c.at("timestamp").as_int64() * 1000;
    cases.push_back(std::move(signed_case));
  }
  return cases;
}

card::WebhookVerifier verifier(card::Scheme scheme, const std::vector<std::string>& secrets) {
  std::vector<card::SigningKey> keys;
  for (const std::string& secret : secrets)
    keys.push_back(card::signing_key(scheme, "secret", secret));
  return card::WebhookVerifier(scheme, std::move(keys), 300);
}

// A secret of the right shape for the scheme that signed nothing here.
std::string other_secret(card::Scheme scheme) {
  return scheme == card::Scheme::standard_webhooks
             ? "whsec_bm90LXRoZS1zZW5kZXJzLXNlY3JldC0zMmJ5dGVzIQ=="
             : "whsec_not_the_senders_secret";
}

class NpmSignatures : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NO_THROW(cases_ = load_cases());
    // Both packages, each with one and with two signatures: an empty file must not pass.
    ASSERT_EQ(cases_.size(), 4u);
  }
  std::vector<SignedCase> cases_;
};

TEST_F(NpmSignatures, GenuineDeliveriesAreAcceptedWithTheirEventId) {
  for (const SignedCase& c : cases_) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(verifier(c.scheme, {c.secret}).verify(c.delivery.view()), c.event_id);
  }
}

TEST_F(NpmSignatures, ABodyWithOneByteChangedIsRefused) {
  for (const SignedCase& c : cases_) {
    SCOPED_TRACE(c.name);
    Delivery tampered = c.delivery;
    tampered.body[tampered.body.size() / 2] ^= 0x01;
    EXPECT_NE(rejection(verifier(c.scheme, {c.secret}), tampered).find("no signature matches"),
              std::string::npos);
  }
}

TEST_F(NpmSignatures, ADelivery301SecondsOldOrInTheFutureIsRefused) {
  const std::pair<std::int64_t, std::string> clocks[] = {{301, "is 301 s older than"},
                                                         {-301, "is 301 s ahead of"}};
  for (const SignedCase& c : cases_) {
    for (const auto& [shift_s, why] : clocks) {
      SCOPED_TRACE(c.name + ", host clock " + std::to_string(shift_s) + " s");
      Delivery shifted = c.delivery;
      shifted.received_ms += shift_s * 1000;
      EXPECT_NE(rejection(verifier(c.scheme, {c.secret}), shifted).find(why), std::string::npos);
    }
  }
}

TEST_F(NpmSignatures, AnotherSecretIsRefusedAndOursIsFoundAmongTwo) {
  for (const SignedCase& c : cases_) {
    SCOPED_TRACE(c.name);
    const std::string other = other_secret(c.scheme);
    EXPECT_NE(rejection(verifier(c.scheme, {other}), c.delivery).find("no signature matches"),
              std::string::npos);
    EXPECT_EQ(verifier(c.scheme, {other, c.secret}).verify(c.delivery.view()), c.event_id);
  }
}

}  // namespace
