// The HMAC key each scheme derives from the secret an operator copies from the provider's
// dashboard. They differ in a way that is easy to get wrong: Standard Webhooks base64-decodes
// what follows "whsec_", Stripe uses its "whsec_..." string whole, GoCardless its string whole.
#pragma once

#include <string>
#include <string_view>

#include "scheme.hpp"

namespace caisse::adapters::card {

struct SigningKey {
  std::string name;   // the config key it came from ("secret", "previous_secret"), for messages
  std::string bytes;  // the HMAC key
};

// Throws sdk::ConfigError naming `name` when the secret is empty or, for Standard Webhooks, not
// base64 (after an optional "whsec_").
SigningKey signing_key(Scheme scheme, std::string name, std::string_view secret);

}  // namespace caisse::adapters::card
