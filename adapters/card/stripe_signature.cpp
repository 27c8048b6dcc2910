#include "stripe_signature.hpp"

#include <optional>
#include <string>

#include "byte_encoding.hpp"
#include "card_errors.hpp"
#include "signature_check.hpp"
#include "timestamp_window.hpp"

namespace caisse::adapters::card {

namespace {

constexpr std::string_view header_name = "Stripe-Signature";

struct StripeHeader {
  std::string_view timestamp;
  OfferedSignatures signatures{"the v1 items of Stripe-Signature", {}, 0};
};

StripeHeader parse_header(std::string_view header) {
  StripeHeader parsed;
  bool has_timestamp = false;
  std::size_t position = 0;
  while (!header.empty() || position == 0) {
    ++position;
    const std::size_t comma = header.find(',');
    const std::string_view item = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    const std::size_t equals = item.find('=');
    if (equals == std::string_view::npos) {
      throw WebhookRejected(std::string(header_name) + " is malformed: item " +
                            std::to_string(position) + " is not key=value");
    }
    const std::string_view key = item.substr(0, equals);
    const std::string_view value = item.substr(equals + 1);
    if (key == "t") {
      if (has_timestamp) {
        throw WebhookRejected(std::string(header_name) + " is malformed: t= appears twice");
      }
      has_timestamp = true;
      parsed.timestamp = value;
    } else if (key == "v1") {
      if (auto mac = from_hex(value)) {
        parsed.signatures.decoded.push_back(std::move(*mac));
      } else {
        ++parsed.signatures.undecodable;
      }
    }
  }
  if (!has_timestamp) {
    throw WebhookRejected(std::string(header_name) + " is malformed: no t= item");
  }
  if (parsed.signatures.decoded.empty() && parsed.signatures.undecodable == 0) {
    throw WebhookRejected(std::string(header_name) + " holds no v1 signature");
  }
  return parsed;
}

}  // namespace

void verify_stripe_signature(const sdk::Webhook& hook, std::span<const SigningKey> keys,
                             std::int64_t tolerance_s) {
  const StripeHeader header = parse_header(required_header(hook, header_name));
  check_timestamp("Stripe-Signature t", header.timestamp, hook.received_ms, tolerance_s);
  require_match(header.signatures, keys, {header.timestamp, ".", hook.body});
}

}  // namespace caisse::adapters::card
