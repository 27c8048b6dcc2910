// The webhook signature schemes the card adapter verifies; the operator picks one per instance
// (one instance per provider account).
#pragma once

#include <optional>
#include <string_view>

namespace caisse::adapters::card {

enum class Scheme {
  standard_webhooks,  // Standard Webhooks 1.0 (Svix and the senders that follow it), our payload
  stripe,             // Stripe-Signature, Stripe events
  gocardless,         // Webhook-Signature, GoCardless event batches
};

// "standard_webhooks", "stripe", "gocardless"; nullopt for any other name.
std::optional<Scheme> scheme_named(std::string_view name);

}  // namespace caisse::adapters::card
