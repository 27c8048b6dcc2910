#include "transfer_search.hpp"

#include <boost/json.hpp>

#include "answer_reading.hpp"
#include "iso_time.hpp"

namespace caisse::adapters::cyclos {
namespace {

// A peer that always says "there is more" must not keep the janitor paging forever.
constexpr int kMaxPages = 10000;

}  // namespace

void TransferSearch::each(
    const Query& filters,
    const std::function<bool(const boost::json::object& transfer)>& visit) const {
  for (int page = 0; page < kMaxPages; ++page) {
    Query query = filters;
    query.emplace_back("page", std::to_string(page));
    query.emplace_back("pageSize", std::to_string(page_size_));
    const std::string what = "GET /transfers page " + std::to_string(page);
    const Answer answer = api_.get("/transfers", query);
    if (answer.delivery != Delivery::answered) {
      throw sdk::StatusError(CAISSE_STATUS_UNAVAILABLE, what + ": " + answer.reason);
    }
    if (answer.response.status != 200) {
      throw sdk::StatusError(CAISSE_STATUS_UNAVAILABLE,
                             what + ": " + describe_status(answer.response));
    }
    try {
      const boost::json::value body = parse_body(answer.response, what);
      const boost::json::array& items = array_of(body, what);
      for (const boost::json::value& item : items) {
        if (!visit(object_of(item, what + " item"))) return;
      }
      if (items.empty() || !has_next_page(answer.response, items.size(), page_size_)) return;
    } catch (const MalformedAnswer& e) {
      throw sdk::StatusError(CAISSE_STATUS_UNAVAILABLE, e.what());
    }
  }
  throw sdk::StatusError(CAISSE_STATUS_UNAVAILABLE, "GET /transfers: still a next page after " +
                                                        std::to_string(kMaxPages) +
                                                        " pages; narrow the search");
}

std::optional<FoundTransfer> TransferSearch::find_by_custom_field(std::string_view field,
                                                                  std::string_view operation_id,
                                                                  std::int64_t since_ms) const {
  std::optional<FoundTransfer> found;
  each({{"customFields", std::string(field) + ":" + std::string(operation_id)},
        {"datePeriod", iso_utc(since_ms)},
        {"kinds", "payment"}},
       [&](const boost::json::object& transfer) {
         const boost::json::value* values = transfer.if_contains("customValues");
         if (values == nullptr || !values->is_object()) return true;
         const boost::json::value* value = values->get_object().if_contains(field);
         if (value == nullptr || !value->is_string() || value->get_string() != operation_id) {
           return true;
         }
         const std::string what = "GET /transfers";
         FoundTransfer transfer_found;
         transfer_found.id = string_member(transfer, "id", what);
         transfer_found.reference =
             optional_string(transfer, "transactionNumber", what).value_or(transfer_found.id);
         found = std::move(transfer_found);
         return false;
       });
  return found;
}

}  // namespace caisse::adapters::cyclos
