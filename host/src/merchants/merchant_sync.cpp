#include "merchants/merchant_sync.hpp"

#include <spdlog/spdlog.h>

#include "registry/merchants.hpp"

namespace caisse::host::merchants {
namespace {

// The whole list, each merchant under the reference `instance` knows it by: empty when it does
// not know it (the adapter decides what that means; the file and Cyclos adapters report the
// accredited ones as not onboarded there).
std::vector<plugins::Merchant> as_known_to(const std::vector<registry::MerchantEntry>& merchants,
                                           std::string_view instance) {
  std::vector<plugins::Merchant> out;
  out.reserve(merchants.size());
  for (const auto& merchant : merchants) {
    auto ref = merchant.refs.find(instance);
    out.push_back({merchant.id, merchant.name, ref == merchant.refs.end() ? "" : ref->second,
                   merchant.accredited});
  }
  return out;
}

SyncOutcome push(const CurrencyInstance& instance,
                 const Result<std::vector<registry::MerchantEntry>>& merchants) {
  SyncOutcome outcome;
  outcome.instance = instance.name;
  if (!merchants) {
    outcome.message = "the merchant list cannot be read: " + merchants.error().message;
    return outcome;
  }
  if (instance.running == nullptr) {
    outcome.message = "not running: " + instance.error;
    return outcome;
  }
  if (!instance.running->syncs_merchants()) {
    outcome.status = CallStatus::unsupported;
    outcome.message = "the plugin does not implement caisse_on_currency_sync_merchants";
    return outcome;
  }
  const std::vector<plugins::Merchant> list = as_known_to(*merchants, instance.name);
  outcome.merchants = list.size();
  outcome.status = CallStatus::ok;
  if (list.empty()) {
    // A caisse that has not imported its list yet would tell the backend to accept nobody.
    outcome.message = "the caisse has no merchants yet: nothing pushed";
    return outcome;
  }
  auto pushed = instance.running->sync_merchants(list);
  if (!pushed) {
    // A plugin that has the hook may still say it cannot serve it as configured.
    outcome.status =
        instance.running->last_call_unsupported() ? CallStatus::unsupported : CallStatus::error;
    outcome.message = pushed.error().message;
  }
  return outcome;
}

}  // namespace

std::vector<SyncOutcome> sync_merchants(store::PgConnection& db, std::string_view caisse_id,
                                        const std::vector<CurrencyInstance>& instances) {
  const auto merchants = registry::list_merchants(db, caisse_id);
  std::vector<SyncOutcome> outcomes;
  for (const CurrencyInstance& instance : instances) {
    outcomes.push_back(push(instance, merchants));
    const SyncOutcome& done = outcomes.back();
    if (done.status == CallStatus::error) {
      spdlog::warn(
          "event=merchants_sync caisse={} instance={} status=error merchants={} "
          "reason=\"{}\"",
          caisse_id, done.instance, done.merchants, done.message);
    } else {
      spdlog::info("event=merchants_sync caisse={} instance={} status={} merchants={}", caisse_id,
                   done.instance, call_status_name(done.status), done.merchants);
    }
  }
  return outcomes;
}

}  // namespace caisse::host::merchants
