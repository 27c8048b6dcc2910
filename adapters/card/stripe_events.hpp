// Stripe events (docs.stripe.com/api/events) as payment outcomes. The event's data.object is
// the resource the event is about: a PaymentIntent for payment_intent.*, a Charge for
// charge.refunded, a Dispute for charge.dispute.created. Amounts are already integer minor
// units; currencies come lower-case. Other event types say nothing about a payment we track and
// are skipped.
#pragma once

#include <string>
#include <string_view>

#include <caisse/sdk.hpp>

namespace caisse::adapters::card {

// The event's "id" (evt_...), the dedup key. Throws PayloadError.
std::string stripe_event_id(std::string_view body);

// Emits the outcome the event reports, or nothing for a type we do not map:
//   payment_intent.processing -> pending, payment_intent.succeeded -> paid,
//   payment_intent.payment_failed -> failed (reason: last_payment_error.code),
//   charge.refunded -> refunded (amount: amount_refunded),
//   charge.dispute.created -> refunded (a chargeback; reason: the dispute's reason).
// payment_ref is the PaymentIntent id (the charge id for a charge without one); payer_ref is
// metadata.household_id of the object when present. Throws PayloadError naming a missing or
// mistyped field.
void read_stripe_events(std::string_view body, const sdk::PaymentEventSink& emit);

}  // namespace caisse::adapters::card
