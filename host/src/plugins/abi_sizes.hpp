// How many bytes of each table a plugin built against a given ABI minor has written: the end of
// the last field that minor defines. Minors only append, so a table whose struct_size reaches
// one of these has every field up to it; the host reads nothing beyond struct_size.
#pragma once

#include <caisse/sdk.h>

#include <cstddef>

namespace caisse::host::plugins {

// ABI 1.0.
inline constexpr std::size_t kDescriptorSize_1_0 =
    offsetof(caisse_plugin_t, rule) + sizeof(caisse_plugin_t::rule);
inline constexpr std::size_t kCurrencyHooksSize_1_0 =
    offsetof(caisse_currency_hooks_t, caisse_on_currency_status) +
    sizeof(caisse_currency_hooks_t::caisse_on_currency_status);
inline constexpr std::size_t kRuleHooksSize_1_0 =
    offsetof(caisse_rule_hooks_t, caisse_on_rule_allocate) +
    sizeof(caisse_rule_hooks_t::caisse_on_rule_allocate);

// ABI 1.1 appended caisse_on_rule_suggest_contribution, then caisse_on_rule_bonus.
inline constexpr std::size_t kRuleHooksSuggestContributionEnd =
    offsetof(caisse_rule_hooks_t, caisse_on_rule_suggest_contribution) +
    sizeof(caisse_rule_hooks_t::caisse_on_rule_suggest_contribution);
inline constexpr std::size_t kRuleHooksSize_1_1 =
    offsetof(caisse_rule_hooks_t, caisse_on_rule_bonus) +
    sizeof(caisse_rule_hooks_t::caisse_on_rule_bonus);

// ABI 1.2 introduced the HTTP request and response of caisse_host_http_send.
inline constexpr std::size_t kHttpRequestSize_1_2 =
    offsetof(caisse_http_request_t, timeout_ms) + sizeof(caisse_http_request_t::timeout_ms);
inline constexpr std::size_t kHttpResponseSize_1_2 =
    offsetof(caisse_http_response_t, error_host_ptr) +
    sizeof(caisse_http_response_t::error_host_ptr);

// ABI 1.3 appended caisse_on_currency_list_purchases, then caisse_on_currency_sync_merchants.
inline constexpr std::size_t kCurrencyHooksListPurchasesEnd =
    offsetof(caisse_currency_hooks_t, caisse_on_currency_list_purchases) +
    sizeof(caisse_currency_hooks_t::caisse_on_currency_list_purchases);
inline constexpr std::size_t kCurrencyHooksSize_1_3 =
    offsetof(caisse_currency_hooks_t, caisse_on_currency_sync_merchants) +
    sizeof(caisse_currency_hooks_t::caisse_on_currency_sync_merchants);
inline constexpr std::size_t kPurchaseSize_1_3 =
    offsetof(caisse_purchase_t, paid_at_ms) + sizeof(caisse_purchase_t::paid_at_ms);

// ABI 1.4 appended the COLLECTOR, STATEMENT and PAYOUT tables to the descriptor.
inline constexpr std::size_t kDescriptorSize_1_4 =
    offsetof(caisse_plugin_t, payout) + sizeof(caisse_plugin_t::payout);
inline constexpr std::size_t kCollectorHooksSize_1_4 =
    offsetof(caisse_collector_hooks_t, caisse_on_collector_list_payments) +
    sizeof(caisse_collector_hooks_t::caisse_on_collector_list_payments);
inline constexpr std::size_t kStatementHooksSize_1_4 =
    offsetof(caisse_statement_hooks_t, caisse_on_statement_parse) +
    sizeof(caisse_statement_hooks_t::caisse_on_statement_parse);
inline constexpr std::size_t kPayoutHooksSize_1_4 =
    offsetof(caisse_payout_hooks_t, caisse_on_payout_write_transfers) +
    sizeof(caisse_payout_hooks_t::caisse_on_payout_write_transfers);
inline constexpr std::size_t kStatementEntrySize_1_4 =
    offsetof(caisse_statement_entry_t, return_reason) +
    sizeof(caisse_statement_entry_t::return_reason);
inline constexpr std::size_t kPaymentEventSize_1_4 =
    offsetof(caisse_payment_event_t, location) + sizeof(caisse_payment_event_t::location);

}  // namespace caisse::host::plugins
