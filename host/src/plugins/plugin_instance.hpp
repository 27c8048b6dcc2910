// One running instance of a plugin: one `[[plugin]]` block of one caisse. It owns the host
// context the plugin's callbacks act on, calls init on creation and destroy on destruction, and
// turns each role hook into a typed call whose failure is an Error carrying the plugin's message:
//   plugin hello (instance demo/allocation): allocate failed: household h1 has no members
// The host calls one instance from one thread at a time (the ABI promises plugins that).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "config/resolved_plugin_config.hpp"
#include "core/result.hpp"
#include "plugins/loaded_plugin.hpp"
#include "plugins/payment_values.hpp"
#include "plugins/plugin_services.hpp"
#include "plugins/role_values.hpp"

struct caisse_host_context;

namespace caisse::host::plugins {

class PluginInstance {
 public:
  // config must already be validated against the plugin's schema (config/ does that).
  // services must outlive the instance.
  static Result<std::unique_ptr<PluginInstance>> create(std::shared_ptr<LoadedPlugin> plugin,
                                                        std::string caisse_id, std::string instance,
                                                        config::ResolvedPluginConfig config,
                                                        PluginServices& services);
  ~PluginInstance();
  PluginInstance(const PluginInstance&) = delete;
  PluginInstance& operator=(const PluginInstance&) = delete;

  // RULE: the household's allocation in minor units of input.currency (>= 0).
  Result<std::int64_t> allocate(const AllocationInput& input);
  // RULE (ABI 1.1): a suggested monthly contribution in minor units of input.currency (>= 0).
  Result<std::int64_t> suggest_contribution(const ContributionInput& input);
  // RULE (ABI 1.1): the bonus a month of purchases at tagged merchants earns (>= 0).
  Result<std::int64_t> bonus(const BonusInput& input);
  // Each rule call fails with "...: bonus failed: UNSUPPORTED, the plugin does not implement
  // caisse_on_rule_bonus" when the hook is NULL or the plugin was built before it existed.
  // CURRENCY: one result per line, in order. An Error means every line's outcome is unknown.
  Result<std::vector<OperationResult>> credit(const std::vector<CreditLine>& lines);
  // CURRENCY: what became of one operation.
  Result<OperationResult> status(std::string_view operation_id);
  // CURRENCY (ABI 1.3): the payments households made to merchants in [from_ms, to_ms). A
  // malformed purchase (no reference, a non-positive amount, no currency) fails the whole call.
  Result<std::vector<Purchase>> list_purchases(std::int64_t from_ms, std::int64_t to_ms);
  // CURRENCY (ABI 1.3): makes the backend agree with the caisse's whole list of merchants.
  Result<void> sync_merchants(const std::vector<Merchant>& merchants);
  // Both fail with UNSUPPORTED when the plugin leaves the hook NULL or predates ABI 1.3.
  // Whether the plugin has these optional hooks at all:
  bool lists_purchases() const;
  bool syncs_merchants() const;

  // The money-in and money-out hooks (ABI 1.4, plugin_instance_payments.cpp). Each fails with
  // UNSUPPORTED when the plugin does not play the role, leaves the hook NULL or predates 1.4.
  // Values a plugin hands over are checked before the host sees them: a malformed one (an
  // empty event id, an unknown state, a zero amount on a statement line) fails the whole call.
  //
  // STATEMENT: reads a statement file; on_entry gets each line in file order and may stop the
  // reading by returning an Error, which the call then returns.
  using StatementEntryHandler = std::function<Result<void>(StatementEntry&&)>;
  Result<void> parse_statement(std::string_view file_name, std::string_view content,
                               const StatementEntryHandler& on_entry);
  // COLLECTOR: the provider's event id of an authentic notification. On failure,
  // last_call_denied() tells a forged or stale one (PERMISSION_DENIED) from a malformed one.
  Result<std::string> verify_webhook(const Webhook& webhook);
  Result<std::vector<PaymentEvent>> read_webhook(const Webhook& webhook);
  Result<std::string> write_debits(const DebitBatch& batch);
  Result<std::vector<PaymentEvent>> read_report(std::string_view file_name,
                                                std::string_view content);
  Result<std::vector<PaymentEvent>> list_payments(std::int64_t from_ms, std::int64_t to_ms);
  // PAYOUT: a credit transfer file (pain.001).
  Result<std::string> write_transfers(const TransferBatch& batch);
  // Whether the plugin has each of these hooks.
  bool parses_statements() const;
  bool verifies_webhooks() const;
  bool writes_debits() const;
  bool reads_reports() const;
  bool writes_transfers() const;
  bool last_call_denied() const { return last_status_ == kPermissionDenied; }

  // Whether the last hook failed because the plugin answered UNSUPPORTED itself (a hook it has
  // but cannot serve as configured, such as Cyclos with `accreditation = "none"`).
  bool last_call_unsupported() const { return last_status_ == kUnsupported; }

  const LoadedPlugin& plugin() const { return *plugin_; }
  const std::string& caisse_id() const;
  const std::string& instance() const;

 private:
  PluginInstance(std::shared_ptr<LoadedPlugin> plugin,
                 std::unique_ptr<caisse_host_context> context);

  // Runs one hook: resets the error, catches what a plugin should not throw, turns a non-OK
  // status into an Error with the plugin's message, releases per-hook values.
  template <class Hook>
  Result<void> call(std::string_view what, Hook&& hook);
  Error failure(std::string_view what, const std::string& reason) const;
  // Calls one RULE hook (a member of caisse_rule_hooks_t) that returns an amount; UNSUPPORTED
  // when the table is too old to have it or leaves it NULL; refuses a negative amount.
  // The currency hook at `hook`, or null when the table is too old to have it or leaves it NULL.
  template <class Hook>
  Hook currency_hook(Hook caisse_currency_hooks_t::*hook, std::size_t table_size_needed) const;
  // Collects the payment events a collector hook hands over, checked.
  template <class Hook>
  Result<std::vector<PaymentEvent>> collect_events(std::string_view what, Hook&& hook);
  // Collects the bytes of a file a hook writes through the byte sink.
  template <class Hook>
  Result<std::string> written_file(std::string_view what, Hook&& hook);
  template <class Hook, class CInput>
  Result<std::int64_t> rule_amount(std::string_view what, Hook caisse_rule_hooks_t::*hook,
                                   std::size_t table_size_needed, const char* hook_name,
                                   const CInput& input);

  // Declared first, destroyed last: the code of destroy() stays mapped until it has run.
  std::shared_ptr<LoadedPlugin> plugin_;
  std::unique_ptr<caisse_host_context> context_;
  void* state_ = nullptr;                      // the plugin's instance_plugin_ptr
  static constexpr int kUnsupported = 3;       // CAISSE_STATUS_UNSUPPORTED, without sdk.h here
  static constexpr int kPermissionDenied = 7;  // CAISSE_STATUS_PERMISSION_DENIED
  int last_status_ = 0;                        // what the last hook returned
};

}  // namespace caisse::host::plugins
