// The card adapter's webhook verifier and event mappings (Stripe, GoCardless, Standard Webhooks).
//
// Input: a control line, whose byte 1 picks the scheme (modulo 3: standard_webhooks, stripe,
// gocardless) and, by (byte / 3) % 2, which of the account's two secrets an honest sender signs
// with, and whose bytes 2-3 (little endian) pick the body byte to flip ("1ab": Stripe, current
// secret); then header lines "Name: value" up to an empty line; then the body.
//
// Properties, on top of "nothing crashes":
//   - the delivery as given is either refused (WebhookRejected) or carries a signature that an
//     honest sender with one of our secrets would have computed (PayloadError only comes after
//     the signature passed, so it counts as accepted);
//   - the same body signed here with a secret (OpenSSL, outside the adapter's code) is accepted,
//     and refused once one byte of the body is flipped;
//   - reading events succeeds or throws PayloadError; every event names itself and its payment.
#include <caisse/sdk.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "card_errors.hpp"
#include "fuzz_input.hpp"
#include "refusal.hpp"
#include "signing_key.hpp"
#include "webhook_events.hpp"
#include "webhook_signing.hpp"
#include "webhook_verifier.hpp"

namespace {

namespace card = caisse::adapters::card;
namespace sdk = caisse::sdk;
namespace fuzz = caisse::fuzz;

// The host clock at every delivery: 2025-11-24T16:00:00Z. Seeds date their signatures so.
constexpr std::int64_t kNowMs = 1764000000000;
constexpr std::int64_t kToleranceS = 300;

[[noreturn]] void fail(const std::string& why) {
  std::fprintf(stderr, "%s\n", why.c_str());
  std::abort();
}

// One provider account: the HMAC keys an honest sender holds (current, previous) and the
// adapter's verifier, configured with the secrets those keys come from.
struct Account {
  card::Scheme scheme;
  std::array<std::string, 2> keys;
  card::WebhookVerifier verifier;
};

Account make_account(card::Scheme scheme, std::array<std::string, 2> keys) {
  // Standard Webhooks secrets are "whsec_" + base64 of the key; the others are the key itself.
  std::array<std::string, 2> secrets = keys;
  if (scheme == card::Scheme::standard_webhooks) {
    for (std::string& secret : secrets) secret = "whsec_" + fuzz::base64(secret);
  }
  std::vector<card::SigningKey> signing{card::signing_key(scheme, "secret", secrets[0]),
                                        card::signing_key(scheme, "previous_secret", secrets[1])};
  return Account{scheme, std::move(keys), card::WebhookVerifier(scheme, signing, kToleranceS)};
}

const Account& account(std::uint8_t selector) {
  static const std::array<Account, 3> accounts{
      make_account(card::Scheme::standard_webhooks,
                   {"caisse-fuzz-current-key!", "caisse-fuzz-previous-key"}),
      make_account(card::Scheme::stripe,
                   {"whsec_caisseFuzzStripeCurrent", "whsec_caisseFuzzStripePrevious"}),
      make_account(card::Scheme::gocardless,
                   {"caisse-fuzz-gocardless-current", "caisse-fuzz-gocardless-previous"}),
  };
  return accounts[selector % accounts.size()];
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> items;
  while (true) {
    const std::size_t end = text.find(separator);
    items.push_back(text.substr(0, end));
    if (end == std::string_view::npos) return items;
    text.remove_prefix(end + 1);
  }
}

std::string without_padding(std::string_view base64) {
  while (base64.ends_with('=')) base64.remove_suffix(1);
  return std::string(base64);
}

// Whether the delivery's signature header holds, among its items, the MAC of what the scheme
// signs under one of the account's keys, in the scheme's encoding.
bool carries_genuine_signature(const Account& account, const sdk::Webhook& hook) {
  for (const std::string& key : account.keys) {
    switch (account.scheme) {
      case card::Scheme::standard_webhooks: {
        const auto id = hook.header("webhook-id");
        const auto timestamp = hook.header("webhook-timestamp");
        const auto signature = hook.header("webhook-signature");
        if (!id || !timestamp || !signature) return false;
        const std::string expected = without_padding(fuzz::base64(fuzz::hmac_sha256(
            key, std::string(*id) + "." + std::string(*timestamp) + "." + std::string(hook.body))));
        for (const std::string_view item : split(*signature, ' ')) {
          if (item.starts_with("v1,") && without_padding(item.substr(3)) == expected) return true;
        }
        break;
      }
      case card::Scheme::stripe: {
        const auto header = hook.header("Stripe-Signature");
        if (!header) return false;
        const auto items = split(*header, ',');
        std::string_view timestamp;
        for (const std::string_view item : items) {
          if (item.starts_with("t=")) {
            timestamp = item.substr(2);
            break;
          }
        }
        const std::string expected = fuzz::hex(
            fuzz::hmac_sha256(key, std::string(timestamp) + "." + std::string(hook.body)));
        for (const std::string_view item : items) {
          if (item.starts_with("v1=") && fuzz::lower(item.substr(3)) == expected) return true;
        }
        break;
      }
      case card::Scheme::gocardless: {
        const auto header = hook.header("Webhook-Signature");
        if (header && fuzz::lower(*header) == fuzz::hex(fuzz::hmac_sha256(key, hook.body))) {
          return true;
        }
        break;
      }
    }
  }
  return false;
}

void check_fuzzed_delivery(const Account& account, const sdk::Webhook& hook) {
  try {
    (void)account.verifier.verify(hook);
  } catch (const card::WebhookRejected& rejected) {
    fuzz::check_refusal(rejected, CAISSE_STATUS_PERMISSION_DENIED, "");
    return;
  } catch (const card::PayloadError& payload) {
    fuzz::check_refusal(payload, CAISSE_STATUS_INVALID_ARGUMENT, "");
  }
  if (!carries_genuine_signature(account, hook)) {
    fail("the verifier accepted a delivery that no holder of the secrets signed");
  }
}

void check_event(const sdk::PaymentEvent& event) {
  const auto state = static_cast<int>(event.state);
  if (event.event_id.empty() || event.payment_ref.empty() || state < 1 || state > 4) {
    fail("an event without an id, a payment or a state: \"" + event.event_id + "\" for \"" +
         event.payment_ref + "\", state " + std::to_string(state));
  }
}

void read_events(const Account& account, const sdk::Webhook& hook) {
  try {
    card::read_webhook_events(account.scheme, hook, check_event);
  } catch (const card::PayloadError& payload) {
    fuzz::check_refusal(payload, CAISSE_STATUS_INVALID_ARGUMENT, "");
  }
}

using OwnedHeaders = std::vector<std::pair<std::string, std::string>>;

// What arrives at the host clock; the webhook views `headers` and `body`.
sdk::Webhook delivery(const OwnedHeaders& headers, std::string_view body) {
  sdk::Webhook hook;
  hook.headers.assign(headers.begin(), headers.end());
  hook.body = body;
  hook.received_ms = kNowMs;
  return hook;
}

// The headers an honest sender holding `key` puts on `body`, signed now.
OwnedHeaders signed_headers(const Account& account, const std::string& key, std::string_view id,
                            std::string_view body) {
  const std::string timestamp = std::to_string(kNowMs / 1000);
  switch (account.scheme) {
    case card::Scheme::standard_webhooks: {
      const std::string mac =
          fuzz::hmac_sha256(key, std::string(id) + "." + timestamp + "." + std::string(body));
      return {{"webhook-id", std::string(id)},
              {"webhook-timestamp", timestamp},
              {"webhook-signature", "v1," + fuzz::base64(mac)}};
    }
    case card::Scheme::stripe:
      return {{"Stripe-Signature",
               "t=" + timestamp + ",v1=" +
                   fuzz::hex(fuzz::hmac_sha256(key, timestamp + "." + std::string(body)))}};
    case card::Scheme::gocardless:
      return {{"Webhook-Signature", fuzz::hex(fuzz::hmac_sha256(key, body))}};
  }
  return {};
}

void require_accepted(const Account& account, const sdk::Webhook& hook) {
  try {
    (void)account.verifier.verify(hook);
  } catch (const card::WebhookRejected& rejected) {
    fail(std::string("a delivery signed with the secret was refused: ") + rejected.what());
  } catch (const card::PayloadError&) {
    // Genuine, but the body has no event id: the signature passed.
  }
}

void require_refused(const Account& account, const sdk::Webhook& hook) {
  try {
    (void)account.verifier.verify(hook);
  } catch (const card::WebhookRejected&) {
    return;
  } catch (const card::PayloadError&) {
  }
  fail("a delivery whose body was changed after signing was accepted");
}

// The fuzzed webhook-id when a sender could use it (not empty, no '.'), else a fixed one.
std::string_view sender_id(const sdk::Webhook& hook) {
  const auto id = hook.header("webhook-id");
  if (id && !id->empty() && id->find('.') == std::string_view::npos) return *id;
  return "msg_fuzz";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::FuzzInput input(data, size);
  fuzz::FuzzInput control(input.line());
  const std::uint8_t selector = control.byte();
  const Account& chosen = account(selector);
  const std::string& key = chosen.keys[(selector / 3) % 2];
  std::size_t flip_at = control.byte();
  flip_at |= static_cast<std::size_t>(control.byte()) << 8;

  sdk::Webhook fuzzed;
  fuzzed.received_ms = kNowMs;
  while (!input.empty()) {
    const std::string_view line = input.line();
    if (line.empty()) break;
    const std::size_t colon = line.find(':');
    std::string_view value = colon == std::string_view::npos ? "" : line.substr(colon + 1);
    while (value.starts_with(' ')) value.remove_prefix(1);
    fuzzed.headers.emplace_back(line.substr(0, colon), value);
  }
  fuzzed.body = input.rest();

  check_fuzzed_delivery(chosen, fuzzed);
  read_events(chosen, fuzzed);

  std::string body(fuzzed.body);
  const OwnedHeaders headers = signed_headers(chosen, key, sender_id(fuzzed), body);
  require_accepted(chosen, delivery(headers, body));
  read_events(chosen, delivery(headers, body));
  if (body.empty()) {
    body = "x";
  } else {
    char& flipped = body[flip_at % body.size()];
    flipped = static_cast<char>(flipped ^ 0x01);
  }
  require_refused(chosen, delivery(headers, body));
  return 0;
}
