#include "plugins/descriptor_check.hpp"

#include <cstddef>
#include <string>

#include "plugins/config_schema_check.hpp"
#include "plugins/descriptor_names.hpp"

namespace caisse::host::plugins {
namespace {

// Sizes as of ABI 1.0: the end of the last field 1.0 defines. Later minors append, so a writer
// that knew 1.0 always reports at least this much.
constexpr std::size_t kDescriptorSize_1_0 =
    offsetof(caisse_plugin_t, rule) + sizeof(caisse_plugin_t::rule);
constexpr std::size_t kCurrencyHooksSize_1_0 =
    offsetof(caisse_currency_hooks_t, caisse_on_currency_status) +
    sizeof(caisse_currency_hooks_t::caisse_on_currency_status);
constexpr std::size_t kRuleHooksSize_1_0 = offsetof(caisse_rule_hooks_t, caisse_on_rule_allocate) +
                                           sizeof(caisse_rule_hooks_t::caisse_on_rule_allocate);

// The roles whose hook tables this host knows; the others are refused rather than stubbed.
constexpr std::uint32_t kSupportedRoles = CAISSE_ROLE_CURRENCY | CAISSE_ROLE_RULE;

const std::string kHostAbi =
    std::to_string(CAISSE_SDK_ABI_MAJOR) + "." + std::to_string(CAISSE_SDK_ABI_MINOR);

std::string too_small(const std::string& what, std::uint32_t size, std::size_t size_1_0) {
  return what + " struct_size " + std::to_string(size) + " is smaller than " +
         std::to_string(size_1_0) + ", its size in ABI 1.0";
}

// A role is declared if and only if its table is there; the table is big enough (checked before
// reading any hook) and has every hook. first_missing_hook names a NULL hook, or returns nullptr.
template <class Table, class FirstMissingHook>
Result<void> check_role(const caisse_plugin_t& d, std::uint32_t role, const Table* table,
                        std::size_t size_1_0, FirstMissingHook first_missing_hook) {
  const std::string name = role_names(role);
  const bool declared = (d.roles & role) != 0;
  if (declared && table == nullptr) {
    return make_error("declares role " + name + " but has no " + name + " hook table");
  }
  if (!declared && table != nullptr) {
    return make_error("has a " + name + " hook table but does not declare role " + name);
  }
  if (table == nullptr) return {};
  if (table->struct_size < size_1_0) {
    return make_error(too_small(name + " hook table", table->struct_size, size_1_0));
  }
  if (const char* hook = first_missing_hook(*table); hook != nullptr) {
    return make_error(name + " hook " + hook + " is NULL");
  }
  return {};
}

}  // namespace

Result<void> check_descriptor(const caisse_plugin_t& d, std::string_view file_stem) {
  // abi_major and abi_minor_required sit right after struct_size in every version: safe to read.
  if (d.abi_major != CAISSE_SDK_ABI_MAJOR) {
    return make_error("built for ABI major " + std::to_string(d.abi_major) +
                      ", this host implements ABI " + kHostAbi);
  }
  if (d.abi_minor_required > CAISSE_SDK_ABI_MINOR) {
    return make_error("requires ABI " + std::to_string(d.abi_major) + "." +
                      std::to_string(d.abi_minor_required) + ", this host implements ABI " +
                      kHostAbi);
  }
  if (d.struct_size < kDescriptorSize_1_0) {
    return make_error(too_small("descriptor", d.struct_size, kDescriptorSize_1_0));
  }
  if (d.name == nullptr || file_stem != d.name) {
    return make_error("descriptor names the plugin \"" + std::string(d.name ? d.name : "") +
                      "\", the file is " + std::string(file_stem) + ".so");
  }
  if (d.caisse_on_instance_init == nullptr) return make_error("caisse_on_instance_init is NULL");
  if (d.caisse_on_instance_destroy == nullptr) {
    return make_error("caisse_on_instance_destroy is NULL");
  }
  if (const std::uint32_t unsupported = d.roles & ~kSupportedRoles; unsupported != 0) {
    return make_error("role " + role_names(unsupported) + " is not supported by this host (ABI " +
                      kHostAbi + " has no hook table for it)");
  }
  auto currency = check_role(d, CAISSE_ROLE_CURRENCY, d.currency, kCurrencyHooksSize_1_0,
                             [](const caisse_currency_hooks_t& t) -> const char* {
                               if (!t.caisse_on_currency_credit) return "caisse_on_currency_credit";
                               if (!t.caisse_on_currency_status) return "caisse_on_currency_status";
                               return nullptr;
                             });
  if (!currency) return currency;
  auto rule = check_role(d, CAISSE_ROLE_RULE, d.rule, kRuleHooksSize_1_0,
                         [](const caisse_rule_hooks_t& t) -> const char* {
                           return t.caisse_on_rule_allocate ? nullptr : "caisse_on_rule_allocate";
                         });
  if (!rule) return rule;
  if (d.roles == 0) return make_error("declares no role");
  return check_config_schema(d);
}

}  // namespace caisse::host::plugins
