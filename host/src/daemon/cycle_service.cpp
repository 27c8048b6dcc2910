#include "daemon/cycle_service.hpp"

#include <spdlog/spdlog.h>

#include "cycle/bonus_draft.hpp"
#include "cycle/plugin_ports.hpp"
#include "ledger/date.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::daemon {
namespace {

constexpr auto kConnectionWait = std::chrono::seconds(10);

}  // namespace

Result<CycleStep> parse_cycle_step(std::string_view name) {
  if (name == "compute") return CycleStep::compute;
  if (name == "approve") return CycleStep::approve;
  if (name == "dispatch") return CycleStep::dispatch;
  if (name == "reconcile") return CycleStep::reconcile;
  if (name == "close") return CycleStep::close;
  return make_error(
      "no cycle step \"" + std::string(name) + "\": compute, approve, dispatch, reconcile or close",
      ErrorKind::not_found);
}

CycleService::CycleService(const config::DaemonConfig& config, const PluginCatalog& catalog,
                           store::ConnectionPool& pool, CycleBooks books)
    : catalog_(catalog),
      pool_(pool),
      books_(std::move(books)),
      batch_size_(config.dispatch_batch_size) {
  for (const auto& caisse : config.caisses) {
    caisses_.emplace(caisse.id, Caisse{&caisse, std::make_unique<std::mutex>()});
  }
}

const config::CaisseConfig* CycleService::find_caisse(std::string_view caisse_id) const {
  auto found = caisses_.find(caisse_id);
  return found == caisses_.end() ? nullptr : found->second.config;
}

plugins::PluginInstance* CycleService::running(const config::CaisseConfig& caisse,
                                               std::string_view instance) const {
  const InstanceRecord* record = catalog_.find_instance(caisse.id, instance);
  return record == nullptr ? nullptr : record->running.get();
}

Result<CycleService::RunningRule> CycleService::rule_in_force(const config::CaisseConfig& caisse,
                                                              config::RuleKind kind,
                                                              Month month) const {
  const std::string kind_name = config::rule_kind_name(kind);
  const config::RuleVersion* rule = caisse.rule_in_force(kind, month);
  if (rule == nullptr) {
    return make_error("caisse " + caisse.id + " has no " + kind_name + " rule in force for " +
                          month.to_string() + " ([[rules." + kind_name + "]])",
                      ErrorKind::conflict);
  }
  plugins::PluginInstance* instance = running(caisse, rule->instance);
  if (instance == nullptr) {
    return make_error(kind_name + " rule " + caisse.id + "/" + rule->instance +
                          " is not running (caissectl plugin list says why)",
                      ErrorKind::unavailable);
  }
  return RunningRule{instance, cycle::rule_version_label(*instance, rule->from)};
}

template <class Work>
auto CycleService::with_caisse(std::string_view caisse_id, Work&& work)
    -> decltype(work(std::declval<const config::CaisseConfig&>(),
                     std::declval<store::PgConnection&>())) {
  auto found = caisses_.find(caisse_id);
  if (found == caisses_.end()) {
    return make_error("no caisse \"" + std::string(caisse_id) + "\" in this daemon",
                      ErrorKind::not_found);
  }
  std::lock_guard lock(*found->second.lock);
  auto lease = pool_.acquire(kConnectionWait);
  if (!lease) return Error{lease.error().message, ErrorKind::unavailable};
  return work(*found->second.config, **lease);
}

Result<cycle::CycleSummary> CycleService::run(std::string_view caisse_id, Month month,
                                              CycleStep step_kind, std::string_view actor,
                                              cycle::CycleKind kind) {
  return with_caisse(caisse_id, [&](const config::CaisseConfig& caisse, store::PgConnection& db) {
    auto result = step(caisse, db, month, step_kind, actor, kind);
    if (result) {
      spdlog::info("event=cycle_step kind={} caisse={} month={} actor={} state={} total_minor={}",
                   cycle::kind_name(kind), caisse.id, month.to_string(), actor,
                   cycle::state_name(result->state), result->total_minor);
      if (result->late) {
        spdlog::warn(
            "event=bonus_late caisse={} month={} due_on={} lines={} amount_minor={} days={}",
            caisse.id, month.to_string(), result->due_on.value_or(""), result->late->lines,
            result->late->amount_minor, result->late->days);
      }
    } else {
      spdlog::warn("event=cycle_step_refused kind={} caisse={} month={} actor={} reason=\"{}\"",
                   cycle::kind_name(kind), caisse.id, month.to_string(), actor,
                   result.error().message);
    }
    return result;
  });
}

Result<ContributionSuggestion> CycleService::suggest_contribution(
    std::string_view caisse_id, Month month, const plugins::ContributionInput& household) {
  return with_caisse(caisse_id,
                     [&](const config::CaisseConfig& caisse,
                         store::PgConnection&) -> Result<ContributionSuggestion> {
                       auto rule =
                           rule_in_force(caisse, config::RuleKind::contribution_grid, month);
                       if (!rule) return rule.error();
                       auto amount = rule->instance->suggest_contribution(household);
                       if (!amount) return Error{amount.error().message, ErrorKind::invalid};
                       return ContributionSuggestion{*amount, rule->label};
                     });
}

// An allocation draft is every active household with the allocation rule's amount; a bonus draft
// the households whose purchases at bonus merchants earn something under the bonus rule, due
// [bonus] pay_within_days after the month.
Result<cycle::CycleSummary> CycleService::compute(const config::CaisseConfig& caisse,
                                                  store::PgConnection& db,
                                                  cycle::AllocationCycle& cycle, Month month,
                                                  std::string_view actor,
                                                  cycle::CycleLedger& ledger) {
  if (cycle.kind() == cycle::CycleKind::bonus) {
    auto rule = rule_in_force(caisse, config::RuleKind::bonus, month);
    if (!rule) return rule.error();
    cycle::PluginBonusRule bonus(*rule->instance, rule->label);
    auto purchases = books_.tagged_purchases(db, caisse);
    cycle::BonusDraft draft(*purchases, bonus, caisse.currency.code);
    return cycle.compute(month, actor, draft,
                         cycle::bonus_due_on(month, caisse.bonus.pay_within_days));
  }
  auto rule = rule_in_force(caisse, config::RuleKind::allocation, month);
  if (!rule) return rule.error();
  cycle::PluginAllocationRule allocation(*rule->instance, rule->label);
  auto households = books_.households(db, caisse);
  return cycle.compute(month, actor, *households, allocation, ledger);
}

Result<cycle::CycleSummary> CycleService::step(const config::CaisseConfig& caisse,
                                               store::PgConnection& db, Month month,
                                               CycleStep step_kind, std::string_view actor,
                                               cycle::CycleKind kind) {
  cycle::AllocationCycle cycle(caisse.id, caisse.currency.code, caisse.currency.minor_unit, db,
                               kind, today_);
  auto books = books_.ledger(db, caisse);
  if (!books) return books.error();
  cycle::CycleLedger* ledger = books->get();
  auto adapter = [&]() -> Result<plugins::PluginInstance*> {
    if (caisse.currency.adapter.empty()) {
      return make_error("caisse " + caisse.id + " has no currency adapter ([currency] adapter)",
                        ErrorKind::conflict);
    }
    plugins::PluginInstance* instance = running(caisse, caisse.currency.adapter);
    if (instance == nullptr) {
      return make_error("currency adapter " + caisse.id + "/" + caisse.currency.adapter +
                            " is not running (caissectl plugin list says why)",
                        ErrorKind::unavailable);
    }
    return instance;
  };
  switch (step_kind) {
    case CycleStep::compute:
      return compute(caisse, db, cycle, month, actor, *ledger);
    case CycleStep::approve:
      return cycle.approve(month, actor);
    case CycleStep::dispatch: {
      auto current = cycle.summary(month);
      if (!current) return current;
      if (current->state == cycle::CycleState::approved) {
        if (auto funded = cycle.fund(month, *ledger); !funded) return funded;
      }
      auto instance = adapter();
      if (!instance) return instance.error();
      cycle::PluginCurrencyGateway gateway(**instance);
      return cycle.dispatch(month, gateway, *ledger, batch_size_);
    }
    case CycleStep::reconcile: {
      auto instance = adapter();
      if (!instance) return instance.error();
      cycle::PluginCurrencyGateway gateway(**instance);
      return cycle.reconcile(month, gateway, *ledger, batch_size_);
    }
    case CycleStep::close:
      return cycle.close(month);
  }
  return make_error("unknown cycle step");
}

Result<cycle::CycleSummary> CycleService::summary(std::string_view caisse_id, Month month,
                                                  cycle::CycleKind kind) {
  return with_caisse(caisse_id, [&](const config::CaisseConfig& caisse, store::PgConnection& db) {
    cycle::AllocationCycle cycle(caisse.id, caisse.currency.code, caisse.currency.minor_unit, db,
                                 kind, today_);
    return cycle.summary(month);
  });
}

Result<void> CycleService::for_each_line(std::string_view caisse_id, Month month,
                                         const cycle::CycleLineBatch& batch,
                                         cycle::CycleKind kind) {
  return with_caisse(caisse_id, [&](const config::CaisseConfig& caisse, store::PgConnection& db) {
    cycle::AllocationCycle cycle(caisse.id, caisse.currency.code, caisse.currency.minor_unit, db,
                                 kind, today_);
    return cycle.for_each_line(month, 1000, batch);
  });
}

Result<std::vector<cycle::CycleSummary>> CycleService::late_bonuses(std::string_view caisse_id) {
  // Read only, so without the caisse's lock: /api/v1/status must answer during a long dispatch.
  auto found = caisses_.find(caisse_id);
  if (found == caisses_.end()) {
    return make_error("no caisse \"" + std::string(caisse_id) + "\" in this daemon",
                      ErrorKind::not_found);
  }
  auto lease = pool_.acquire(kConnectionWait);
  if (!lease) return Error{lease.error().message, ErrorKind::unavailable};
  return [&](const config::CaisseConfig& caisse,
             store::PgConnection& db) -> Result<std::vector<cycle::CycleSummary>> {
    // Candidates past their due date; summary() judges which still have open lines, the
    // same way the cycle's own status does.
    auto r = db.exec_params(
        "SELECT month FROM cycles WHERE caisse_id = $1 AND kind = 'bonus'"
        " AND state <> 'closed' AND due_on < $2::date ORDER BY month",
        {caisse.id, ledger::format_date(today_())});
    if (!r) return r.error();
    cycle::AllocationCycle cycle(caisse.id, caisse.currency.code, caisse.currency.minor_unit, db,
                                 cycle::CycleKind::bonus, today_);
    std::vector<cycle::CycleSummary> late;
    for (int i = 0; i < r->rows(); ++i) {
      auto month = parse_month(r->get(i, 0));
      if (!month) continue;
      auto s = cycle.summary(*month);
      if (!s) return s.error();
      if (s->late) late.push_back(std::move(*s));
    }
    return late;
  }(*found->second.config, **lease);
}

Result<ledger::MoneyIn> CycleService::money_in(std::string_view caisse_id, Month month) {
  return with_caisse(caisse_id, [&](const config::CaisseConfig& caisse, store::PgConnection& db) {
    return ledger::money_in(db, caisse.id, ledger::month_period(month), "EUR");
  });
}

Result<void> CycleService::with_caisse_locked(std::string_view caisse_id, const CaisseWork& work) {
  return with_caisse(caisse_id, work);
}

std::size_t CycleService::reconcile_dispatched() {
  std::size_t asked = 0;
  using Dispatched = std::pair<cycle::CycleKind, Month>;
  for (const auto& [id, slot] : caisses_) {
    auto cycles = with_caisse(
        id,
        [&](const config::CaisseConfig&,
            store::PgConnection& db) -> Result<std::vector<Dispatched>> {
          auto r = db.exec_params(
              "SELECT kind, month FROM cycles WHERE caisse_id = $1 AND state = 'dispatched'"
              " ORDER BY month, kind",
              {id});
          if (!r) return r.error();
          std::vector<Dispatched> out;
          for (int i = 0; i < r->rows(); ++i) {
            auto kind = cycle::parse_kind(r->get(i, 0));
            auto month = parse_month(r->get(i, 1));
            if (kind && month) out.emplace_back(*kind, *month);
          }
          return out;
        });
    if (!cycles) {
      spdlog::warn("event=janitor_failed caisse={} reason=\"{}\"", id, cycles.error().message);
      continue;
    }
    for (const auto& [kind, month] : *cycles) {
      ++asked;
      auto done = run(id, month, CycleStep::reconcile, "janitor", kind);
      if (!done) {
        spdlog::warn("event=janitor_failed kind={} caisse={} month={} reason=\"{}\"",
                     cycle::kind_name(kind), id, month.to_string(), done.error().message);
      }
    }
  }
  return asked;
}

}  // namespace caisse::host::daemon
