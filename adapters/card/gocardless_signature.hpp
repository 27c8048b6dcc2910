// GoCardless's webhook signature (developer.gocardless.com, "Webhooks"): the header
// Webhook-Signature holds the hex HMAC-SHA256 of the raw body keyed with the endpoint secret.
// The scheme signs no timestamp, so a captured delivery verifies forever: replays are stopped
// by the host storing each event id once, not here.
#pragma once

#include <span>

#include <caisse/sdk.hpp>
#include "signing_key.hpp"

namespace caisse::adapters::card {

// Returns when the body was signed with one of keys; throws WebhookRejected otherwise.
void verify_gocardless_signature(const sdk::Webhook& hook, std::span<const SigningKey> keys);

}  // namespace caisse::adapters::card
