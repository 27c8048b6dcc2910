// GoCardless webhooks (developer.gocardless.com, "Webhooks" and "Events"): one delivery carries
// a batch {"events": [...]}, each event a resource_type, an action, details, links and the
// resource's metadata. Only payment events are outcomes; mandates, payouts and the rest are
// skipped, as are payment actions that change nothing for the caisse.
#pragma once

#include <string>
#include <string_view>

#include <caisse/sdk.hpp>

namespace caisse::adapters::card {

// The delivery's id: meta.webhook_id when the body has it, else "body-sha256:<hex>" of the
// body, so that a retried delivery (same bytes) gets the same id. Throws PayloadError.
std::string gocardless_webhook_id(std::string_view body);

// Emits one PaymentEvent per payment event of the batch, after reading the whole batch (a bad
// event fails the delivery before anything is emitted):
//   created, submitted -> pending; confirmed, paid_out -> paid; failed, cancelled -> failed;
//   charged_back -> refunded.
// event_id is the event's id, payment_ref links.payment, payer_ref resource_metadata.household_id
// (the payment's metadata), reason_code details.reason_code or else details.cause for failed and
// refunded, occurred_at created_at. GoCardless events carry no amount: amount_minor is 0 and
// currency "". Throws PayloadError naming the field ("events[1].links.payment").
void read_gocardless_events(std::string_view body, const sdk::PaymentEventSink& emit);

}  // namespace caisse::adapters::card
