#include "merchants/purchase_store.hpp"

#include <algorithm>
#include <span>

#include "store/text_array.hpp"
#include "store/transaction.hpp"

namespace caisse::host::merchants {
namespace {

// Purchases written per statement: a month of a large caisse is hundreds of thousands.
constexpr std::size_t kBatchSize = 1000;

// The merchant is looked up as the purchase is written, so its accreditation is the one in
// force now; an unknown merchant_ref leaves merchant_id NULL and merchant_accredited false.
constexpr const char* kInsert = R"sql(
INSERT INTO purchases (caisse_id, instance, external_ref, household_id, merchant_ref, merchant_id,
                       amount_minor, currency, paid_at, merchant_accredited)
SELECT $1, $2, p.external_ref, NULLIF(p.household_id, ''), p.merchant_ref, m.id, p.amount_minor,
       p.currency, timestamptz 'epoch' + p.paid_at_ms * interval '1 millisecond',
       coalesce(m.accredited, false)
  FROM unnest($3::text[], $4::text[], $5::text[], $6::bigint[], $7::text[], $8::bigint[])
       AS p(external_ref, household_id, merchant_ref, amount_minor, currency, paid_at_ms)
  LEFT JOIN registry_merchant_refs r
         ON r.caisse_id = $1 AND r.instance = $2 AND r.backend_ref = p.merchant_ref
  LEFT JOIN registry_merchants m ON m.caisse_id = r.caisse_id AND m.id = r.merchant_id
ON CONFLICT (caisse_id, instance, external_ref) DO NOTHING
)sql";

constexpr const char* kResolve = R"sql(
UPDATE purchases p SET merchant_id = m.id, merchant_accredited = m.accredited
  FROM registry_merchant_refs r
  JOIN registry_merchants m ON m.caisse_id = r.caisse_id AND m.id = r.merchant_id
 WHERE p.caisse_id = $1 AND p.instance = $2 AND p.merchant_id IS NULL
   AND r.caisse_id = $1 AND r.instance = $2 AND r.backend_ref = p.merchant_ref
   AND p.paid_at >= timestamptz 'epoch' + $3::bigint * interval '1 millisecond'
   AND p.paid_at < timestamptz 'epoch' + $4::bigint * interval '1 millisecond'
)sql";

Result<void> check_currency(const config::CaisseConfig& caisse, std::string_view instance,
                            const std::vector<plugins::Purchase>& purchases) {
  for (const auto& purchase : purchases) {
    if (purchase.amount.currency == caisse.currency.code) continue;
    return make_error(std::string(instance) + ": purchase \"" + purchase.external_ref +
                          "\" is in " + purchase.amount.currency + ", the currency of caisse " +
                          caisse.id + " is " + caisse.currency.code +
                          " (check the instance's configuration)",
                      ErrorKind::invalid);
  }
  return {};
}

Result<std::size_t> insert_batch(store::PgConnection& db, const std::string& caisse_id,
                                 std::string_view instance,
                                 std::span<const plugins::Purchase> batch) {
  std::vector<std::string> refs, households, merchants, amounts, currencies, paid;
  for (const auto& purchase : batch) {
    refs.push_back(purchase.external_ref);
    households.push_back(purchase.household_id);
    merchants.push_back(purchase.merchant_ref);
    amounts.push_back(std::to_string(purchase.amount.minor));
    currencies.push_back(purchase.amount.currency);
    paid.push_back(std::to_string(purchase.paid_at_ms));
  }
  auto done = db.exec_params(kInsert, {caisse_id, std::string(instance), store::text_array(refs),
                                       store::text_array(households), store::text_array(merchants),
                                       store::text_array(amounts), store::text_array(currencies),
                                       store::text_array(paid)});
  if (!done) return done.error();
  return static_cast<std::size_t>(done->affected_rows());
}

}  // namespace

Result<StoredPurchases> store_purchases(store::PgConnection& db, const config::CaisseConfig& caisse,
                                        std::string_view instance, const Period& period,
                                        const std::vector<plugins::Purchase>& purchases) {
  if (auto same = check_currency(caisse, instance, purchases); !same) return same.error();
  auto transaction = store::Transaction::begin(db);
  if (!transaction) return transaction.error();

  StoredPurchases stored;
  auto resolved =
      db.exec_params(kResolve, {caisse.id, std::string(instance), std::to_string(period.from_ms()),
                                std::to_string(period.to_ms())});
  if (!resolved) return resolved.error();
  stored.resolved = static_cast<std::size_t>(resolved->affected_rows());

  const std::span<const plugins::Purchase> all(purchases);
  for (std::size_t start = 0; start < all.size(); start += kBatchSize) {
    auto fresh = insert_batch(db, caisse.id, instance,
                              all.subspan(start, std::min(kBatchSize, all.size() - start)));
    if (!fresh) return fresh.error();
    stored.fresh += *fresh;
  }
  stored.already_known = purchases.size() - stored.fresh;
  if (auto committed = transaction->commit(); !committed) return committed.error();
  return stored;
}

}  // namespace caisse::host::merchants
