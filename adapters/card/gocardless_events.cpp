#include "gocardless_events.hpp"

#include <array>
#include <optional>
#include <vector>

#include "byte_encoding.hpp"
#include "json_fields.hpp"
#include "payment_state_names.hpp"
#include "sha256.hpp"

namespace caisse::adapters::card {

namespace {

constexpr std::string_view source = "GoCardless webhook";

constexpr std::array payment_actions{
    NamedState{"created", sdk::PaymentState::pending},
    NamedState{"submitted", sdk::PaymentState::pending},
    NamedState{"confirmed", sdk::PaymentState::paid},
    NamedState{"paid_out", sdk::PaymentState::paid},
    NamedState{"failed", sdk::PaymentState::failed},
    NamedState{"cancelled", sdk::PaymentState::failed},
    NamedState{"charged_back", sdk::PaymentState::refunded},
};

std::string reason_of(const JsonObject& event) {
  const auto details = event.optional_object("details");
  if (!details) return {};
  std::string code = details->optional_string("reason_code");
  return code.empty() ? details->optional_string("cause") : code;
}

std::optional<sdk::PaymentEvent> payment_event(const JsonObject& event) {
  if (event.string("resource_type") != "payments") return std::nullopt;
  const auto state = state_named(payment_actions, event.string("action"));
  if (!state) return std::nullopt;
  sdk::PaymentEvent out;
  out.event_id = event.string("id");
  out.payment_ref = event.object("links").string("payment");
  out.state = *state;
  out.occurred_at = event.optional_string("created_at");
  if (out.state == sdk::PaymentState::failed || out.state == sdk::PaymentState::refunded) {
    out.reason_code = reason_of(event);
  }
  if (const auto metadata = event.optional_object("resource_metadata")) {
    out.payer_ref = metadata->optional_string("household_id");
  }
  return out;
}

}  // namespace

std::string gocardless_webhook_id(std::string_view body) {
  const auto root = parse_object(body, source);
  if (const auto meta = JsonObject(root, "", source).optional_object("meta")) {
    std::string id = meta->optional_string("webhook_id");
    if (!id.empty()) return id;
  }
  return "body-sha256:" + to_hex(sha256(body));
}

void read_gocardless_events(std::string_view body, const sdk::PaymentEventSink& emit) {
  const auto root = parse_object(body, source);
  std::vector<sdk::PaymentEvent> events;
  for (const JsonObject& event : JsonObject(root, "", source).objects("events")) {
    if (auto mapped = payment_event(event)) events.push_back(std::move(*mapped));
  }
  for (const sdk::PaymentEvent& event : events) emit(event);
}

}  // namespace caisse::adapters::card
