// Verifies a delivery with the instance's scheme and keys and says which event it carries. This
// runs while the provider waits for its 2xx: it only computes HMACs and reads the event id.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <caisse/sdk.hpp>
#include "scheme.hpp"
#include "signing_key.hpp"

namespace caisse::adapters::card {

class WebhookVerifier {
 public:
  // keys: the current secret first, then older ones still accepted during a rotation.
  // tolerance_s: how far webhook-timestamp / Stripe's t may be from the host clock.
  WebhookVerifier(Scheme scheme, std::vector<SigningKey> keys, std::int64_t tolerance_s)
      : scheme_(scheme), keys_(std::move(keys)), tolerance_s_(tolerance_s) {}

  // The provider's id of what was delivered, the host's dedup key: webhook-id (Standard
  // Webhooks), the event's id (Stripe), the delivery's id (GoCardless, see gocardless_events.hpp).
  // Throws WebhookRejected when forged, stale or signed with another secret; PayloadError when
  // genuine but without an id.
  std::string verify(const sdk::Webhook& hook) const;

 private:
  Scheme scheme_;
  std::vector<SigningKey> keys_;
  std::int64_t tolerance_s_;
};

}  // namespace caisse::adapters::card
