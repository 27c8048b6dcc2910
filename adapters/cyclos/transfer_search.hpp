// GET /transfers (searchTransfers), page after page: the one way to learn what Cyclos did, since
// it pushes nothing and has no idempotency key. Used to find an allocation by the operation id
// stored in a transaction custom field, and to list purchases.
#pragma once

#include <boost/json/fwd.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "cyclos_api.hpp"

namespace caisse::adapters::cyclos {

// One system payment found by its operation id.
struct FoundTransfer {
  std::string id;
  std::string reference;  // transactionNumber when Cyclos numbers transactions, the id otherwise
};

class TransferSearch {
 public:
  TransferSearch(const CyclosApi& api, int page_size) : api_(api), page_size_(page_size) {}

  // Calls visit for each TransferResult matching `filters`, page after page, until the last
  // page or until visit returns false. Throws sdk::StatusError(UNAVAILABLE) naming the page when
  // one cannot be read (Cyclos unreachable, an error status, a body that is not the spec's).
  void each(const Query& filters,
            const std::function<bool(const boost::json::object& transfer)>& visit) const;

  // The transfer whose custom field `field` holds exactly `operation_id`, among those dated from
  // `since_ms` on. Cyclos may match custom field text loosely, so the value is compared here too.
  std::optional<FoundTransfer> find_by_custom_field(std::string_view field,
                                                    std::string_view operation_id,
                                                    std::int64_t since_ms) const;

 private:
  const CyclosApi& api_;
  int page_size_;
};

}  // namespace caisse::adapters::cyclos
