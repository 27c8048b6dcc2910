// Stripe's webhook signature (docs.stripe.com/webhooks/signature): the header Stripe-Signature
// "t=<unix seconds>,v1=<hex>[,v1=<hex>...][,v0=<hex>]", each v1 an HMAC-SHA256 of
// "{t}.{body}" keyed with the whole endpoint secret, "whsec_" included. Several v1 appear while
// Stripe rolls a secret; v0 and unknown schemes are ignored, never accepted (downgrade).
#pragma once

#include <cstdint>
#include <span>

#include <caisse/sdk.hpp>
#include "signing_key.hpp"

namespace caisse::adapters::card {

// Returns when the delivery is genuine and fresh; throws WebhookRejected otherwise.
void verify_stripe_signature(const sdk::Webhook& hook, std::span<const SigningKey> keys,
                             std::int64_t tolerance_s);

}  // namespace caisse::adapters::card
