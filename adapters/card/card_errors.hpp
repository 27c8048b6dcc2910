// The two ways a webhook fails, as the statuses the host expects: a delivery we cannot trust
// (PERMISSION_DENIED: the host answers 4xx and stores nothing) and a trusted payload we cannot
// read (INVALID_ARGUMENT: the inbound event stays for an operator to look at).
#pragma once

#include <caisse/sdk.hpp>

#include <string>

namespace caisse::adapters::card {

// Forged, replayed, stale or signed with a secret we do not hold. The message names what failed
// (a header, the timestamp, the signatures) but never the signature we expected.
class WebhookRejected : public sdk::StatusError {
 public:
  explicit WebhookRejected(const std::string& why)
      : sdk::StatusError(CAISSE_STATUS_PERMISSION_DENIED, why) {}
};

// A verified body that is not JSON or lacks a field we need; the message names the field.
class PayloadError : public sdk::StatusError {
 public:
  explicit PayloadError(const std::string& why)
      : sdk::StatusError(CAISSE_STATUS_INVALID_ARGUMENT, why) {}
};

}  // namespace caisse::adapters::card
