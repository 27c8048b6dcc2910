#include "standard_webhooks_signature.hpp"

#include "byte_encoding.hpp"
#include "card_errors.hpp"
#include "signature_check.hpp"
#include "timestamp_window.hpp"

namespace caisse::adapters::card {

namespace {

OfferedSignatures offered_signatures(std::string_view header) {
  OfferedSignatures offered{"webhook-signature", {}, 0};
  std::size_t skipped = 0;
  while (!header.empty()) {
    const std::size_t space = header.find(' ');
    const std::string_view item = header.substr(0, space);
    header = space == std::string_view::npos ? std::string_view{} : header.substr(space + 1);
    if (item.empty()) continue;  // two spaces in a row
    if (!item.starts_with("v1,")) {
      ++skipped;
      continue;
    }
    if (auto mac = from_base64(item.substr(3))) {
      offered.decoded.push_back(std::move(*mac));
    } else {
      ++offered.undecodable;
    }
  }
  if (offered.decoded.empty() && offered.undecodable == 0) {
    throw WebhookRejected("webhook-signature holds no \"v1,\" signature (" +
                          std::to_string(skipped) + " other item(s))");
  }
  return offered;
}

}  // namespace

std::string verify_standard_webhooks(const sdk::Webhook& hook, std::span<const SigningKey> keys,
                                     std::int64_t tolerance_s) {
  const std::string_view id = required_header(hook, "webhook-id");
  const std::string_view timestamp = required_header(hook, "webhook-timestamp");
  const std::string_view signature = required_header(hook, "webhook-signature");
  // A '.' in the id would make "{id}.{timestamp}" ambiguous; the spec forbids it.
  if (id.empty() || id.find('.') != std::string_view::npos) {
    throw WebhookRejected("webhook-id is empty or holds a '.'");
  }
  check_timestamp("webhook-timestamp", timestamp, hook.received_ms, tolerance_s);
  require_match(offered_signatures(signature), keys, {id, ".", timestamp, ".", hook.body});
  return std::string(id);
}

}  // namespace caisse::adapters::card
