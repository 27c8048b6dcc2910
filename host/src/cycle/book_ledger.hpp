// The cycle's money side on the caisse's double-entry book (host/src/ledger): the funds a month
// may issue, the month's contributions, and one posting per credited line
// (member_balances +x / currency_issued -x, keyed by the line's operation id). Allocations and
// bonuses post alike and draw on the same funds: what a bonus issues is no longer available to
// later allocations.
#pragma once

#include <set>
#include <string>

#include "config/daemon_config.hpp"
#include "cycle/cycle_ports.hpp"

namespace caisse::host::cycle {

class BookLedger final : public CycleLedger {
 public:
  // `operations_only` lists funders whose grants pay for the caisse's running costs and must not
  // be issued as allocations (their earmark, kept in the registry).
  BookLedger(store::PgConnection& db, const config::CaisseConfig& caisse,
             std::set<std::string> operations_only = {});

  // Contributions and allocation grants received up to the end of `month`, at parity, less the
  // currency issued so far.
  Result<std::int64_t> funds_available(Month month) override;
  Result<std::int64_t> month_contributions(Month month) override;
  Result<void> record_issuances(store::PgConnection& db,
                                const std::vector<Issuance>& issuances) override;

 private:
  Result<void> open_chart();

  store::PgConnection& db_;
  const config::CaisseConfig& caisse_;
  std::set<std::string> operations_only_;
};

}  // namespace caisse::host::cycle
