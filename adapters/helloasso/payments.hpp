// The collector's two readings of HelloAsso's payments: one payment by id (what a notification
// is about, re-read from the API because notifications are not signed), and every payment of
// the organization in a period (for reconciliation), page after page.
#pragma once

#include <caisse/sdk.hpp>

#include <cstdint>
#include <string>
#include <string_view>

#include "helloasso_api.hpp"
#include "households.hpp"
#include "json_field.hpp"
#include "payment_reading.hpp"

namespace caisse::adapters::helloasso {

class Payments {
 public:
  // Throws ConfigError for a page size HelloAsso refuses (it serves 1 to 100).
  Payments(HelloAssoApi& api, Households& households, std::string organization_slug,
           std::int64_t page_size);

  // GET /v5/payments/{id}: the payment as the API has it now.
  sdk::PaymentEvent one(std::string_view payment_id);

  // GET /v5/organizations/{slug}/payments with from/to, following continuation tokens until a
  // page is empty or the last one (pagination.totalPages) has been read.
  void list(std::int64_t from_ms, std::int64_t to_ms, const sdk::PaymentEventSink& emit);

 private:
  // The event with its household, once the payment is known to be this organization's.
  sdk::PaymentEvent completed(PaymentRead read, const JsonField& payment);

  HelloAssoApi& api_;
  Households& households_;
  std::string organization_slug_;
  std::int64_t page_size_;
};

}  // namespace caisse::adapters::helloasso
