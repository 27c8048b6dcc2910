// Provider payloads, written from the shapes the providers document (Stripe's Event,
// PaymentIntent, Charge and Dispute objects; GoCardless's webhook example with its events
// batch; our own Standard Webhooks payload in adapters/card/README.md), mapped to payment
// outcomes. Expected values are read off the payloads by hand.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "card_errors.hpp"
#include "scheme.hpp"
#include "webhook_delivery.hpp"
#include "webhook_events.hpp"

namespace card = caisse::adapters::card;
namespace sdk = caisse::sdk;
using card::test::Delivery;

namespace {

std::vector<sdk::PaymentEvent> read(card::Scheme scheme, const Delivery& delivery) {
  std::vector<sdk::PaymentEvent> events;
  card::read_webhook_events(scheme, delivery.view(),
                            [&](const sdk::PaymentEvent& event) { events.push_back(event); });
  return events;
}

std::vector<sdk::PaymentEvent> read_body(card::Scheme scheme, std::string body) {
  return read(scheme, Delivery{{}, std::move(body), 0});
}

// The message of the PayloadError the mapping throws; a test failure otherwise.
std::string payload_error(card::Scheme scheme, const Delivery& delivery) {
  try {
    const auto events = read(scheme, delivery);
    ADD_FAILURE() << "read " << events.size() << " event(s)";
  } catch (const card::PayloadError& e) {
    return e.what();
  }
  return {};
}

std::string payload_error(card::Scheme scheme, std::string body) {
  return payload_error(scheme, Delivery{{}, std::move(body), 0});
}

// ---- Stripe ------------------------------------------------------------------------------

// A Stripe event around data.object; created 1732442400 is 2024-11-24T10:00:00Z.
std::string stripe_event(const std::string& type, const std::string& object) {
  return R"({"id": "evt_1QOpV2HbWm0q4ZxA", "object": "event", "api_version": "2024-06-20",
  "created": 1732442400, "livemode": false, "pending_webhooks": 1,
  "request": {"id": null, "idempotency_key": null}, "type": ")" +
         type + R"(", "data": {"object": )" + object + "}}";
}

constexpr const char* payment_intent = R"({"id": "pi_3QOpUzHbWm0q4ZxA", "object": "payment_intent",
  "amount": 2500, "amount_received": 2500, "currency": "eur", "status": "succeeded",
  "metadata": {"household_id": "H-0042"}, "last_payment_error": null})";

TEST(StripeEvents, PaymentIntentSucceededIsPaidInMinorUnits) {
  const auto events =
      read_body(card::Scheme::stripe, stripe_event("payment_intent.succeeded", payment_intent));
  ASSERT_EQ(events.size(), 1u);
  const sdk::PaymentEvent& event = events[0];
  EXPECT_EQ(event.event_id, "evt_1QOpV2HbWm0q4ZxA");
  EXPECT_EQ(event.payment_ref, "pi_3QOpUzHbWm0q4ZxA");
  EXPECT_EQ(event.payer_ref, "H-0042");
  EXPECT_EQ(event.state, sdk::PaymentState::paid);
  EXPECT_EQ(event.amount_minor, 2500);
  EXPECT_EQ(event.currency, "EUR");
  EXPECT_EQ(event.reason_code, "");
  EXPECT_EQ(event.occurred_at, "2024-11-24T10:00:00Z");
  EXPECT_EQ(event.location, "");
}

TEST(StripeEvents, PaymentFailedCarriesTheErrorCode) {
  const auto events = read_body(
      card::Scheme::stripe,
      stripe_event("payment_intent.payment_failed",
                   R"({"id": "pi_3QOpUzHbWm0q4ZxB", "object": "payment_intent", "amount": 1200,
      "currency": "eur", "status": "requires_payment_method", "metadata": {},
      "last_payment_error": {"type": "card_error", "code": "card_declined",
                             "decline_code": "insufficient_funds"}})"));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].state, sdk::PaymentState::failed);
  EXPECT_EQ(events[0].reason_code, "card_declined");
  EXPECT_EQ(events[0].payment_ref, "pi_3QOpUzHbWm0q4ZxB");
  EXPECT_EQ(events[0].payer_ref, "");
  EXPECT_EQ(events[0].amount_minor, 1200);
}

TEST(StripeEvents, ChargeRefundedIsRefundedForTheAmountGivenBack) {
  const auto events =
      read_body(card::Scheme::stripe,
                stripe_event("charge.refunded", R"({"id": "ch_3QOpUzHbWm0q4ZxA", "object": "charge",
      "amount": 2500, "amount_refunded": 1000, "currency": "eur", "refunded": false,
      "payment_intent": "pi_3QOpUzHbWm0q4ZxA", "metadata": {"household_id": "H-0042"}})"));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].state, sdk::PaymentState::refunded);
  EXPECT_EQ(events[0].payment_ref, "pi_3QOpUzHbWm0q4ZxA");
  EXPECT_EQ(events[0].amount_minor, 1000);
  EXPECT_EQ(events[0].payer_ref, "H-0042");
}

TEST(StripeEvents, ChargeWithoutPaymentIntentIsKnownByItsChargeId) {
  const auto events = read_body(
      card::Scheme::stripe,
      stripe_event("charge.refunded", R"({"id": "ch_legacy", "object": "charge", "amount": 800,
      "amount_refunded": 800, "currency": "eur", "payment_intent": null})"));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].payment_ref, "ch_legacy");
}

TEST(StripeEvents, DisputeCreatedIsAChargeback) {
  const auto events = read_body(
      card::Scheme::stripe,
      stripe_event("charge.dispute.created", R"({"id": "dp_1QOpZ0HbWm0q4ZxA", "object": "dispute",
      "amount": 2500, "charge": "ch_3QOpUzHbWm0q4ZxA", "currency": "eur",
      "payment_intent": "pi_3QOpUzHbWm0q4ZxA", "reason": "fraudulent",
      "status": "needs_response", "metadata": {}})"));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].state, sdk::PaymentState::refunded);
  EXPECT_EQ(events[0].payment_ref, "pi_3QOpUzHbWm0q4ZxA");
  EXPECT_EQ(events[0].reason_code, "fraudulent");
  EXPECT_EQ(events[0].amount_minor, 2500);
}

TEST(StripeEvents, UnknownTypesEmitNothing) {
  EXPECT_TRUE(
      read_body(card::Scheme::stripe,
                stripe_event("customer.created", R"({"id": "cus_1", "object": "customer"})"))
          .empty());
}

TEST(StripeEvents, BadPayloadsNameTheField) {
  std::string decimal = stripe_event("payment_intent.succeeded", payment_intent);
  decimal.replace(decimal.find("2500"), 4, "25.00");
  EXPECT_EQ(payload_error(card::Scheme::stripe, decimal),
            "Stripe event: field data.object.amount: expected an integer, got a decimal number");
  std::string no_currency = stripe_event("payment_intent.succeeded", payment_intent);
  no_currency.replace(no_currency.find("\"eur\""), 5, "\"euro\"");
  EXPECT_EQ(payload_error(card::Scheme::stripe, no_currency),
            "Stripe event: field data.object.currency: not a three-letter currency code");
  EXPECT_EQ(payload_error(card::Scheme::stripe,
                          R"({"id": "evt_1", "type": "payment_intent.succeeded", "data": {}})"),
            "Stripe event: field data.object: missing");
  // The first 13 bytes parse; byte 13 is where a value should start.
  EXPECT_EQ(payload_error(card::Scheme::stripe, R"({"id": "evt_1",})")
                .rfind("Stripe event: body is not JSON: ", 0),
            0u);
  EXPECT_EQ(payload_error(card::Scheme::stripe, "[1, 2]"),
            "Stripe event: body is an array, not a JSON object");
}

// ---- GoCardless --------------------------------------------------------------------------

constexpr const char* gocardless_batch = R"({"events": [
  {"id": "EV0001", "created_at": "2026-11-24T10:00:00.000Z", "resource_type": "payments",
   "action": "confirmed", "details": {"origin": "gocardless", "cause": "payment_confirmed",
   "description": "Enough time has passed since the payment was submitted."},
   "metadata": {}, "resource_metadata": {"household_id": "H-0042"}, "links": {"payment": "PM0001"}},
  {"id": "EV0002", "created_at": "2026-11-24T10:00:01.000Z", "resource_type": "payments",
   "action": "failed", "details": {"origin": "bank", "cause": "insufficient_funds",
   "description": "The customer's account had insufficient funds.", "scheme": "sepa_core",
   "reason_code": "AM04", "will_attempt_retry": false},
   "metadata": {}, "links": {"payment": "PM0002"}},
  {"id": "EV0003", "created_at": "2026-11-24T10:00:02.000Z", "resource_type": "mandates",
   "action": "cancelled", "details": {"origin": "bank", "cause": "bank_account_closed"},
   "metadata": {}, "links": {"mandate": "MD0003"}},
  {"id": "EV0004", "created_at": "2026-11-24T10:00:03.000Z", "resource_type": "payments",
   "action": "charged_back", "details": {"origin": "bank", "cause": "payment_charged_back"},
   "metadata": {}, "links": {"payment": "PM0001"}}
], "meta": {"webhook_id": "WB0001"}})";

TEST(GoCardlessEvents, EmitsEachPaymentEventOfTheBatchAndSkipsTheRest) {
  const auto events = read_body(card::Scheme::gocardless, gocardless_batch);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].event_id, "EV0001");
  EXPECT_EQ(events[0].payment_ref, "PM0001");
  EXPECT_EQ(events[0].payer_ref, "H-0042");
  EXPECT_EQ(events[0].state, sdk::PaymentState::paid);
  EXPECT_EQ(events[0].reason_code, "");
  EXPECT_EQ(events[0].occurred_at, "2026-11-24T10:00:00.000Z");
  EXPECT_EQ(events[0].amount_minor, 0);
  EXPECT_EQ(events[0].currency, "");
  EXPECT_EQ(events[1].event_id, "EV0002");
  EXPECT_EQ(events[1].state, sdk::PaymentState::failed);
  EXPECT_EQ(events[1].reason_code, "AM04");
  EXPECT_EQ(events[2].event_id, "EV0004");
  EXPECT_EQ(events[2].payment_ref, "PM0001");
  EXPECT_EQ(events[2].state, sdk::PaymentState::refunded);
  EXPECT_EQ(events[2].reason_code, "payment_charged_back");  // no reason_code: the cause
}

TEST(GoCardlessEvents, ABadEventFailsTheDeliveryBeforeAnythingIsEmitted) {
  std::string body = gocardless_batch;
  body.replace(body.find(R"({"payment": "PM0002"})"), 21, R"({"mandate": "MD0002"})");
  std::size_t emitted = 0;
  try {
    card::read_webhook_events(card::Scheme::gocardless, Delivery{{}, body, 0}.view(),
                              [&](const sdk::PaymentEvent&) { ++emitted; });
    ADD_FAILURE() << "accepted";
  } catch (const card::PayloadError& e) {
    EXPECT_EQ(std::string(e.what()), "GoCardless webhook: field events[1].links.payment: missing");
  }
  EXPECT_EQ(emitted, 0u);
}

TEST(GoCardlessEvents, ABodyWithoutEventsNamesTheField) {
  EXPECT_EQ(payload_error(card::Scheme::gocardless, R"({"events": {"id": "EV1"}})"),
            "GoCardless webhook: field events: expected an array, got an object");
}

// ---- Standard Webhooks (our payload) -----------------------------------------------------

Delivery standard(std::string body) {
  return Delivery{
      {{"webhook-id", "msg_2pXk"}, {"webhook-timestamp", "1764000000"}}, std::move(body), 0};
}

TEST(StandardEvents, SucceededIsPaidWithTheSendersFields) {
  const auto events = read(card::Scheme::standard_webhooks, standard(R"({
    "type": "payment.succeeded", "timestamp": "2026-11-24T10:00:00+01:00",
    "data": {"payment_ref": "CAISSE-2026-11-H42", "household_id": "H-42",
             "amount_minor": 2500, "currency": "eur"}})"));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event_id, "msg_2pXk");
  EXPECT_EQ(events[0].payment_ref, "CAISSE-2026-11-H42");
  EXPECT_EQ(events[0].payer_ref, "H-42");
  EXPECT_EQ(events[0].state, sdk::PaymentState::paid);
  EXPECT_EQ(events[0].amount_minor, 2500);
  EXPECT_EQ(events[0].currency, "EUR");
  EXPECT_EQ(events[0].occurred_at, "2026-11-24T10:00:00+01:00");
}

TEST(StandardEvents, FailedWithoutTimestampIsDatedByTheHeader) {
  const auto events = read(card::Scheme::standard_webhooks, standard(R"({
    "type": "payment.failed", "data": {"payment_ref": "CAISSE-2026-11-H43", "reason": "AM04"}})"));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].state, sdk::PaymentState::failed);
  EXPECT_EQ(events[0].reason_code, "AM04");
  EXPECT_EQ(events[0].amount_minor, 0);
  EXPECT_EQ(events[0].currency, "");
  EXPECT_EQ(events[0].occurred_at, "2025-11-24T16:00:00Z");  // 1764000000, python3 datetime
}

TEST(StandardEvents, RefundedAndUnknownTypes) {
  const auto refunded = read(card::Scheme::standard_webhooks,
                             standard(R"({"type": "payment.refunded", "data": {"payment_ref": "P1",
      "amount_minor": 700, "currency": "EUR"}})"));
  ASSERT_EQ(refunded.size(), 1u);
  EXPECT_EQ(refunded[0].state, sdk::PaymentState::refunded);
  EXPECT_TRUE(
      read(card::Scheme::standard_webhooks, standard(R"({"type": "member.created", "data": {}})"))
          .empty());
}

TEST(StandardEvents, BadPayloadsNameTheField) {
  EXPECT_EQ(
      payload_error(card::Scheme::standard_webhooks,
                    standard(R"({"type": "payment.succeeded", "data": {"payment_ref": "P1",
      "amount_minor": 25.0, "currency": "EUR"}})")),
      "Standard Webhooks payload: field data.amount_minor: expected an integer, got a decimal "
      "number");
  EXPECT_EQ(payload_error(card::Scheme::standard_webhooks,
                          standard(R"({"type": "payment.succeeded", "data": {"payment_ref": "P1",
      "amount_minor": 2500}})")),
            "Standard Webhooks payload: field data.currency: missing");
  EXPECT_EQ(
      payload_error(card::Scheme::standard_webhooks,
                    standard(R"({"type": "payment.succeeded", "data": {"payment_ref": ""}})")),
      "Standard Webhooks payload: field data.payment_ref: empty");
  EXPECT_EQ(payload_error(card::Scheme::standard_webhooks,
                          standard(R"({"type": "payment.refunded", "data": {"payment_ref": "P1",
      "amount_minor": -700, "currency": "EUR"}})")),
            "Standard Webhooks payload: field data.amount_minor: must be a positive number of "
            "minor units");
  EXPECT_EQ(payload_error(card::Scheme::standard_webhooks, standard(R"({"data": {}})")),
            "Standard Webhooks payload: field type: missing");
}

}  // namespace
