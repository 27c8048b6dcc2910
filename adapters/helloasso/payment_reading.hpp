// A HelloAsso payment (the spec's Payment and PaymentDetail) as a payment event. Amounts are
// integers in cents in the whole v5 API (PaymentDetail.amount, "2000" for 20 €), so they are
// the event's minor units as they are; HelloAsso only collects euros.
#pragma once

#include <caisse/sdk.hpp>

#include <cstdint>
#include <string>
#include <string_view>

#include "json_field.hpp"

namespace caisse::adapters::helloasso {

struct PaymentRead {
  sdk::PaymentEvent event;        // payer_ref still empty: the household is on the order
  std::int64_t order_id = 0;      // 0 when the payment names no order
  std::string organization_slug;  // order.organizationSlug, "" when absent
};

// event_id "helloasso:<id>:<state>", the same whether the payment came from a notification or
// a listing, so that the host counts one event per state a payment reaches.
PaymentRead read_payment(const JsonField& payment);

// The spec's PaymentState as a caissed state; a value outside the spec's enum fails, naming the
// field.
sdk::PaymentState state_of(const JsonField& state);

}  // namespace caisse::adapters::helloasso
