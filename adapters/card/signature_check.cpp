#include "signature_check.hpp"

#include "card_errors.hpp"
#include "sha256.hpp"

namespace caisse::adapters::card {

std::string_view required_header(const sdk::Webhook& hook, std::string_view name) {
  const auto value = hook.header(name);
  if (!value) throw WebhookRejected("missing header " + std::string(name));
  return *value;
}

void require_match(const OfferedSignatures& offered, std::span<const SigningKey> keys,
                   std::initializer_list<std::string_view> content) {
  std::string tried;
  for (const SigningKey& key : keys) {
    const std::string expected = hmac_sha256(key.bytes, content);
    // Every candidate is compared, even after a match, so that the time taken does not tell
    // which one matched.
    bool matched = false;
    for (const std::string& candidate : offered.decoded) {
      matched = same_bytes(candidate, expected) || matched;
    }
    if (matched) return;
    tried += (tried.empty() ? "" : ", ") + key.name;
  }
  const std::size_t count = offered.decoded.size() + offered.undecodable;
  std::string why = "no signature matches: " + std::to_string(count) + " offered in " +
                    offered.source + ", checked with " + tried;
  if (offered.undecodable > 0) {
    why += " (" + std::to_string(offered.undecodable) + " of them not well encoded)";
  }
  throw WebhookRejected(why);
}

}  // namespace caisse::adapters::card
