#include "plugins/plugin_instance.hpp"

#include <spdlog/spdlog.h>

#include <cstddef>
#include <exception>
#include <utility>

#include "plugins/abi_sizes.hpp"
#include "plugins/c_strings.hpp"
#include "plugins/descriptor_names.hpp"
#include "plugins/host_api.hpp"
#include "plugins/host_context.hpp"
#include "plugins/plugin_instance_call.hpp"
#include "plugins/untrusted_enum.hpp"

namespace caisse::host::plugins {
namespace {

// The string conversions, next to this file's overloads for role values.
using plugins::from_c;
using plugins::to_c;

caisse_allocation_input_t to_c(const AllocationInput& in) {
  return {sizeof(caisse_allocation_input_t),
          to_c(in.household_id),
          in.adults,
          in.children,
          to_c(in.month),
          to_c(in.currency),
          in.month_contributions_minor,
          in.household_count};
}

caisse_contribution_input_t to_c(const ContributionInput& in) {
  return {sizeof(caisse_contribution_input_t),
          to_c(in.household_id),
          in.adults,
          in.children,
          to_c(in.currency),
          in.monthly_income_minor,
          in.monthly_fixed_costs_minor,
          in.quotient_familial};
}

caisse_bonus_input_t to_c(const BonusInput& in) {
  return {sizeof(caisse_bonus_input_t),
          to_c(in.month),
          to_c(in.household_id),
          in.adults,
          in.children,
          to_c(in.currency),
          in.tagged_purchases_minor};
}

caisse_credit_line_t to_c(const CreditLine& line) {
  return {to_c(line.operation_id),
          to_c(line.household_id),
          {line.amount.minor, to_c(line.amount.currency)},
          to_c(line.description)};
}

// An outcome value this host does not know is not a promise of anything: UNKNOWN, so the janitor
// asks again instead of trusting it.
OperationResult from_c(const caisse_operation_result_t& result) {
  OperationResult out{Outcome::unknown, from_c(result.external_ref), from_c(result.message)};
  switch (untrusted_value(result.outcome)) {
    case CAISSE_OUTCOME_SUCCEEDED:
      out.outcome = Outcome::succeeded;
      break;
    case CAISSE_OUTCOME_PENDING:
      out.outcome = Outcome::pending;
      break;
    case CAISSE_OUTCOME_DECLINED:
      out.outcome = Outcome::declined;
      break;
    case CAISSE_OUTCOME_NOT_SENT:
      out.outcome = Outcome::not_sent;
      break;
    case CAISSE_OUTCOME_UNKNOWN:
      break;
  }
  return out;
}

caisse_operation_result_t unknown_result() {
  return {CAISSE_OUTCOME_UNKNOWN, {}, {}};
}

}  // namespace

PluginInstance::PluginInstance(std::shared_ptr<LoadedPlugin> plugin,
                               std::unique_ptr<caisse_host_context> context)
    : plugin_(std::move(plugin)), context_(std::move(context)) {}

Result<std::unique_ptr<PluginInstance>> PluginInstance::create(std::shared_ptr<LoadedPlugin> plugin,
                                                               std::string caisse_id,
                                                               std::string instance,
                                                               config::ResolvedPluginConfig config,
                                                               PluginServices& services) {
  auto context = std::make_unique<caisse_host_context>();
  context->caisse_id = std::move(caisse_id);
  context->instance = std::move(instance);
  context->descriptor = &plugin->descriptor();
  context->config = std::move(config);
  context->services = &services;
  std::unique_ptr<PluginInstance> created(
      new PluginInstance(std::move(plugin), std::move(context)));

  const caisse_plugin_t& d = created->plugin_->descriptor();
  void* state = nullptr;
  auto initialised = created->call("init", [&] {
    return d.caisse_on_instance_init(&host_api(), created->context_.get(), &state);
  });
  if (!initialised) {
    created->state_ = nullptr;
    created->plugin_.reset();  // destroy() is only for instances whose init succeeded
    return initialised.error();
  }
  created->state_ = state;
  return created;
}

PluginInstance::~PluginInstance() {
  if (!plugin_) return;
  try {
    plugin_->descriptor().caisse_on_instance_destroy(state_);
  } catch (...) {
    spdlog::error("caisse={} instance={} event=plugin_destroy_threw plugin={}", context_->caisse_id,
                  context_->instance, plugin_->name());
  }
}

const std::string& PluginInstance::caisse_id() const {
  return context_->caisse_id;
}
const std::string& PluginInstance::instance() const {
  return context_->instance;
}

Error PluginInstance::failure(std::string_view what, const std::string& reason) const {
  return make_error("plugin " + std::string(context_->descriptor->name) + " (instance " +
                    context_->caisse_id + "/" + context_->instance + "): " + std::string(what) +
                    " failed: " + reason);
}

template <class Hook, class CInput>
Result<std::int64_t> PluginInstance::rule_amount(std::string_view what,
                                                 Hook caisse_rule_hooks_t::*hook,
                                                 std::size_t table_size_needed,
                                                 const char* hook_name, const CInput& input) {
  const caisse_rule_hooks_t* rule = plugin_->descriptor().rule;
  if (rule == nullptr) return failure(what, "the plugin has no rule role");
  // Never read past the table the plugin was built with: a 1.0 plugin's table ends earlier.
  const Hook function = rule->struct_size >= table_size_needed ? rule->*hook : nullptr;
  if (function == nullptr) {
    return failure(what, status_name(CAISSE_STATUS_UNSUPPORTED) +
                             ", the plugin does not implement " + hook_name);
  }
  std::int64_t amount = 0;
  auto called = call(what, [&] { return function(state_, &input, &amount); });
  if (!called) return called.error();
  if (amount < 0) return failure(what, "negative amount " + std::to_string(amount));
  return amount;
}

Result<std::int64_t> PluginInstance::allocate(const AllocationInput& input) {
  return rule_amount("allocate", &caisse_rule_hooks_t::caisse_on_rule_allocate, kRuleHooksSize_1_0,
                     "caisse_on_rule_allocate", to_c(input));
}

Result<std::int64_t> PluginInstance::suggest_contribution(const ContributionInput& input) {
  return rule_amount(
      "suggest_contribution", &caisse_rule_hooks_t::caisse_on_rule_suggest_contribution,
      kRuleHooksSuggestContributionEnd, "caisse_on_rule_suggest_contribution", to_c(input));
}

Result<std::int64_t> PluginInstance::bonus(const BonusInput& input) {
  return rule_amount("bonus", &caisse_rule_hooks_t::caisse_on_rule_bonus, kRuleHooksSize_1_1,
                     "caisse_on_rule_bonus", to_c(input));
}

Result<std::vector<OperationResult>> PluginInstance::credit(const std::vector<CreditLine>& lines) {
  const caisse_currency_hooks_t* currency = plugin_->descriptor().currency;
  if (currency == nullptr) return failure("credit", "the plugin has no currency role");
  std::vector<caisse_credit_line_t> c_lines;
  c_lines.reserve(lines.size());
  for (const CreditLine& line : lines) c_lines.push_back(to_c(line));
  std::vector<caisse_operation_result_t> c_results(lines.size(), unknown_result());
  auto called = call("credit", [&] {
    return currency->caisse_on_currency_credit(state_, c_lines.data(), c_lines.size(),
                                               c_results.data());
  });
  if (!called) return called.error();
  std::vector<OperationResult> results;
  results.reserve(c_results.size());
  for (const caisse_operation_result_t& result : c_results) results.push_back(from_c(result));
  return results;
}

Result<OperationResult> PluginInstance::status(std::string_view operation_id) {
  const caisse_currency_hooks_t* currency = plugin_->descriptor().currency;
  if (currency == nullptr) return failure("status", "the plugin has no currency role");
  caisse_operation_result_t c_result = unknown_result();
  auto called = call("status", [&] {
    return currency->caisse_on_currency_status(state_, to_c(operation_id), &c_result);
  });
  if (!called) return called.error();
  return from_c(c_result);
}

template <class Hook>
Hook PluginInstance::currency_hook(Hook caisse_currency_hooks_t::*hook,
                                   std::size_t table_size_needed) const {
  const caisse_currency_hooks_t* currency = plugin_->descriptor().currency;
  if (currency == nullptr || currency->struct_size < table_size_needed) return nullptr;
  return currency->*hook;
}

namespace {

// What the host's purchase sink collects, and why it stopped if it did.
struct PurchaseCollector {
  std::vector<Purchase> purchases;
  std::string refused;
};

caisse_status_t collect_purchase(void* sink_host_ptr, const caisse_purchase_t* purchase) {
  auto& collector = *static_cast<PurchaseCollector*>(sink_host_ptr);
  if (purchase == nullptr || purchase->struct_size < kPurchaseSize_1_3) {
    collector.refused = "a purchase shorter than ABI 1.3's caisse_purchase_t";
    return CAISSE_STATUS_INVALID_ARGUMENT;
  }
  Purchase copy{from_c(purchase->external_ref),
                from_c(purchase->household_id),
                from_c(purchase->merchant_ref),
                {purchase->amount.minor, from_c(purchase->amount.currency)},
                purchase->paid_at_ms};
  if (copy.external_ref.empty() || copy.merchant_ref.empty() || copy.amount.currency.empty() ||
      copy.amount.minor <= 0) {
    collector.refused = "purchase \"" + copy.external_ref +
                        "\" needs a reference, a merchant, a currency and a positive amount";
    return CAISSE_STATUS_INVALID_ARGUMENT;
  }
  collector.purchases.push_back(std::move(copy));
  return CAISSE_STATUS_OK;
}

}  // namespace

static_assert(CAISSE_STATUS_UNSUPPORTED == 3, "kUnsupported in plugin_instance.hpp");

bool PluginInstance::lists_purchases() const {
  return currency_hook(&caisse_currency_hooks_t::caisse_on_currency_list_purchases,
                       kCurrencyHooksListPurchasesEnd) != nullptr;
}

bool PluginInstance::syncs_merchants() const {
  return currency_hook(&caisse_currency_hooks_t::caisse_on_currency_sync_merchants,
                       kCurrencyHooksSize_1_3) != nullptr;
}

Result<std::vector<Purchase>> PluginInstance::list_purchases(std::int64_t from_ms,
                                                             std::int64_t to_ms) {
  const auto hook = currency_hook(&caisse_currency_hooks_t::caisse_on_currency_list_purchases,
                                  kCurrencyHooksListPurchasesEnd);
  if (hook == nullptr) {
    return failure("list_purchases", status_name(CAISSE_STATUS_UNSUPPORTED) +
                                         ", the plugin does not implement "
                                         "caisse_on_currency_list_purchases");
  }
  PurchaseCollector collector;
  auto called = call("list_purchases",
                     [&] { return hook(state_, from_ms, to_ms, &collect_purchase, &collector); });
  if (!collector.refused.empty()) return failure("list_purchases", collector.refused);
  if (!called) return called.error();
  return std::move(collector.purchases);
}

Result<void> PluginInstance::sync_merchants(const std::vector<Merchant>& merchants) {
  const auto hook = currency_hook(&caisse_currency_hooks_t::caisse_on_currency_sync_merchants,
                                  kCurrencyHooksSize_1_3);
  if (hook == nullptr) {
    return failure("sync_merchants", status_name(CAISSE_STATUS_UNSUPPORTED) +
                                         ", the plugin does not implement "
                                         "caisse_on_currency_sync_merchants");
  }
  std::vector<caisse_merchant_t> c_merchants;
  c_merchants.reserve(merchants.size());
  for (const Merchant& m : merchants) {
    c_merchants.push_back({sizeof(caisse_merchant_t), to_c(m.merchant_id), to_c(m.name),
                           to_c(m.backend_ref), m.accredited});
  }
  return call("sync_merchants",
              [&] { return hook(state_, c_merchants.data(), c_merchants.size()); });
}

}  // namespace caisse::host::plugins
