// The purchases that earn a bonus, as a bonus cycle reads them (docs/bonus.md): a household's
// purchases of the month (UTC, like the purchase report) at merchants the caisse flags `bonus`
// and that were accredited when the purchase was imported (purchases.merchant_accredited, the
// judgement the purchase report flags by), in the caisse's currency. A payer the registry does
// not know as a household earns nothing: the bonus is paid to households of the caisse only.
#pragma once

#include <string>

#include "cycle/cycle_ports.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::merchants {

class StoredTaggedPurchases final : public cycle::TaggedPurchaseSource {
 public:
  // `db` must outlive the source; it is read inside the caller's transaction.
  StoredTaggedPurchases(store::PgConnection& db, std::string caisse_id, std::string currency)
      : db_(db), caisse_id_(std::move(caisse_id)), currency_(std::move(currency)) {}

  Result<void> for_each_batch(Month month, std::size_t batch_size,
                              const cycle::TaggedPurchaseBatch& batch) override;

 private:
  store::PgConnection& db_;
  std::string caisse_id_;
  std::string currency_;
};

}  // namespace caisse::host::merchants
