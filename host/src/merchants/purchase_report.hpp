// A month of purchases for the committee and the evaluation: totals, totals per merchant, and
// every purchase made at a merchant the caisse did not accredit when the purchase was imported
// (suspended, or never accredited) or does not know (its backend reference is in no
// ref:<instance> column). Households appear by their pseudonymous id only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/month.hpp"
#include "core/result.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::merchants {

struct PurchaseTotals {
  std::int64_t purchases = 0;
  std::int64_t amount_minor = 0;
  std::int64_t households = 0;         // distinct paying households
  std::int64_t without_household = 0;  // purchases whose payer is not a household
  std::int64_t flagged = 0;            // purchases at a merchant not accredited or unknown
  std::int64_t flagged_amount_minor = 0;
};

// One merchant's month. A merchant the caisse does not know is one row per instance and
// merchant_ref, with no merchant_id.
struct MerchantMonth {
  std::optional<std::string> merchant_id;
  std::optional<std::string> name;
  std::optional<std::string> instance;      // for an unknown merchant only
  std::optional<std::string> merchant_ref;  // for an unknown merchant only
  PurchaseTotals totals;
};

enum class FlagReason { merchant_suspended, unknown_merchant };

// "merchant suspended", "unknown merchant".
const char* flag_reason_text(FlagReason reason);

struct FlaggedPurchase {
  std::string instance;
  std::string external_ref;
  std::optional<std::string> household_id;
  std::string merchant_ref;
  std::optional<std::string> merchant_id;
  std::int64_t amount_minor = 0;
  std::string currency;
  std::string paid_at;  // UTC, RFC 3339: "2026-11-12T10:00:00Z"
  FlagReason reason = FlagReason::unknown_merchant;
};

struct PurchaseReport {
  PurchaseTotals totals;
  std::vector<MerchantMonth> merchants;  // known merchants by id, then unknown ones
  std::vector<FlaggedPurchase> flagged;  // by paid_at, instance, external_ref
};

// Purchases paid during `month` (UTC days, period.hpp).
Result<PurchaseReport> purchase_report(store::PgConnection& db, std::string_view caisse_id,
                                       Month month);

}  // namespace caisse::host::merchants
