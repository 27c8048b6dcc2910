#include "merchants/purchase_import.hpp"

#include <spdlog/spdlog.h>

namespace caisse::host::merchants {
namespace {

PurchaseImportOutcome import_from(store::PgConnection& db, const config::CaisseConfig& caisse,
                                  const CurrencyInstance& instance, const Period& period) {
  PurchaseImportOutcome outcome;
  outcome.instance = instance.name;
  if (instance.running == nullptr) {
    outcome.message = "not running: " + instance.error;
    return outcome;
  }
  if (!instance.running->lists_purchases()) {
    outcome.status = CallStatus::unsupported;
    outcome.message = "the plugin does not implement caisse_on_currency_list_purchases";
    return outcome;
  }
  auto listed = instance.running->list_purchases(period.from_ms(), period.to_ms());
  if (!listed) {
    // A plugin that has the hook may still say it cannot serve it as configured.
    if (instance.running->last_call_unsupported()) outcome.status = CallStatus::unsupported;
    outcome.message = listed.error().message;
    return outcome;
  }
  outcome.listed = listed->size();
  auto stored = store_purchases(db, caisse, instance.name, period, *listed);
  if (!stored) {
    outcome.message = stored.error().message;
    return outcome;
  }
  outcome.status = CallStatus::ok;
  outcome.stored = *stored;
  return outcome;
}

void log(std::string_view caisse_id, const PurchaseImportOutcome& done) {
  if (done.status == CallStatus::error) {
    spdlog::warn("event=purchases_import caisse={} instance={} status=error reason=\"{}\"",
                 caisse_id, done.instance, done.message);
    return;
  }
  spdlog::info(
      "event=purchases_import caisse={} instance={} status={} listed={} new={} already_known={} "
      "resolved={}",
      caisse_id, done.instance, call_status_name(done.status), done.listed, done.stored.fresh,
      done.stored.already_known, done.stored.resolved);
}

}  // namespace

std::vector<PurchaseImportOutcome> import_purchases(store::PgConnection& db,
                                                    const config::CaisseConfig& caisse,
                                                    const std::vector<CurrencyInstance>& instances,
                                                    const Period& period) {
  std::vector<PurchaseImportOutcome> outcomes;
  for (const CurrencyInstance& instance : instances) {
    outcomes.push_back(import_from(db, caisse, instance, period));
    log(caisse.id, outcomes.back());
  }
  return outcomes;
}

}  // namespace caisse::host::merchants
