#include "webhook_verifier.hpp"

#include "gocardless_events.hpp"
#include "gocardless_signature.hpp"
#include "standard_webhooks_signature.hpp"
#include "stripe_events.hpp"
#include "stripe_signature.hpp"

namespace caisse::adapters::card {

std::string WebhookVerifier::verify(const sdk::Webhook& hook) const {
  switch (scheme_) {
    case Scheme::standard_webhooks:
      return verify_standard_webhooks(hook, keys_, tolerance_s_);
    case Scheme::stripe:
      verify_stripe_signature(hook, keys_, tolerance_s_);
      return stripe_event_id(hook.body);
    case Scheme::gocardless:
      verify_gocardless_signature(hook, keys_);
      return gocardless_webhook_id(hook.body);
  }
  return {};
}

}  // namespace caisse::adapters::card
