// Turns a C++ class into a caisse plugin: the role concepts, the C trampolines that catch every
// exception at the boundary, the static descriptor, and the CAISSE_PLUGIN registration macro.
#pragma once

#include <caisse/sdk.h>

#include <caisse/sdk/host.hpp>
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

// A plugin class is built from the Host of its instance and plays at least one role.
template <class P>
concept Plugin = std::constructible_from<P, Host> &&(RulePlugin<P> || CurrencyPlugin<P>);

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
      const PurchaseSink emit = [&](const Purchase& purchase) {
        const caisse_purchase_t c = to_c(purchase);
        const caisse_status_t status = sink(sink_host_ptr, &c);
        if (status != CAISSE_STATUS_OK) {
          throw StatusError(status, "the host stopped the listing at " + purchase.external_ref);
        }
      };
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
         (CurrencyPlugin<P> ? static_cast<std::uint32_t>(CAISSE_ROLE_CURRENCY) : 0u);
}

// The static descriptor of plugin class P. `fields` must have static storage duration (a
// namespace-scope constexpr array), since the descriptor points into it.
template <class P, std::size_t N>
constexpr caisse_plugin_t describe(const char* name, const char* version, const char* description,
                                   const std::array<caisse_config_field_t, N>& fields) {
  static_assert(Plugin<P>,
                "a caisse plugin class has a constructor taking caisse::sdk::Host and plays a "
                "role: allocate(const AllocationInput&), suggest_contribution(const "
                "ContributionInput&) or bonus(const BonusInput&) for RULE, or "
                "credit(std::span<const CreditLine>) and status(std::string_view) for CURRENCY");
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
