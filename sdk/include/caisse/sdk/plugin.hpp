// Turns a C++ class into a caisse plugin: the role concepts, the C trampolines that catch every
// exception at the boundary, the static descriptor, and the CAISSE_PLUGIN registration macro.
#pragma once

#include <caisse/sdk.h>

#include <caisse/sdk/host.hpp>
#include <caisse/sdk/payment_values.hpp>
#include <caisse/sdk/values.hpp>

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace caisse::sdk {

// RULE is any non-empty subset of three hooks, each deduced from a member function:
//   `std::int64_t allocate(const AllocationInput&)`: the household's allocation, in minor units
//     of input.currency (ABI 1.0);
//   `std::int64_t suggest_contribution(const ContributionInput&)`: a suggested monthly
//     contribution, in minor units of input.currency (ABI 1.1);
//   `std::int64_t bonus(const BonusInput&)`: the bonus earned by a month of purchases at tagged
//     merchants, in minor units of input.currency (ABI 1.1).
// A hook the class does not define is NULL in the table; the host answers UNSUPPORTED for it.
template <class P>
concept AllocationRule = requires(P& plugin, const AllocationInput& input) {
  { plugin.allocate(input) } -> std::convertible_to<std::int64_t>;
};
template <class P>
concept ContributionRule = requires(P& plugin, const ContributionInput& input) {
  { plugin.suggest_contribution(input) } -> std::convertible_to<std::int64_t>;
};
template <class P>
concept BonusRule = requires(P& plugin, const BonusInput& input) {
  { plugin.bonus(input) } -> std::convertible_to<std::int64_t>;
};
template <class P>
concept RulePlugin = AllocationRule<P> || ContributionRule<P> || BonusRule<P>;

// CURRENCY: `std::vector<OperationResult> credit(std::span<const CreditLine>)`, one result per
// line in order, and `OperationResult status(std::string_view operation_id)`.
template <class P>
concept CurrencyPlugin = requires(P& plugin, std::span<const CreditLine> lines,
                                  std::string_view operation_id) {
  { plugin.credit(lines) } -> std::same_as<std::vector<OperationResult>>;
  { plugin.status(operation_id) } -> std::same_as<OperationResult>;
};

// Optional CURRENCY hooks (ABI 1.3); a class that defines neither leaves them NULL:
//   `void list_purchases(std::int64_t from_ms, std::int64_t to_ms, const PurchaseSink& emit)`:
//     calls emit(purchase) for each payment a household made to a merchant in [from_ms, to_ms);
//   `void sync_merchants(std::span<const Merchant>)`: makes the backend agree with the caisse's
//     whole list of merchants, accredited or not.
// emit throws StatusError when the host asks to stop; let it propagate.
using PurchaseSink = std::function<void(const Purchase&)>;
template <class P>
concept PurchaseLister = requires(P& plugin, std::int64_t ms, const PurchaseSink& emit) {
  plugin.list_purchases(ms, ms, emit);
};
template <class P>
concept MerchantSyncer = requires(P& plugin, std::span<const Merchant> merchants) {
  plugin.sync_merchants(merchants);
};

// STATEMENT (ABI 1.4): `void parse_statement(std::string_view file_name, std::string_view
// content, const StatementSink& emit)` calls emit(entry) for each line of the file, in order.
using StatementSink = std::function<void(const StatementEntry&)>;
template <class P>
concept StatementPlugin = requires(P& plugin, std::string_view text, const StatementSink& emit) {
  plugin.parse_statement(text, text, emit);
};

// COLLECTOR (ABI 1.4) is any non-empty subset of five hooks, each deduced from a member:
//   `std::string verify_webhook(const Webhook&)`: the provider's event id of an authentic
//     notification; throws StatusError(CAISSE_STATUS_PERMISSION_DENIED, why) otherwise;
//   `void read_webhook(const Webhook&, const PaymentEventSink& emit)`: its payment events;
//   `void write_debits(const DebitBatch&, const ByteSink& write)`: a pain.008 file;
//   `void read_report(std::string_view file_name, std::string_view content, const
//     PaymentEventSink& emit)`: the events of a status report (pain.002);
//   `void list_payments(std::int64_t from_ms, std::int64_t to_ms, const PaymentEventSink& emit)`.
using PaymentEventSink = std::function<void(const PaymentEvent&)>;
using ByteSink = std::function<void(std::string_view)>;
template <class P>
concept WebhookVerifier = requires(P& plugin, const Webhook& hook) {
  { plugin.verify_webhook(hook) } -> std::convertible_to<std::string>;
};
template <class P>
concept WebhookReader = requires(P& plugin, const Webhook& hook, const PaymentEventSink& emit) {
  plugin.read_webhook(hook, emit);
};
template <class P>
concept DebitWriter = requires(P& plugin, const DebitBatch& batch, const ByteSink& write) {
  plugin.write_debits(batch, write);
};
template <class P>
concept ReportReader = requires(P& plugin, std::string_view text, const PaymentEventSink& emit) {
  plugin.read_report(text, text, emit);
};
template <class P>
concept PaymentLister = requires(P& plugin, std::int64_t ms, const PaymentEventSink& emit) {
  plugin.list_payments(ms, ms, emit);
};
template <class P>
concept CollectorPlugin =
    WebhookVerifier<P> || WebhookReader<P> || DebitWriter<P> || ReportReader<P> || PaymentLister<P>;

// PAYOUT (ABI 1.4): `void write_transfers(const TransferBatch&, const ByteSink& write)`, a
// pain.001 file.
template <class P>
concept PayoutPlugin = requires(P& plugin, const TransferBatch& batch, const ByteSink& write) {
  plugin.write_transfers(batch, write);
};

// A plugin class is built from the Host of its instance and plays at least one role.
template <class P>
concept Plugin = std::constructible_from<P, Host> &&
    (RulePlugin<P> || CurrencyPlugin<P> || CollectorPlugin<P> || StatementPlugin<P> ||
     PayoutPlugin<P>);

namespace detail {

// What the host's instance_plugin_ptr points at. The hooks receive no host context, so the Host
// is kept next to the plugin object to report errors; `retained` keeps the strings of the last
// results alive until the host has copied them (it does so before the next hook).
template <class P>
struct Instance {
  explicit Instance(Host h) : host(h), plugin(h) {}
  Host host;
  P plugin;
  std::vector<OperationResult> retained;
  std::string retained_event_id;  // verify_webhook's answer, until the host copied it
};

// Runs body; an exception becomes a status and a message instead of crossing into the host.
template <class Body>
caisse_status_t guarded(const Host& host, Body&& body) noexcept {
  try {
    body();
    return CAISSE_STATUS_OK;
  } catch (const StatusError& e) {
    host.set_error(e.what());
    return e.status() == CAISSE_STATUS_OK ? CAISSE_STATUS_INTERNAL : e.status();
  } catch (const std::exception& e) {
    host.set_error(e.what());
    return CAISSE_STATUS_INTERNAL;
  } catch (...) {
    host.set_error("unknown exception");
    return CAISSE_STATUS_INTERNAL;
  }
}

// A C++ sink over the host's C sink: each value crosses as its C struct; a status other than OK
// from the host becomes a StatusError naming `what` and the value's `ref`, which unwinds the
// plugin's loop up to `guarded`.
template <class Value, class CSink, class Ref>
std::function<void(const Value&)> host_sink(CSink sink, void* sink_host_ptr, const char* what,
                                            Ref ref) {
  return [sink, sink_host_ptr, what, ref](const Value& value) {
    const auto c = to_c(value);
    const caisse_status_t status = sink(sink_host_ptr, &c);
    if (status != CAISSE_STATUS_OK) {
      throw StatusError(status, std::string("the host stopped the ") + what + " at " + ref(value));
    }
  };
}

template <class P>
Instance<P>& instance(void* instance_plugin_ptr) noexcept {
  return *static_cast<Instance<P>*>(instance_plugin_ptr);
}

template <Plugin P>
struct Lifecycle {
  static caisse_status_t init(const caisse_host_api_t* api, caisse_host_context_t* ctx,
                              void** instance_plugin_ptr) noexcept {
    const Host host(api, ctx);
    return guarded(host, [&] { *instance_plugin_ptr = new Instance<P>(host); });
  }
  static void destroy(void* instance_plugin_ptr) noexcept {
    delete static_cast<Instance<P>*>(instance_plugin_ptr);
  }
};

// Calls one rule method on the C input and writes its amount; shared by the three rule hooks.
template <class P, class CInput, class Method>
caisse_status_t rule_call(void* instance_plugin_ptr, const CInput* input, int64_t* amount_minor,
                          Method method) noexcept {
  Instance<P>& self = instance<P>(instance_plugin_ptr);
  return guarded(self.host, [&] {
    *amount_minor = static_cast<std::int64_t>(method(self.plugin, from_c(*input)));
  });
}

template <RulePlugin P>
struct RuleHooks {
  static caisse_status_t allocate(void* instance_plugin_ptr, const caisse_allocation_input_t* input,
                                  int64_t* amount_minor) noexcept {
    return rule_call<P>(instance_plugin_ptr, input, amount_minor,
                        [](P& plugin, const AllocationInput& in) { return plugin.allocate(in); });
  }
  static caisse_status_t suggest_contribution(void* instance_plugin_ptr,
                                              const caisse_contribution_input_t* input,
                                              int64_t* amount_minor) noexcept {
    return rule_call<P>(
        instance_plugin_ptr, input, amount_minor,
        [](P& plugin, const ContributionInput& in) { return plugin.suggest_contribution(in); });
  }
  static caisse_status_t bonus(void* instance_plugin_ptr, const caisse_bonus_input_t* input,
                               int64_t* amount_minor) noexcept {
    return rule_call<P>(instance_plugin_ptr, input, amount_minor,
                        [](P& plugin, const BonusInput& in) { return plugin.bonus(in); });
  }

  // Only the hooks the class defines; the others stay NULL.
  static constexpr caisse_rule_hooks_t make_table() {
    caisse_rule_hooks_t table{};
    table.struct_size = sizeof(caisse_rule_hooks_t);
    if constexpr (AllocationRule<P>) table.caisse_on_rule_allocate = &allocate;
    if constexpr (ContributionRule<P>) {
      table.caisse_on_rule_suggest_contribution = &suggest_contribution;
    }
    if constexpr (BonusRule<P>) table.caisse_on_rule_bonus = &bonus;
    return table;
  }
  static constexpr caisse_rule_hooks_t table = make_table();
};

template <CurrencyPlugin P>
struct CurrencyHooks {
  static caisse_status_t credit(void* instance_plugin_ptr, const caisse_credit_line_t* lines,
                                size_t count, caisse_operation_result_t* results) noexcept {
    Instance<P>& self = instance<P>(instance_plugin_ptr);
    return guarded(self.host, [&] {
      std::vector<CreditLine> views;
      views.reserve(count);
      for (std::size_t i = 0; i < count; ++i) views.push_back(from_c(lines[i]));
      self.retained = self.plugin.credit(std::span<const CreditLine>(views));
      if (self.retained.size() != count) {
        throw StatusError(CAISSE_STATUS_INTERNAL,
                          "credit returned " + std::to_string(self.retained.size()) +
                              " results for " + std::to_string(count) + " lines");
      }
      for (std::size_t i = 0; i < count; ++i) results[i] = to_c(self.retained[i]);
    });
  }
  static caisse_status_t status(void* instance_plugin_ptr, caisse_str_t operation_id,
                                caisse_operation_result_t* result) noexcept {
    Instance<P>& self = instance<P>(instance_plugin_ptr);
    return guarded(self.host, [&] {
      self.retained.assign(1, self.plugin.status(from_c(operation_id)));
      *result = to_c(self.retained.front());
    });
  }
  static caisse_status_t list_purchases(void* instance_plugin_ptr, int64_t from_ms, int64_t to_ms,
                                        caisse_purchase_sink_fn sink,
                                        void* sink_host_ptr) noexcept {
    Instance<P>& self = instance<P>(instance_plugin_ptr);
    return guarded(self.host, [&] {
      const PurchaseSink emit = host_sink<Purchase>(
          sink, sink_host_ptr, "listing", [](const Purchase& p) { return p.external_ref; });
      self.plugin.list_purchases(from_ms, to_ms, emit);
    });
  }
  static caisse_status_t sync_merchants(void* instance_plugin_ptr,
                                        const caisse_merchant_t* merchants, size_t count) noexcept {
    Instance<P>& self = instance<P>(instance_plugin_ptr);
    return guarded(self.host, [&] {
      std::vector<Merchant> views;
      views.reserve(count);
      for (std::size_t i = 0; i < count; ++i) views.push_back(from_c(merchants[i]));
      self.plugin.sync_merchants(std::span<const Merchant>(views));
    });
  }

  // Only the hooks the class defines; the optional ones stay NULL.
  static constexpr caisse_currency_hooks_t make_table() {
    caisse_currency_hooks_t table{};
    table.struct_size = sizeof(caisse_currency_hooks_t);
    table.caisse_on_currency_credit = &credit;
    table.caisse_on_currency_status = &status;
    if constexpr (PurchaseLister<P>) table.caisse_on_currency_list_purchases = &list_purchases;
    if constexpr (MerchantSyncer<P>) table.caisse_on_currency_sync_merchants = &sync_merchants;
    return table;
  }
  static constexpr caisse_currency_hooks_t table = make_table();
};

// A ByteSink over the host's C byte sink.
inline ByteSink host_byte_sink(caisse_bytes_sink_fn sink, void* sink_host_ptr) {
  return [sink, sink_host_ptr](std::string_view bytes) {
    const caisse_status_t status = sink(sink_host_ptr, to_c(bytes));
    if (status != CAISSE_STATUS_OK) throw StatusError(status, "the host stopped the file");
  };
}

inline PaymentEventSink host_event_sink(caisse_payment_event_sink_fn sink, void* sink_host_ptr) {
  return host_sink<PaymentEvent>(sink, sink_host_ptr, "events",
                                 [](const PaymentEvent& e) { return e.event_id; });
}

template <StatementPlugin P>
struct StatementHooks {
  static caisse_status_t parse(void* instance_plugin_ptr, caisse_str_t file_name,
                               caisse_str_t content, caisse_statement_sink_fn sink,
                               void* sink_host_ptr) noexcept {
    Instance<P>& self = instance<P>(instance_plugin_ptr);
    return guarded(self.host, [&] {
      const StatementSink emit = host_sink<StatementEntry>(
          sink, sink_host_ptr, "statement", [](const StatementEntry& e) { return e.location; });
      self.plugin.parse_statement(from_c(file_name), from_c(content), emit);
    });
  }
  static constexpr caisse_statement_hooks_t make_table() {
    caisse_statement_hooks_t table{};
    table.struct_size = sizeof(caisse_statement_hooks_t);
    table.caisse_on_statement_parse = &parse;
    return table;
  }
  static constexpr caisse_statement_hooks_t table = make_table();
};

template <CollectorPlugin P>
struct CollectorHooks {
  static caisse_status_t verify_webhook(void* instance_plugin_ptr, const caisse_webhook_t* webhook,
                                        caisse_str_t* event_id) noexcept {
    Instance<P>& self = instance<P>(instance_plugin_ptr);
    return guarded(self.host, [&] {
      self.retained_event_id = self.plugin.verify_webhook(from_c(*webhook));
      *event_id = to_c(self.retained_event_id);
    });
  }
  static caisse_status_t read_webhook(void* instance_plugin_ptr, const caisse_webhook_t* webhook,
                                      caisse_payment_event_sink_fn sink,
                                      void* sink_host_ptr) noexcept {
    Instance<P>& self = instance<P>(instance_plugin_ptr);
    return guarded(self.host, [&] {
      self.plugin.read_webhook(from_c(*webhook), host_event_sink(sink, sink_host_ptr));
    });
  }
  static caisse_status_t write_debits(void* instance_plugin_ptr, const caisse_debit_batch_t* batch,
                                      caisse_bytes_sink_fn sink, void* sink_host_ptr) noexcept {
    Instance<P>& self = instance<P>(instance_plugin_ptr);
    return guarded(self.host, [&] {
      check_size_1_4("debit batch", batch->struct_size, kDebitBatchSize_1_4);
      std::vector<Debit> debits;
      debits.reserve(batch->debit_count);
      for (std::size_t i = 0; i < batch->debit_count; ++i) {
        debits.push_back(from_c(batch->debits[i]));
      }
      const DebitBatch view{from_c(batch->message_id), from_c(batch->created_at),
                            from_c(batch->collection_date), std::span<const Debit>(debits)};
      self.plugin.write_debits(view, host_byte_sink(sink, sink_host_ptr));
    });
  }
  static caisse_status_t read_report(void* instance_plugin_ptr, caisse_str_t file_name,
                                     caisse_str_t content, caisse_payment_event_sink_fn sink,
                                     void* sink_host_ptr) noexcept {
    Instance<P>& self = instance<P>(instance_plugin_ptr);
    return guarded(self.host, [&] {
      self.plugin.read_report(from_c(file_name), from_c(content),
                              host_event_sink(sink, sink_host_ptr));
    });
  }
  static caisse_status_t list_payments(void* instance_plugin_ptr, int64_t from_ms, int64_t to_ms,
                                       caisse_payment_event_sink_fn sink,
                                       void* sink_host_ptr) noexcept {
    Instance<P>& self = instance<P>(instance_plugin_ptr);
    return guarded(self.host, [&] {
      self.plugin.list_payments(from_ms, to_ms, host_event_sink(sink, sink_host_ptr));
    });
  }

  // Only the hooks the class defines; the others stay NULL.
  static constexpr caisse_collector_hooks_t make_table() {
    caisse_collector_hooks_t table{};
    table.struct_size = sizeof(caisse_collector_hooks_t);
    if constexpr (WebhookVerifier<P>) table.caisse_on_collector_verify_webhook = &verify_webhook;
    if constexpr (WebhookReader<P>) table.caisse_on_collector_read_webhook = &read_webhook;
    if constexpr (DebitWriter<P>) table.caisse_on_collector_write_debits = &write_debits;
    if constexpr (ReportReader<P>) table.caisse_on_collector_read_report = &read_report;
    if constexpr (PaymentLister<P>) table.caisse_on_collector_list_payments = &list_payments;
    return table;
  }
  static constexpr caisse_collector_hooks_t table = make_table();
};

template <PayoutPlugin P>
struct PayoutHooks {
  static caisse_status_t write_transfers(void* instance_plugin_ptr,
                                         const caisse_transfer_batch_t* batch,
                                         caisse_bytes_sink_fn sink, void* sink_host_ptr) noexcept {
    Instance<P>& self = instance<P>(instance_plugin_ptr);
    return guarded(self.host, [&] {
      check_size_1_4("transfer batch", batch->struct_size, kTransferBatchSize_1_4);
      std::vector<Transfer> transfers;
      transfers.reserve(batch->transfer_count);
      for (std::size_t i = 0; i < batch->transfer_count; ++i) {
        transfers.push_back(from_c(batch->transfers[i]));
      }
      const TransferBatch view{from_c(batch->message_id), from_c(batch->created_at),
                               from_c(batch->execution_date), std::span<const Transfer>(transfers)};
      self.plugin.write_transfers(view, host_byte_sink(sink, sink_host_ptr));
    });
  }
  static constexpr caisse_payout_hooks_t make_table() {
    caisse_payout_hooks_t table{};
    table.struct_size = sizeof(caisse_payout_hooks_t);
    table.caisse_on_payout_write_transfers = &write_transfers;
    return table;
  }
  static constexpr caisse_payout_hooks_t table = make_table();
};

// Each role's table when the class plays the role, else NULL.
template <class P>
constexpr const caisse_rule_hooks_t* rule_table() {
  if constexpr (RulePlugin<P>) {
    return &RuleHooks<P>::table;
  } else {
    return nullptr;
  }
}

template <class P>
constexpr const caisse_currency_hooks_t* currency_table() {
  if constexpr (CurrencyPlugin<P>) {
    return &CurrencyHooks<P>::table;
  } else {
    return nullptr;
  }
}

template <class P>
constexpr const caisse_collector_hooks_t* collector_table() {
  if constexpr (CollectorPlugin<P>) {
    return &CollectorHooks<P>::table;
  } else {
    return nullptr;
  }
}

template <class P>
constexpr const caisse_statement_hooks_t* statement_table() {
  if constexpr (StatementPlugin<P>) {
    return &StatementHooks<P>::table;
  } else {
    return nullptr;
  }
}

template <class P>
constexpr const caisse_payout_hooks_t* payout_table() {
  if constexpr (PayoutPlugin<P>) {
    return &PayoutHooks<P>::table;
  } else {
    return nullptr;
  }
}

// A plugin may declare `static constexpr std::uint32_t abi_minor_required = N;` when it uses
// nothing newer than minor N; by default it needs the minor of the header it was built with.
template <class P>
constexpr std::uint32_t minor_required() {
  if constexpr (requires { P::abi_minor_required; }) {
    return P::abi_minor_required;
  } else {
    return CAISSE_SDK_ABI_MINOR;
  }
}

}  // namespace detail

// The roles the class plays, deduced from the member functions it has.
template <Plugin P>
constexpr std::uint32_t roles_of() {
  return (RulePlugin<P> ? static_cast<std::uint32_t>(CAISSE_ROLE_RULE) : 0u) |
         (CurrencyPlugin<P> ? static_cast<std::uint32_t>(CAISSE_ROLE_CURRENCY) : 0u) |
         (CollectorPlugin<P> ? static_cast<std::uint32_t>(CAISSE_ROLE_COLLECTOR) : 0u) |
         (StatementPlugin<P> ? static_cast<std::uint32_t>(CAISSE_ROLE_STATEMENT) : 0u) |
         (PayoutPlugin<P> ? static_cast<std::uint32_t>(CAISSE_ROLE_PAYOUT) : 0u);
}

// The static descriptor of plugin class P. `fields` must have static storage duration (a
// namespace-scope constexpr array), since the descriptor points into it.
template <class P, std::size_t N>
constexpr caisse_plugin_t describe(const char* name, const char* version, const char* description,
                                   const std::array<caisse_config_field_t, N>& fields) {
  static_assert(Plugin<P>,
                "a caisse plugin class has a constructor taking caisse::sdk::Host and plays a "
                "role: allocate(const AllocationInput&), suggest_contribution(const "
                "ContributionInput&) or bonus(const BonusInput&) for RULE, "
                "credit(std::span<const CreditLine>) and status(std::string_view) for CURRENCY, "
                "parse_statement for STATEMENT, verify_webhook, read_webhook, write_debits, "
                "read_report or list_payments for COLLECTOR, write_transfers for PAYOUT");
  return caisse_plugin_t{
      .struct_size = sizeof(caisse_plugin_t),
      .abi_major = CAISSE_SDK_ABI_MAJOR,
      .abi_minor_required = detail::minor_required<P>(),
      .name = name,
      .version = version,
      .description = description,
      .roles = roles_of<P>(),
      .config_fields = N == 0 ? nullptr : fields.data(),
      .config_field_count = N,
      .caisse_on_instance_init = &detail::Lifecycle<P>::init,
      .caisse_on_instance_destroy = &detail::Lifecycle<P>::destroy,
      .currency = detail::currency_table<P>(),
      .rule = detail::rule_table<P>(),
      .collector = detail::collector_table<P>(),
      .statement = detail::statement_table<P>(),
      .payout = detail::payout_table<P>(),
  };
}

}  // namespace caisse::sdk

// Registers PluginClass as this shared object's plugin: defines the static descriptor and the
// exported entry point. Write it once, at namespace scope, at the bottom of the plugin's file:
//
//   CAISSE_PLUGIN(Hello, "hello", "1.0.0", "Tutorial rule.", hello_config)
//
// name must match the file name (hello -> hello.so) and [a-z0-9_-]+; config_fields is a
// constexpr std::array of caisse_config_field_t (caisse::sdk::no_config for none).
#define CAISSE_PLUGIN(PluginClass, name, version, description, config_fields)            \
  extern "C" CAISSE_EXPORT const caisse_plugin_t* caisse_plugin_entry(void) {            \
    static constexpr caisse_plugin_t caisse_plugin_descriptor =                          \
        ::caisse::sdk::describe<PluginClass>(name, version, description, config_fields); \
    return &caisse_plugin_descriptor;                                                    \
  }
