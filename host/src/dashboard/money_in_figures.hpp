// Money in for the dashboard: the euros received during the month exactly as the cycle report
// counts them (ledger::money_in over the calendar month, EUR), and the name of each funder in the
// registry, so that a grant reads "Ville de Nantes" and not only "F-1". Funders are public
// bodies or foundations, never people: their names are not personal data.
#pragma once

#include <map>
#include <string>

#include "config/daemon_config.hpp"
#include "core/month.hpp"
#include "core/result.hpp"
#include "ledger/balances.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::dashboard {

struct MoneyInFigures {
  ledger::MoneyIn received;
  std::map<std::string, std::string> funder_names;  // funder id -> name, every funder of the caisse
};

Result<MoneyInFigures> money_in_figures(store::PgConnection& db, const config::CaisseConfig& caisse,
                                        Month month);

}  // namespace caisse::host::dashboard
