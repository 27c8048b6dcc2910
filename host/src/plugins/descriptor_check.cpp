#include "plugins/descriptor_check.hpp"

#include <cstddef>
#include <string>

#include "plugins/abi_sizes.hpp"
#include "plugins/config_schema_check.hpp"
#include "plugins/descriptor_names.hpp"

namespace caisse::host::plugins {
namespace {

// The roles whose hook tables this host knows; the others are refused rather than stubbed.
constexpr std::uint32_t kSupportedRoles = CAISSE_ROLE_CURRENCY | CAISSE_ROLE_RULE |
                                          CAISSE_ROLE_COLLECTOR | CAISSE_ROLE_STATEMENT |
                                          CAISSE_ROLE_PAYOUT;

const std::string kHostAbi =
    std::to_string(CAISSE_SDK_ABI_MAJOR) + "." + std::to_string(CAISSE_SDK_ABI_MINOR);

std::string too_small(const std::string& what, std::uint32_t size, std::size_t size_1_0) {
  return what + " struct_size " + std::to_string(size) + " is smaller than " +
         std::to_string(size_1_0) + ", its size in ABI 1.0";
}

// A role is declared if and only if its table is there; the table is big enough (checked before
// reading any hook) and has the hooks it must have. missing_hooks says what is NULL that must
// not be ("caisse_on_currency_status is NULL"), or returns an empty string.
template <class Table, class MissingHooks>
Result<void> check_role(const caisse_plugin_t& d, std::uint32_t role, const Table* table,
                        std::size_t size_1_0, MissingHooks missing_hooks) {
  const std::string name = role_names(role);
  const bool declared = (d.roles & role) != 0;
  if (declared && table == nullptr && d.struct_size < kDescriptorSize_1_4 &&
      (role & (CAISSE_ROLE_COLLECTOR | CAISSE_ROLE_STATEMENT | CAISSE_ROLE_PAYOUT)) != 0) {
    return make_error("declares role " + name + ", whose hook table came with ABI 1.4, but was " +
                      "built against an older header");
  }
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
  if (const std::string missing = missing_hooks(*table); !missing.empty()) {
    return make_error(name + " hook " + missing);
  }
  return {};
}

// The 1.4 roles. Their tables exist only in descriptors at least as big as ABI 1.4's, and every
// hook of them may be NULL as long as the role does something.
Result<void> check_money_roles(const caisse_plugin_t& d) {
  const bool knows_1_4 = d.struct_size >= kDescriptorSize_1_4;
  auto collector =
      check_role(d, CAISSE_ROLE_COLLECTOR, knows_1_4 ? d.collector : nullptr,
                 kCollectorHooksSize_1_4, [](const caisse_collector_hooks_t& t) -> std::string {
                   if (t.caisse_on_collector_verify_webhook || t.caisse_on_collector_read_webhook ||
                       t.caisse_on_collector_write_debits || t.caisse_on_collector_read_report ||
                       t.caisse_on_collector_list_payments) {
                     return {};
                   }
                   return "table has every hook NULL: set at least one";
                 });
  if (!collector) return collector;
  auto statement = check_role(
      d, CAISSE_ROLE_STATEMENT, knows_1_4 ? d.statement : nullptr, kStatementHooksSize_1_4,
      [](const caisse_statement_hooks_t& t) -> std::string {
        return t.caisse_on_statement_parse ? std::string() : "caisse_on_statement_parse is NULL";
      });
  if (!statement) return statement;
  return check_role(d, CAISSE_ROLE_PAYOUT, knows_1_4 ? d.payout : nullptr, kPayoutHooksSize_1_4,
                    [](const caisse_payout_hooks_t& t) -> std::string {
                      return t.caisse_on_payout_write_transfers
                                 ? std::string()
                                 : "caisse_on_payout_write_transfers is NULL";
                    });
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
                             [](const caisse_currency_hooks_t& t) -> std::string {
                               if (!t.caisse_on_currency_credit) {
                                 return "caisse_on_currency_credit is NULL";
                               }
                               if (!t.caisse_on_currency_status) {
                                 return "caisse_on_currency_status is NULL";
                               }
                               return {};
                             });
  if (!currency) return currency;
  auto rule = check_role(d, CAISSE_ROLE_RULE, d.rule, kRuleHooksSize_1_0,
                         [](const caisse_rule_hooks_t& t) -> std::string {
                           // A 1.0 table has one hook, which must be there. From 1.1 any subset
                           // will do (the host answers UNSUPPORTED for the others), as long as
                           // the rule computes something.
                           if (t.struct_size < kRuleHooksSize_1_1) {
                             return t.caisse_on_rule_allocate ? std::string()
                                                              : "caisse_on_rule_allocate is NULL";
                           }
                           if (t.caisse_on_rule_allocate || t.caisse_on_rule_suggest_contribution ||
                               t.caisse_on_rule_bonus) {
                             return {};
                           }
                           return "table has every hook NULL: set at least one of "
                                  "caisse_on_rule_allocate, caisse_on_rule_suggest_contribution, "
                                  "caisse_on_rule_bonus";
                         });
  if (!rule) return rule;
  auto money_roles = check_money_roles(d);
  if (!money_roles) return money_roles;
  if (d.roles == 0) return make_error("declares no role");
  return check_config_schema(d);
}

}  // namespace caisse::host::plugins
