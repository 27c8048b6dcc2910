#include "daemon/merchant_answers.hpp"

#include "csv/iso_date.hpp"
#include "daemon/json_or_null.hpp"

namespace caisse::host::daemon {
namespace {

std::string day(std::chrono::sys_days d) {
  return csv::format_date(std::chrono::year_month_day{d});
}

boost::json::object totals_object(const merchants::PurchaseTotals& t) {
  return {{"purchases", t.purchases},   {"amount_minor", t.amount_minor},
          {"households", t.households}, {"without_household", t.without_household},
          {"flagged", t.flagged},       {"flagged_amount_minor", t.flagged_amount_minor}};
}

}  // namespace

boost::json::array sync_outcomes_json(const std::vector<merchants::SyncOutcome>& outcomes) {
  boost::json::array out;
  for (const auto& o : outcomes) {
    out.push_back({{"instance", o.instance},
                   {"status", merchants::call_status_name(o.status)},
                   {"merchants", o.merchants},
                   {"message", o.message}});
  }
  return out;
}

boost::json::object purchase_import_json(
    const config::CaisseConfig& caisse, const merchants::Period& period,
    const std::vector<merchants::PurchaseImportOutcome>& outcomes) {
  boost::json::array instances;
  for (const auto& o : outcomes) {
    const bool ok = o.status == merchants::CallStatus::ok;
    auto count = [ok](std::size_t n) { return ok ? boost::json::value(n) : nullptr; };
    instances.push_back({{"instance", o.instance},
                         {"status", merchants::call_status_name(o.status)},
                         {"listed", count(o.listed)},
                         {"new", count(o.stored.fresh)},
                         {"already_known", count(o.stored.already_known)},
                         {"resolved", count(o.stored.resolved)},
                         {"message", o.message}});
  }
  return {{"caisse", caisse.id},
          {"from", day(period.from)},
          {"to", day(period.to)},
          {"instances", std::move(instances)}};
}

boost::json::object purchase_report_json(const config::CaisseConfig& caisse, Month month,
                                         const merchants::PurchaseReport& report) {
  boost::json::array merchants_array;
  for (const auto& m : report.merchants) {
    boost::json::object row{{"merchant_id", json_or_null(m.merchant_id)},
                            {"name", json_or_null(m.name)},
                            {"instance", json_or_null(m.instance)},
                            {"merchant_ref", json_or_null(m.merchant_ref)}};
    for (auto& [key, value] : totals_object(m.totals)) row[key] = value;
    merchants_array.push_back(std::move(row));
  }
  boost::json::array flagged;
  for (const auto& p : report.flagged) {
    flagged.push_back({{"instance", p.instance},
                       {"external_ref", p.external_ref},
                       {"household_id", json_or_null(p.household_id)},
                       {"merchant_ref", p.merchant_ref},
                       {"merchant_id", json_or_null(p.merchant_id)},
                       {"amount_minor", p.amount_minor},
                       {"currency", p.currency},
                       {"paid_at", p.paid_at},
                       {"flagged", true},
                       {"reason", merchants::flag_reason_text(p.reason)}});
  }
  return {{"caisse", caisse.id},
          {"month", month.to_string()},
          {"currency", caisse.currency.code},
          {"minor_unit", caisse.currency.minor_unit},
          {"totals", totals_object(report.totals)},
          {"merchants", std::move(merchants_array)},
          {"flagged", std::move(flagged)}};
}

}  // namespace caisse::host::daemon
