#include "merchants/tagged_purchases.hpp"

#include <charconv>

#include "merchants/period.hpp"

namespace caisse::host::merchants {
namespace {

// Keyset by household id, so a month of many households is read a batch at a time. The sum is
// cast back to bigint: a total that overflows it is an error, never a wrapped amount.
constexpr const char* kTaggedTotals = R"sql(
SELECT p.household_id, h.adults, h.children, sum(p.amount_minor)::bigint
  FROM purchases p
  JOIN registry_merchants m ON m.caisse_id = p.caisse_id AND m.id = p.merchant_id
  JOIN registry_households h ON h.caisse_id = p.caisse_id AND h.id = p.household_id
 WHERE p.caisse_id = $1
   AND p.paid_at >= timestamptz 'epoch' + $2::bigint * interval '1 millisecond'
   AND p.paid_at < timestamptz 'epoch' + $3::bigint * interval '1 millisecond'
   AND p.currency = $4 AND p.merchant_accredited AND m.bonus AND p.household_id > $5
 GROUP BY p.household_id, h.adults, h.children
 ORDER BY p.household_id
 LIMIT $6
)sql";

std::int64_t to_int64(std::string_view text) {
  std::int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

}  // namespace

Result<void> StoredTaggedPurchases::for_each_batch(Month month, std::size_t batch_size,
                                                   const cycle::TaggedPurchaseBatch& batch) {
  const Period period = month_period(month);
  std::string after;
  for (;;) {
    auto r = db_.exec_params(kTaggedTotals, {caisse_id_, std::to_string(period.from_ms()),
                                             std::to_string(period.to_ms()), currency_, after,
                                             std::to_string(batch_size)});
    if (!r) return r.error();
    if (r->rows() == 0) return {};
    std::vector<cycle::TaggedPurchases> households;
    households.reserve(static_cast<std::size_t>(r->rows()));
    for (int i = 0; i < r->rows(); ++i) {
      households.push_back(
          {std::string(r->get(i, 0)), static_cast<std::uint32_t>(to_int64(r->get(i, 1))),
           static_cast<std::uint32_t>(to_int64(r->get(i, 2))), to_int64(r->get(i, 3))});
    }
    after = households.back().household_id;
    if (auto handled = batch(households); !handled) return handled;
  }
}

}  // namespace caisse::host::merchants
