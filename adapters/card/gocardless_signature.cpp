#include "gocardless_signature.hpp"

#include "byte_encoding.hpp"
#include "signature_check.hpp"

namespace caisse::adapters::card {

void verify_gocardless_signature(const sdk::Webhook& hook, std::span<const SigningKey> keys) {
  OfferedSignatures offered{"Webhook-Signature", {}, 0};
  if (auto mac = from_hex(required_header(hook, "Webhook-Signature"))) {
    offered.decoded.push_back(std::move(*mac));
  } else {
    offered.undecodable = 1;
  }
  require_match(offered, keys, {hook.body});
}

}  // namespace caisse::adapters::card
