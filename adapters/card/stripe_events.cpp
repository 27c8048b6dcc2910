#include "stripe_events.hpp"

#include <array>
#include <optional>

#include "iso_time.hpp"
#include "json_fields.hpp"

namespace caisse::adapters::card {

namespace {

constexpr std::string_view source = "Stripe event";

enum class Resource { payment_intent, charge, dispute };

struct MappedType {
  std::string_view type;
  Resource resource;
  sdk::PaymentState state;
};

constexpr std::array mapped_types{
    MappedType{"payment_intent.processing", Resource::payment_intent, sdk::PaymentState::pending},
    MappedType{"payment_intent.succeeded", Resource::payment_intent, sdk::PaymentState::paid},
    MappedType{"payment_intent.payment_failed", Resource::payment_intent,
               sdk::PaymentState::failed},
    MappedType{"charge.refunded", Resource::charge, sdk::PaymentState::refunded},
    MappedType{"charge.dispute.created", Resource::dispute, sdk::PaymentState::refunded},
};

std::optional<MappedType> mapped(std::string_view type) {
  for (const MappedType& known : mapped_types) {
    if (known.type == type) return known;
  }
  return std::nullopt;
}

// A charge or a dispute names the PaymentIntent it belongs to, when it has one.
std::string intent_or(const JsonObject& object, std::string_view fallback_key) {
  std::string intent = object.optional_string("payment_intent");
  return intent.empty() ? std::string(object.string(fallback_key)) : intent;
}

void read_resource(const JsonObject& object, Resource resource, sdk::PaymentEvent& event) {
  switch (resource) {
    case Resource::payment_intent:
      event.payment_ref = object.string("id");
      event.amount_minor = object.integer("amount");
      if (event.state == sdk::PaymentState::failed) {
        if (const auto error = object.optional_object("last_payment_error")) {
          event.reason_code = error->optional_string("code");
        }
      }
      break;
    case Resource::charge:
      event.payment_ref = intent_or(object, "id");
      // What was given back (all of it, or the sum of partial refunds so far).
      event.amount_minor = object.integer("amount_refunded");
      break;
    case Resource::dispute:
      event.payment_ref = intent_or(object, "charge");
      event.amount_minor = object.integer("amount");
      event.reason_code = object.optional_string("reason");
      break;
  }
}

}  // namespace

std::string stripe_event_id(std::string_view body) {
  const auto root = parse_object(body, source);
  return std::string(JsonObject(root, "", source).string("id"));
}

void read_stripe_events(std::string_view body, const sdk::PaymentEventSink& emit) {
  const auto root = parse_object(body, source);
  const JsonObject event(root, "", source);
  const auto type = mapped(event.string("type"));
  if (!type) return;
  const JsonObject object = event.object("data").object("object");
  sdk::PaymentEvent out;
  out.event_id = event.string("id");
  out.state = type->state;
  out.occurred_at = iso_utc(event.integer("created"));
  read_resource(object, type->resource, out);
  out.currency = object.currency("currency");
  if (const auto metadata = object.optional_object("metadata")) {
    out.payer_ref = metadata->optional_string("household_id");
  }
  emit(out);
}

}  // namespace caisse::adapters::card
