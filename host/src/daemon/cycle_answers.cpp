#include "daemon/cycle_answers.hpp"

#include <boost/json/serialize.hpp>

#include "daemon/json_or_null.hpp"

namespace caisse::host::daemon {
boost::json::object cycle_summary_object(const cycle::CycleSummary& s, int minor_unit) {
  boost::json::object lines;
  for (auto status :
       {cycle::LineStatus::not_sent, cycle::LineStatus::pending, cycle::LineStatus::succeeded,
        cycle::LineStatus::declined, cycle::LineStatus::unknown}) {
    auto found = s.by_status.find(status);
    cycle::StatusTotals totals = found == s.by_status.end() ? cycle::StatusTotals{} : found->second;
    lines[cycle::status_name(status)] = {{"count", totals.lines},
                                         {"amount_minor", totals.amount_minor}};
  }
  return {{"kind", cycle::kind_name(s.kind)},
          {"caisse", s.caisse_id},
          {"month", s.month.to_string()},
          {"state", cycle::state_name(s.state)},
          {"currency", s.currency},
          {"minor_unit", minor_unit},
          {"rule_version", s.rule_version},
          {"household_count", s.household_count},
          {"total_minor", s.total_minor},
          {"computed_by", s.computed_by},
          {"computed_at", s.computed_at},
          {"approved_by", json_or_null(s.approved_by)},
          {"approved_at", json_or_null(s.approved_at)},
          {"funds_minor", json_or_null(s.funds_minor)},
          {"shortfall_minor", json_or_null(s.shortfall_minor)},
          {"due_on", json_or_null(s.due_on)},
          {"late", lateness_json(s.late)},
          {"lines", std::move(lines)}};
}

std::string cycle_summary_json(const cycle::CycleSummary& summary, int minor_unit) {
  return boost::json::serialize(cycle_summary_object(summary, minor_unit));
}

boost::json::array money_in_array(const ledger::MoneyIn& in) {
  boost::json::array out;
  out.push_back({{"source", "contributions"},
                 {"funder", nullptr},
                 {"currency", in.contributions.currency},
                 {"amount_minor", in.contributions.minor}});
  for (const auto& grant : in.grants) {
    out.push_back({{"source", "grant"},
                   {"funder", grant.funder_id},
                   {"currency", grant.amount.currency},
                   {"amount_minor", grant.amount.minor}});
  }
  return out;
}

std::int64_t credited_minor(const cycle::CycleSummary& summary) {
  auto credited = summary.by_status.find(cycle::LineStatus::succeeded);
  return credited == summary.by_status.end() ? 0 : credited->second.amount_minor;
}

boost::json::array money_out_array(const cycle::CycleSummary& s) {
  return {
      boost::json::object{{"kind", s.kind == cycle::CycleKind::bonus ? "bonuses" : "allocations"},
                          {"currency", s.currency},
                          {"amount_minor", credited_minor(s)}}};
}

boost::json::value lateness_json(const std::optional<cycle::Lateness>& late) {
  if (!late) return nullptr;
  return boost::json::object{
      {"lines", late->lines}, {"amount_minor", late->amount_minor}, {"days", late->days}};
}

}  // namespace caisse::host::daemon
