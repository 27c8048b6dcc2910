#include "daemon/dashboard_answers.hpp"

#include <boost/json/array.hpp>

#include "daemon/cycle_answers.hpp"
#include "daemon/json_or_null.hpp"

namespace caisse::host::daemon {
namespace {

// What the dashboard's header needs to name the caisse and write its amounts.
boost::json::object caisse_identity(const config::CaisseConfig& caisse) {
  return {{"id", caisse.id},
          {"name", caisse.name},
          {"currency", caisse.currency.code},
          {"currency_name", caisse.currency.name},
          {"minor_unit", caisse.currency.minor_unit}};
}

boost::json::value cycle_or_null(const std::optional<cycle::CycleSummary>& summary,
                                 const config::CaisseConfig& caisse) {
  if (!summary) return nullptr;
  return cycle_summary_object(*summary, caisse.currency.minor_unit);
}

// The report's money in, each grant with the registry's name of its funder (null when the
// registry does not know it).
boost::json::array money_in_with_names(const dashboard::MoneyInFigures& figures) {
  boost::json::array items = money_in_array(figures.received);
  for (auto& item : items) {
    auto& object = item.as_object();
    const auto& funder = object.at("funder");
    if (!funder.is_string()) continue;
    auto name = figures.funder_names.find(std::string(funder.as_string()));
    object["funder_name"] = name == figures.funder_names.end() ? boost::json::value(nullptr)
                                                               : boost::json::value(name->second);
  }
  return items;
}

// The report's money out; a month without a cycle has credited nothing yet.
boost::json::array money_out(const std::optional<cycle::CycleSummary>& summary,
                             const config::CaisseConfig& caisse) {
  if (summary) return money_out_array(*summary);
  cycle::CycleSummary none;
  none.currency = caisse.currency.code;
  return money_out_array(none);
}

boost::json::object allocations_vs_spending(const dashboard::MonthDashboard& d,
                                            const config::CaisseConfig& caisse) {
  return {{"currency", caisse.currency.code},
          {"allocated_minor", d.cycle ? d.cycle->total_minor : 0},
          {"credited_minor", d.cycle ? credited_minor(*d.cycle) : 0},
          {"spent_minor", d.spending.amount_minor},
          {"purchases", d.spending.purchases},
          {"spending_households", d.spending.households}};
}

boost::json::array by_merchant(const dashboard::Spending& spending) {
  boost::json::array out;
  for (const auto& m : spending.by_merchant) {
    out.push_back({{"merchant_id", json_or_null(m.merchant_id)},
                   {"name", m.name},
                   {"kind", json_or_null(m.kind)},
                   {"amount_minor", m.amount_minor},
                   {"purchases", m.purchases}});
  }
  return out;
}

boost::json::array by_kind(const dashboard::Spending& spending) {
  boost::json::array out;
  for (const auto& k : spending.by_kind) {
    out.push_back({{"kind", k.kind}, {"amount_minor", k.amount_minor}, {"purchases", k.purchases}});
  }
  return out;
}

boost::json::object accreditation(const dashboard::AccreditationPipeline& pipeline) {
  boost::json::object by_status;
  for (const auto& [standing, count] : pipeline.by_status) by_status[standing] = count;
  boost::json::array overdue;
  for (const auto& o : pipeline.overdue) {
    overdue.push_back({{"merchant_id", o.merchant_id},
                       {"name", o.name},
                       {"kind", o.kind},
                       {"next_evaluation_on", o.next_evaluation_on},
                       {"days_overdue", o.days_overdue}});
  }
  return {{"by_status", std::move(by_status)}, {"overdue", std::move(overdue)}};
}

boost::json::object bank(const dashboard::BankQueue& queue) {
  return {{"unmatched_count", queue.unmatched_count},
          {"unmatched_amount_minor", queue.unmatched_amount_minor},
          {"currency", "EUR"},
          {"oldest_unmatched_on", json_or_null(queue.oldest_unmatched_on)}};
}

}  // namespace

boost::json::object caisses_json(const config::DaemonConfig& config) {
  boost::json::array caisses;
  for (const auto& caisse : config.caisses) {
    boost::json::object identity = caisse_identity(caisse);
    identity["territory"] = caisse.territory;
    caisses.push_back(std::move(identity));
  }
  return {{"caisses", std::move(caisses)}};
}

boost::json::object month_dashboard_json(const config::CaisseConfig& caisse, Month month,
                                         ledger::Date today, const dashboard::MonthDashboard& d) {
  return {{"caisse", caisse_identity(caisse)},
          {"month", month.to_string()},
          {"today", ledger::format_date(today)},
          {"cycle", cycle_or_null(d.cycle, caisse)},
          {"bonus_cycle", cycle_or_null(d.bonus_cycle, caisse)},
          {"money_in", money_in_with_names(d.money_in)},
          {"money_out", money_out(d.cycle, caisse)},
          {"allocations_vs_spending", allocations_vs_spending(d, caisse)},
          {"spending_by_merchant", by_merchant(d.spending)},
          {"spending_by_kind", by_kind(d.spending)},
          {"accreditation", accreditation(d.accreditation)},
          {"bank", bank(d.bank)}};
}

}  // namespace caisse::host::daemon
