// What the three schemes share once their headers are taken apart: a header that must be there,
// and "does one of the offered signatures match one of our keys", answered without saying what
// the right signature would have been.
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <caisse/sdk.hpp>
#include "signing_key.hpp"

namespace caisse::adapters::card {

// The header's value (names compare ASCII case-insensitively). Throws WebhookRejected saying it
// is missing.
std::string_view required_header(const sdk::Webhook& hook, std::string_view name);

// The signatures a delivery offers, decoded to raw MAC bytes.
struct OfferedSignatures {
  std::string source;                // "the v1 signatures of Stripe-Signature", for messages
  std::vector<std::string> decoded;  // the ones that decoded
  std::size_t undecodable = 0;       // the ones that did not (garbled, truncated)
};

// Returns when one offered signature equals HMAC-SHA256(key, content) for one of keys, compared
// in constant time. Throws WebhookRejected otherwise, counting what was offered and naming the
// keys tried.
void require_match(const OfferedSignatures& offered, std::span<const SigningKey> keys,
                   std::initializer_list<std::string_view> content);

}  // namespace caisse::adapters::card
