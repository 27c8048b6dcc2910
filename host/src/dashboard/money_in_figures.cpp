#include "dashboard/money_in_figures.hpp"

#include "dashboard/sql_numbers.hpp"

namespace caisse::host::dashboard {

Result<MoneyInFigures> money_in_figures(store::PgConnection& db, const config::CaisseConfig& caisse,
                                        Month month) {
  // The same call as CycleService::money_in, which the report answers with.
  auto received = ledger::money_in(db, caisse.id, ledger::month_period(month), "EUR");
  if (!received) return received.error();
  auto funders =
      db.exec_params("SELECT id, name FROM registry_funders WHERE caisse_id = $1", {caisse.id});
  if (!funders) return funders.error();
  MoneyInFigures figures{std::move(*received), {}};
  for (int r = 0; r < funders->rows(); ++r) {
    figures.funder_names[std::string(funders->get(r, 0))] = std::string(funders->get(r, 1));
  }
  return figures;
}

}  // namespace caisse::host::dashboard
