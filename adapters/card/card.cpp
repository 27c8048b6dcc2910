// card: a COLLECTOR adapter for payment providers that push signed webhooks (Stripe,
// GoCardless, and any sender following Standard Webhooks 1.0). verify_webhook runs while the
// provider waits for its answer: it checks the HMAC, the timestamp window and returns the event
// id, nothing more. read_webhook runs later on the stored delivery and maps the provider's
// events to payment outcomes. It never calls the provider: every scheme here is signed, so the
// delivery itself is the proof. README.md says how to configure each provider.
#include <caisse/sdk.hpp>

#include <array>
#include <string>
#include <vector>

#include "scheme.hpp"
#include "signing_key.hpp"
#include "webhook_events.hpp"
#include "webhook_verifier.hpp"

namespace {

namespace sdk = caisse::sdk;
namespace card = caisse::adapters::card;

constexpr std::array card_config{
    sdk::field::required(sdk::field::string(
        "scheme", nullptr, "\"standard_webhooks\", \"stripe\" or \"gocardless\".")),
    sdk::field::required(
        sdk::field::secret("secret", "The endpoint's signing secret, as the provider shows it.")),
    sdk::field::secret("previous_secret",
                       "The secret being replaced, still accepted during a rotation."),
    sdk::field::integer("tolerance_seconds", "300",
                        "How far a signed timestamp may be from the host clock, either side."),
};

card::Scheme configured_scheme(const sdk::Host& host) {
  const auto name = host.config<std::string>("scheme");
  const auto scheme = card::scheme_named(name);
  if (!scheme) {
    throw sdk::ConfigError("scheme \"" + name +
                           "\" is not one of standard_webhooks, stripe, gocardless");
  }
  return *scheme;
}

std::vector<card::SigningKey> configured_keys(const sdk::Host& host, card::Scheme scheme) {
  std::vector<card::SigningKey> keys{
      card::signing_key(scheme, "secret", host.config<std::string>("secret"))};
  if (auto previous = host.config_string("previous_secret"); previous && !previous->empty()) {
    keys.push_back(card::signing_key(scheme, "previous_secret", *previous));
  }
  return keys;
}

std::int64_t configured_tolerance(const sdk::Host& host) {
  const auto seconds = host.config<std::int64_t>("tolerance_seconds");
  // Below a few seconds ordinary clock drift refuses genuine deliveries; above an hour the
  // window stops being a defence against replays.
  if (seconds < 5 || seconds > 3600) {
    throw sdk::ConfigError("tolerance_seconds must be from 5 to 3600, not " +
                           std::to_string(seconds));
  }
  return seconds;
}

class Card {
 public:
  explicit Card(sdk::Host host)
      : scheme_(configured_scheme(host)),
        verifier_(scheme_, configured_keys(host, scheme_), configured_tolerance(host)) {}

  std::string verify_webhook(const sdk::Webhook& hook) { return verifier_.verify(hook); }

  void read_webhook(const sdk::Webhook& hook, const sdk::PaymentEventSink& emit) {
    card::read_webhook_events(scheme_, hook, emit);
  }

 private:
  card::Scheme scheme_;
  card::WebhookVerifier verifier_;
};

}  // namespace

CAISSE_PLUGIN(Card, "card", "1.0.0",
              "Card and direct-debit providers' signed webhooks: Stripe, GoCardless, Standard "
              "Webhooks.",
              card_config)
