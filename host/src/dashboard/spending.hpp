// What the caisse's households spent during a month, in the caisse's currency: in total, by
// merchant and by kind of merchant. A purchase belongs to the month of its paid_at in UTC, as
// the purchase report and the bonus cycle count it (merchants/period.hpp). Only purchases paid
// by a household of the caisse count (household_id set): a payer the backend does not know as a
// household (a merchant paying another) spends no allocation. Purchases at a merchant reference
// no ref:<instance> column resolves stay visible, under that reference and the kind "unknown".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/month.hpp"
#include "core/result.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::dashboard {

// The kind given to purchases at a merchant reference the caisse cannot resolve.
inline constexpr std::string_view kUnknownKind = "unknown";

struct MerchantSpending {
  std::optional<std::string> merchant_id;  // nullopt: unresolved
  std::string name;                        // the merchant's name, or the backend's merchant_ref
  std::optional<std::string> kind;         // nullopt: unresolved
  std::int64_t amount_minor = 0;
  std::int64_t purchases = 0;
};

struct KindSpending {
  std::string kind;  // a merchant kind (registry/formats.hpp), or kUnknownKind
  std::int64_t amount_minor = 0;
  std::int64_t purchases = 0;
};

struct Spending {
  std::int64_t amount_minor = 0;
  std::int64_t purchases = 0;
  std::int64_t households = 0;  // distinct households that spent
  // By amount, largest first, then by merchant id (unresolved ones last, by reference).
  std::vector<MerchantSpending> by_merchant;
  // By amount, largest first, then by kind.
  std::vector<KindSpending> by_kind;
};

Result<Spending> month_spending(store::PgConnection& db, std::string_view caisse_id, Month month);

}  // namespace caisse::host::dashboard
