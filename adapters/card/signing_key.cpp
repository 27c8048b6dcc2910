#include "signing_key.hpp"

#include <caisse/sdk.hpp>

#include "byte_encoding.hpp"

namespace caisse::adapters::card {

namespace {

constexpr std::string_view secret_prefix = "whsec_";

std::string standard_webhooks_key(const std::string& name, std::string_view secret) {
  if (secret.starts_with(secret_prefix)) secret.remove_prefix(secret_prefix.size());
  auto key = from_base64(secret);
  if (!key || key->empty()) {
    throw sdk::ConfigError(name +
                           " is not a Standard Webhooks secret: expected \"whsec_\" "
                           "followed by base64");
  }
  return std::move(*key);
}

}  // namespace

SigningKey signing_key(Scheme scheme, std::string name, std::string_view secret) {
  if (secret.empty()) throw sdk::ConfigError(name + " is empty");
  std::string bytes = scheme == Scheme::standard_webhooks ? standard_webhooks_key(name, secret)
                                                          : std::string(secret);
  return {std::move(name), std::move(bytes)};
}

}  // namespace caisse::adapters::card
