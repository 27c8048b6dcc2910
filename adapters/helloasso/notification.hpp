// A HelloAsso notification (its "API notification" POST): {"eventType": "Payment", "data":
// {...}, "metadata": {...}}. HelloAsso does not sign them, so nothing in one is believed: this
// only checks the shape and says which resource it is about; the collector then asks the API.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace caisse::adapters::helloasso {

struct Notification {
  std::string event_type;  // "Payment", "Order", "Form" or "Organization"
  std::string resource;    // data.id (a form or an organization may only have a slug)
  std::string state;       // data.state when the notification has one, else ""

  // The deduplication key: "helloasso:Payment:41000:Authorized". The state is part of it
  // because HelloAsso notifies the same payment again each time its state changes
  // (Authorized, then Refunded): without it the host would drop the refund as a duplicate of
  // the authorization, while a repeated delivery of the same state is still one event.
  std::string event_id() const;
};

// Throws StatusError(INVALID_ARGUMENT, "notification: field data.id is missing") when the body
// is not a notification of that shape.
Notification read_notification(std::string_view body);

}  // namespace caisse::adapters::helloasso
