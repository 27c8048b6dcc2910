// The payload caissed expects from a Standard Webhooks sender (a caisse's own payment page, a
// PSP bridge): {"type": "payment.succeeded", "timestamp": "2026-11-24T10:00:00Z",
// "data": {"payment_ref": ..., "household_id": ..., "amount_minor": 2500, "currency": "EUR",
// "reason": ...}}. README.md documents it for whoever writes the sender.
#pragma once

#include <caisse/sdk.hpp>

namespace caisse::adapters::card {

// Emits the outcome of a verified delivery, or nothing for an unknown type:
//   payment.pending -> pending, payment.succeeded -> paid, payment.failed -> failed,
//   payment.refunded -> refunded.
// event_id is the webhook-id header; occurred_at the payload's "timestamp", or else the
// webhook-timestamp header as an ISO date-time. data.payment_ref is required; amount_minor is an
// integer (never a decimal) and needs currency. Throws PayloadError naming the field.
void read_standard_event(const sdk::Webhook& hook, const sdk::PaymentEventSink& emit);

}  // namespace caisse::adapters::card
