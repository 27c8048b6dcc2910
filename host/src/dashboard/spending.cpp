#include "dashboard/spending.hpp"

#include <algorithm>
#include <map>

#include "dashboard/sql_numbers.hpp"
#include "merchants/period.hpp"

namespace caisse::host::dashboard {
namespace {

// The purchases of caisse $1 paid by a household in [$2, $3) milliseconds since the epoch, the
// bounds merchants::month_period gives.
constexpr const char* kHouseholdPurchasesOfMonth =
    " FROM purchases p WHERE p.caisse_id = $1 AND p.household_id IS NOT NULL"
    " AND p.paid_at >= timestamptz 'epoch' + $2::bigint * interval '1 millisecond'"
    " AND p.paid_at < timestamptz 'epoch' + $3::bigint * interval '1 millisecond'";

std::string totals_sql() {
  return std::string(
             "SELECT coalesce(sum(p.amount_minor), 0), count(*),"
             " count(DISTINCT p.household_id)") +
         kHouseholdPurchasesOfMonth;
}

// Unresolved purchases are grouped by their reference alone: the dashboard shows a name, and
// the same reference at two instances is most likely the same place.
std::string by_merchant_sql() {
  return std::string(
             "SELECT p.merchant_id, coalesce(m.name, p.unresolved_ref), m.kind,"
             "       sum(p.amount_minor), count(*)"
             "  FROM (SELECT p.*,"
             "               CASE WHEN p.merchant_id IS NULL THEN p.merchant_ref END"
             "                 AS unresolved_ref") +
         kHouseholdPurchasesOfMonth +
         ") p"
         "  LEFT JOIN registry_merchants m ON m.caisse_id = p.caisse_id AND m.id = p.merchant_id"
         " GROUP BY p.merchant_id, m.name, m.kind, p.unresolved_ref"
         " ORDER BY 4 DESC, p.merchant_id NULLS LAST, p.unresolved_ref";
}

// Summed from the merchants' rows, so that the two charts always agree.
std::vector<KindSpending> by_kind(const std::vector<MerchantSpending>& merchants) {
  std::map<std::string, KindSpending> kinds;
  for (const auto& m : merchants) {
    std::string kind = m.kind.value_or(std::string(kUnknownKind));
    KindSpending& k = kinds[kind];
    k.kind = kind;
    k.amount_minor += m.amount_minor;
    k.purchases += m.purchases;
  }
  std::vector<KindSpending> out;
  for (auto& [kind, spending] : kinds) out.push_back(std::move(spending));
  // std::map gave them by kind: a stable sort by amount keeps that order among equal amounts.
  std::stable_sort(out.begin(), out.end(), [](const KindSpending& a, const KindSpending& b) {
    return a.amount_minor > b.amount_minor;
  });
  return out;
}

}  // namespace

Result<Spending> month_spending(store::PgConnection& db, std::string_view caisse_id, Month month) {
  const merchants::Period period = merchants::month_period(month);
  const std::vector<std::optional<std::string>> params{
      std::string(caisse_id), std::to_string(period.from_ms()), std::to_string(period.to_ms())};
  Spending spending;
  auto totals = db.exec_params(totals_sql(), params);
  if (!totals) return totals.error();
  spending.amount_minor = int64_at(*totals, 0, 0);
  spending.purchases = int64_at(*totals, 0, 1);
  spending.households = int64_at(*totals, 0, 2);

  auto merchants = db.exec_params(by_merchant_sql(), params);
  if (!merchants) return merchants.error();
  for (int r = 0; r < merchants->rows(); ++r) {
    spending.by_merchant.push_back({text_at(*merchants, r, 0), std::string(merchants->get(r, 1)),
                                    text_at(*merchants, r, 2), int64_at(*merchants, r, 3),
                                    int64_at(*merchants, r, 4)});
  }
  spending.by_kind = by_kind(spending.by_merchant);
  return spending;
}

}  // namespace caisse::host::dashboard
