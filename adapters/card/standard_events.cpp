#include "standard_events.hpp"

#include <array>
#include <charconv>
#include <optional>
#include <string>

#include "card_errors.hpp"
#include "iso_time.hpp"
#include "json_fields.hpp"
#include "payment_state_names.hpp"

namespace caisse::adapters::card {

namespace {

constexpr std::string_view source = "Standard Webhooks payload";

constexpr std::array payload_types{
    NamedState{"payment.pending", sdk::PaymentState::pending},
    NamedState{"payment.succeeded", sdk::PaymentState::paid},
    NamedState{"payment.failed", sdk::PaymentState::failed},
    NamedState{"payment.refunded", sdk::PaymentState::refunded},
};

// The attempt's time, when the payload does not date the event. The header was checked when
// the delivery was verified; this runs later, so it only reads it.
std::string header_time(const sdk::Webhook& hook) {
  const std::string_view text = hook.header("webhook-timestamp").value_or("");
  std::int64_t seconds = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  return error == std::errc{} && end == text.data() + text.size() ? iso_utc(seconds) : "";
}

}  // namespace

void read_standard_event(const sdk::Webhook& hook, const sdk::PaymentEventSink& emit) {
  const auto root = parse_object(hook.body, source);
  const JsonObject payload(root, "", source);
  const auto state = state_named(payload_types, payload.string("type"));
  if (!state) return;
  const JsonObject data = payload.object("data");
  sdk::PaymentEvent out;
  out.event_id = hook.header("webhook-id").value_or("");
  if (out.event_id.empty()) throw PayloadError(std::string(source) + ": missing header webhook-id");
  out.payment_ref = data.string("payment_ref");
  out.payer_ref = data.optional_string("household_id");
  out.state = *state;
  if (const auto amount = data.optional_integer("amount_minor")) {
    // An outcome is about a payment, whose amount is positive; a refund says so by its type.
    if (*amount <= 0) data.fail("amount_minor", "must be a positive number of minor units");
    out.amount_minor = *amount;
    out.currency = data.currency("currency");
  }
  out.reason_code = data.optional_string("reason");
  out.occurred_at = payload.optional_string("timestamp");
  if (out.occurred_at.empty()) out.occurred_at = header_time(hook);
  emit(out);
}

}  // namespace caisse::adapters::card
