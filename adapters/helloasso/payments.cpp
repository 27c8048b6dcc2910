#include "payments.hpp"

#include <boost/json.hpp>

#include "iso_time.hpp"

namespace caisse::adapters::helloasso {

Payments::Payments(HelloAssoApi& api, Households& households, std::string organization_slug,
                   std::int64_t page_size)
    : api_(api),
      households_(households),
      organization_slug_(std::move(organization_slug)),
      page_size_(page_size) {
  if (page_size_ < 1 || page_size_ > 100) {
    throw sdk::ConfigError("page_size must be from 1 to 100, not " + std::to_string(page_size_));
  }
}

sdk::PaymentEvent Payments::completed(PaymentRead read, const JsonField& payment) {
  // With a partner's token the API serves several organizations: a notification pointing at
  // another one's payment must not count here.
  if (!read.organization_slug.empty() && read.organization_slug != organization_slug_) {
    payment["order"]["organizationSlug"].fail("is \"" + read.organization_slug + "\", not \"" +
                                              organization_slug_ + "\"");
  }
  read.event.payer_ref = households_.of_order(read.order_id);
  return std::move(read.event);
}

sdk::PaymentEvent Payments::one(std::string_view payment_id) {
  const std::string path = "/v5/payments/" + percent_encoded(payment_id);
  const boost::json::value body = api_.get(path);
  const JsonField payment(body, "GET " + path);
  PaymentRead read = read_payment(payment);
  if (read.event.payment_ref != "helloasso:" + std::string(payment_id)) {
    payment["id"].fail("is not the payment asked for");
  }
  return completed(std::move(read), payment);
}

void Payments::list(std::int64_t from_ms, std::int64_t to_ms, const sdk::PaymentEventSink& emit) {
  const std::string path = "/v5/organizations/" + percent_encoded(organization_slug_) + "/payments";
  const Query period{{"from", cyclos::iso_utc(from_ms)},
                     {"to", cyclos::iso_utc(to_ms)},  // exclusive, as the spec says
                     {"pageSize", std::to_string(page_size_)},
                     {"sortOrder", "Asc"}};
  Query query = period;
  std::string previous;
  for (int page = 1;; ++page) {
    const boost::json::value body = api_.get(path, query);
    const JsonField answer(body, "GET " + path + " (page " + std::to_string(page) + ")");
    const auto data = answer["data"].items();
    for (const JsonField& item : data) emit(completed(read_payment(item), item));
    const JsonField pagination = answer["pagination"];
    if (data.empty() || !pagination.present()) return;
    if (pagination["pageIndex"].present() && pagination["totalPages"].present() &&
        pagination["pageIndex"].integer() >= pagination["totalPages"].integer()) {
      return;
    }
    const JsonField token = pagination["continuationToken"];
    const std::string next = token.optional_text().value_or("");
    if (next.empty()) return;
    // A token that does not move would page forever.
    if (next == previous) token.fail("repeats the previous page's");
    previous = next;
    query = period;
    query.emplace_back("continuationToken", next);
  }
}

}  // namespace caisse::adapters::helloasso
