// A webhook delivery as a test writes it: owned header strings and body, seen by the verifier
// through the SDK's view type, as the host hands it over.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <exception>
#include <string>
#include <utility>
#include <vector>

#include <caisse/sdk.hpp>
#include "card_errors.hpp"
#include "webhook_verifier.hpp"

namespace caisse::adapters::card::test {

struct Delivery {
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::int64_t received_ms = 0;

  sdk::Webhook view() const {
    sdk::Webhook hook;
    for (const auto& [name, value] : headers) hook.headers.emplace_back(name, value);
    hook.body = body;
    hook.received_ms = received_ms;
    return hook;
  }
};

// The message of the WebhookRejected that verify throws; a test failure when it accepts the
// delivery or fails in another way.
inline std::string rejection(const WebhookVerifier& verifier, const Delivery& delivery) {
  try {
    const std::string id = verifier.verify(delivery.view());
    ADD_FAILURE() << "accepted, event id " << id;
  } catch (const WebhookRejected& e) {
    return e.what();
  } catch (const std::exception& e) {
    ADD_FAILURE() << "failed otherwise: " << e.what();
  }
  return {};
}

}  // namespace caisse::adapters::card::test
