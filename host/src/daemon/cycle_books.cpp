#include "daemon/cycle_books.hpp"

#include "cycle/book_ledger.hpp"
#include "merchants/tagged_purchases.hpp"
#include "registry/registry.hpp"

namespace caisse::host::daemon {

CycleBooks registry_and_ledger_books() {
  CycleBooks books;
  books.households =
      [](store::PgConnection& db,
         const config::CaisseConfig& caisse) -> std::unique_ptr<cycle::HouseholdSource> {
    return std::make_unique<registry::RegistryHouseholdSource>(db, caisse.id);
  };
  books.ledger =
      [](store::PgConnection& db,
         const config::CaisseConfig& caisse) -> Result<std::unique_ptr<cycle::CycleLedger>> {
    auto operations_only = registry::operations_only_funders(db, caisse.id);
    if (!operations_only) return operations_only.error();
    return std::unique_ptr<cycle::CycleLedger>(
        std::make_unique<cycle::BookLedger>(db, caisse, std::move(operations_only.value())));
  };
  books.tagged_purchases =
      [](store::PgConnection& db,
         const config::CaisseConfig& caisse) -> std::unique_ptr<cycle::TaggedPurchaseSource> {
    return std::make_unique<merchants::StoredTaggedPurchases>(db, caisse.id, caisse.currency.code);
  };
  return books;
}

}  // namespace caisse::host::daemon
