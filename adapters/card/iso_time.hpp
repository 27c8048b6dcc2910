// Stripe and the Standard Webhooks header date events in Unix seconds; PaymentEvent.occurred_at
// is an ISO date-time.
#pragma once

#include <cstdint>
#include <string>

namespace caisse::adapters::card {

// 0 -> "1970-01-01T00:00:00Z".
std::string iso_utc(std::int64_t unix_seconds);

}  // namespace caisse::adapters::card
