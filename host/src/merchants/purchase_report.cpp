#include "merchants/purchase_report.hpp"

#include <string>

#include "merchants/period.hpp"

namespace caisse::host::merchants {
namespace {

// The aggregates of PurchaseTotals, in its order, over rows of `purchases` named p. A purchase
// is flagged when its merchant was not accredited at import, which includes unknown merchants.
constexpr const char* kTotalsColumns =
    " count(*), coalesce(sum(p.amount_minor), 0), count(DISTINCT p.household_id),"
    " count(*) FILTER (WHERE p.household_id IS NULL),"
    " count(*) FILTER (WHERE NOT p.merchant_accredited),"
    " coalesce(sum(p.amount_minor) FILTER (WHERE NOT p.merchant_accredited), 0)";
constexpr int kTotalsColumnCount = 6;

// The month's purchases of caisse $1: paid_at in [$2, $3) milliseconds since the epoch.
constexpr const char* kPurchasesOfMonth =
    " FROM purchases p WHERE p.caisse_id = $1"
    " AND p.paid_at >= timestamptz 'epoch' + $2::bigint * interval '1 millisecond'"
    " AND p.paid_at < timestamptz 'epoch' + $3::bigint * interval '1 millisecond'";

std::string totals_sql() {
  return std::string("SELECT") + kTotalsColumns + kPurchasesOfMonth;
}

// Unknown merchants are told apart by instance and merchant_ref.
std::string by_merchant_sql() {
  return std::string("SELECT p.merchant_id, m.name, p.unknown_instance, p.unknown_ref,") +
         kTotalsColumns +
         "  FROM (SELECT p.*,"
         "               CASE WHEN p.merchant_id IS NULL THEN p.instance END AS unknown_instance,"
         "               CASE WHEN p.merchant_id IS NULL THEN p.merchant_ref END AS unknown_ref" +
         kPurchasesOfMonth +
         ") p"
         "  LEFT JOIN registry_merchants m ON m.caisse_id = p.caisse_id AND m.id = p.merchant_id"
         " GROUP BY p.merchant_id, m.name, p.unknown_instance, p.unknown_ref"
         " ORDER BY p.merchant_id NULLS LAST, p.unknown_instance, p.unknown_ref";
}

std::string flagged_sql() {
  return std::string(
             "SELECT p.instance, p.external_ref, p.household_id, p.merchant_ref, p.merchant_id,"
             "       p.amount_minor, p.currency,"
             "       to_char(p.paid_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')") +
         kPurchasesOfMonth +
         " AND NOT p.merchant_accredited"
         " ORDER BY p.paid_at, p.instance, p.external_ref";
}

std::int64_t number(const store::PgResult& rows, int row, int column) {
  return std::stoll(std::string(rows.get(row, column)));
}

std::optional<std::string> nullable(const store::PgResult& rows, int row, int column) {
  if (rows.is_null(row, column)) return std::nullopt;
  return std::string(rows.get(row, column));
}

PurchaseTotals totals_at(const store::PgResult& rows, int row, int first) {
  PurchaseTotals t;
  std::int64_t* fields[kTotalsColumnCount] = {&t.purchases,  &t.amount_minor,
                                              &t.households, &t.without_household,
                                              &t.flagged,    &t.flagged_amount_minor};
  for (int i = 0; i < kTotalsColumnCount; ++i) *fields[i] = number(rows, row, first + i);
  return t;
}

}  // namespace

const char* flag_reason_text(FlagReason reason) {
  switch (reason) {
    case FlagReason::merchant_suspended:
      return "merchant suspended";
    case FlagReason::unknown_merchant:
      break;
  }
  return "unknown merchant";
}

Result<PurchaseReport> purchase_report(store::PgConnection& db, std::string_view caisse_id,
                                       Month month) {
  const Period period = month_period(month);
  const std::vector<std::optional<std::string>> params{
      std::string(caisse_id), std::to_string(period.from_ms()), std::to_string(period.to_ms())};
  PurchaseReport report;

  auto totals = db.exec_params(totals_sql(), params);
  if (!totals) return totals.error();
  report.totals = totals_at(*totals, 0, 0);

  auto merchants = db.exec_params(by_merchant_sql(), params);
  if (!merchants) return merchants.error();
  for (int r = 0; r < merchants->rows(); ++r) {
    report.merchants.push_back({nullable(*merchants, r, 0), nullable(*merchants, r, 1),
                                nullable(*merchants, r, 2), nullable(*merchants, r, 3),
                                totals_at(*merchants, r, 4)});
  }

  auto flagged = db.exec_params(flagged_sql(), params);
  if (!flagged) return flagged.error();
  for (int r = 0; r < flagged->rows(); ++r) {
    auto merchant_id = nullable(*flagged, r, 4);
    report.flagged.push_back(
        {std::string(flagged->get(r, 0)), std::string(flagged->get(r, 1)), nullable(*flagged, r, 2),
         std::string(flagged->get(r, 3)), merchant_id, number(*flagged, r, 5),
         std::string(flagged->get(r, 6)), std::string(flagged->get(r, 7)),
         merchant_id ? FlagReason::merchant_suspended : FlagReason::unknown_merchant});
  }
  return report;
}

}  // namespace caisse::host::merchants
