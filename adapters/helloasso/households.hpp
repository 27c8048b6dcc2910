// Which household paid: HelloAsso keeps the answers to a form's custom fields on the order's
// items (GET /v5/orders/{orderId}, items[].customFields[] of {name, answer}), not on the
// payment, so the collector reads the order when the operator names the field that holds the
// caissed household id (config household_field, e.g. "Numéro de foyer").
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "helloasso_api.hpp"

namespace caisse::adapters::helloasso {

class Households {
 public:
  // `field` empty: households are never looked up, every payer_ref is "".
  Households(HelloAssoApi& api, sdk::Host host, std::string field);

  // The answer to the field on order `order_id`, "" when the order has none (logged: the payment
  // cannot be credited to anyone until someone matches it by hand). Answers never change once
  // given, so each order is read once per instance.
  std::string of_order(std::int64_t order_id);

 private:
  HelloAssoApi& api_;
  sdk::Host host_;
  std::string field_;
  std::map<std::int64_t, std::string> known_;
};

}  // namespace caisse::adapters::helloasso
