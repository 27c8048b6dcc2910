#include "webhook_events.hpp"

#include "gocardless_events.hpp"
#include "standard_events.hpp"
#include "stripe_events.hpp"

namespace caisse::adapters::card {

void read_webhook_events(Scheme scheme, const sdk::Webhook& hook,
                         const sdk::PaymentEventSink& emit) {
  switch (scheme) {
    case Scheme::standard_webhooks:
      read_standard_event(hook, emit);
      break;
    case Scheme::stripe:
      read_stripe_events(hook.body, emit);
      break;
    case Scheme::gocardless:
      read_gocardless_events(hook.body, emit);
      break;
  }
}

}  // namespace caisse::adapters::card
