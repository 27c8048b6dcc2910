// Standard Webhooks 1.0 (standard-webhooks/standard-webhooks, spec/standard-webhooks.md): the
// headers webhook-id, webhook-timestamp and webhook-signature, the last a space-separated list
// of "v1,<base64 HMAC-SHA256>" over "{id}.{timestamp}.{body}". Several signatures let the
// sender rotate its secret; other versions ("v1a", ed25519) are skipped.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include <caisse/sdk.hpp>
#include "signing_key.hpp"

namespace caisse::adapters::card {

// Returns webhook-id, the event id (stable across retries). Throws WebhookRejected.
std::string verify_standard_webhooks(const sdk::Webhook& hook, std::span<const SigningKey> keys,
                                     std::int64_t tolerance_s);

}  // namespace caisse::adapters::card
