// Runs the steps of the monthly cycles (allocations, and bonuses: docs/bonus.md) for the caisses
// this daemon hosts: finds the caisse, the rule in force for the month and the currency adapter
// among the running plugin instances, takes a database connection, and serialises the steps of one
// caisse (a plugin instance is called from one thread at a time, and two dispatches of one caisse
// must not interleave). Caisses never share anything: each has its own lock, rule, adapter and
// rows.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "config/daemon_config.hpp"
#include "core/month.hpp"
#include "core/result.hpp"
#include "cycle/allocation_cycle.hpp"
#include "daemon/plugin_catalog.hpp"
#include "ledger/balances.hpp"
#include "plugins/role_values.hpp"
#include "store/connection_pool.hpp"

namespace caisse::host::daemon {

// What a cycle needs of the registry and of the ledger for one caisse, made on the connection
// the step runs on.
struct CycleBooks {
  std::function<std::unique_ptr<cycle::HouseholdSource>(store::PgConnection&,
                                                        const config::CaisseConfig&)>
      households;
  std::function<Result<std::unique_ptr<cycle::CycleLedger>>(store::PgConnection&,
                                                            const config::CaisseConfig&)>
      ledger;
  // The purchases that earn a bonus (bonus cycles only).
  std::function<std::unique_ptr<cycle::TaggedPurchaseSource>(store::PgConnection&,
                                                             const config::CaisseConfig&)>
      tagged_purchases;
};

// What a caisse's contribution grid suggests for a household: the monthly amount in euro cents
// and the rule version that computed it, as a cycle line records it.
struct ContributionSuggestion {
  std::int64_t amount_minor = 0;
  std::string rule;
};

enum class CycleStep { compute, approve, dispatch, reconcile, close };

// "compute", "approve", "dispatch", "reconcile", "close".
Result<CycleStep> parse_cycle_step(std::string_view name);

class CycleService {
 public:
  // Everything passed must outlive the service.
  CycleService(const config::DaemonConfig& config, const PluginCatalog& catalog,
               store::ConnectionPool& pool, CycleBooks books);

  // `actor` is who asks (an admin token's name): it is recorded, and approval needs another one
  // than computation. Dispatch checks the funding first when the cycle is only approved.
  Result<cycle::CycleSummary> run(std::string_view caisse_id, Month month, CycleStep step,
                                  std::string_view actor,
                                  cycle::CycleKind kind = cycle::CycleKind::allocation);

  Result<cycle::CycleSummary> summary(std::string_view caisse_id, Month month,
                                      cycle::CycleKind kind = cycle::CycleKind::allocation);

  // Every line of the month, in household order, in batches.
  Result<void> for_each_line(std::string_view caisse_id, Month month,
                             const cycle::CycleLineBatch& batch,
                             cycle::CycleKind kind = cycle::CycleKind::allocation);

  // The caisse's bonus cycles with lines still open after their due date, oldest first.
  Result<std::vector<cycle::CycleSummary>> late_bonuses(std::string_view caisse_id);

  // Euros received during the month, by source and funder (the report's money in).
  Result<ledger::MoneyIn> money_in(std::string_view caisse_id, Month month);

  // Runs `work` while no step of this caisse runs, on a leased connection: imports must not
  // change the households under a cycle being computed.
  using CaisseWork = std::function<Result<void>(const config::CaisseConfig&, store::PgConnection&)>;
  Result<void> with_caisse_locked(std::string_view caisse_id, const CaisseWork& work);

  // One round of the janitor: asks the currency adapters about the PENDING and UNKNOWN lines of
  // every dispatched cycle. Returns the cycles it looked at; failures are logged, not fatal.
  std::size_t reconcile_dispatched();

  // The contribution the grid in force for `month` ([[rules.contribution_grid]]) suggests for
  // `household`: conflict when the caisse has none, invalid when the grid cannot handle the
  // household (a value it needs was not declared).
  Result<ContributionSuggestion> suggest_contribution(std::string_view caisse_id, Month month,
                                                      const plugins::ContributionInput& household);

  const config::CaisseConfig* find_caisse(std::string_view caisse_id) const;

 private:
  struct Caisse {
    const config::CaisseConfig* config;
    std::unique_ptr<std::mutex> lock;
  };

  // Runs `work` with the caisse locked and a connection leased.
  template <class Work>
  auto with_caisse(std::string_view caisse_id, Work&& work)
      -> decltype(work(std::declval<const config::CaisseConfig&>(),
                       std::declval<store::PgConnection&>()));

  Result<cycle::CycleSummary> step(const config::CaisseConfig& caisse, store::PgConnection& db,
                                   Month month, CycleStep step, std::string_view actor,
                                   cycle::CycleKind kind);
  Result<cycle::CycleSummary> compute(const config::CaisseConfig& caisse, store::PgConnection& db,
                                      cycle::AllocationCycle& cycle, Month month,
                                      std::string_view actor, cycle::CycleLedger& ledger);
  plugins::PluginInstance* running(const config::CaisseConfig& caisse,
                                   std::string_view instance) const;
  struct RunningRule {
    plugins::PluginInstance* instance;
    std::string label;  // cycle::rule_version_label
  };
  Result<RunningRule> rule_in_force(const config::CaisseConfig& caisse, config::RuleKind kind,
                                    Month month) const;

  const PluginCatalog& catalog_;
  store::ConnectionPool& pool_;
  CycleBooks books_;
  cycle::Today today_ = cycle::system_today;  // judges whether a bonus is late
  std::size_t batch_size_;  // [daemon] dispatch_batch_size, for dispatch and reconcile
  std::map<std::string, Caisse, std::less<>> caisses_;
};

}  // namespace caisse::host::daemon
