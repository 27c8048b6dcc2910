// caisse/sdk.hpp: the header-only C++ wrapper over the C ABI in caisse/sdk.h.
//
// A plugin is a class plus one line:
//
//   class MyRule {
//    public:
//     explicit MyRule(caisse::sdk::Host host);                              // reads config
//     std::int64_t allocate(const caisse::sdk::AllocationInput& household); // RULE role
//   };
//   CAISSE_PLUGIN(MyRule, "my_rule", "1.0.0", "What it does.", my_config)
//
// Roles are deduced from the member functions (RULE: any of allocate, suggest_contribution and
// bonus; CURRENCY: credit and status; STATEMENT: parse_statement; COLLECTOR: any of
// verify_webhook, read_webhook, write_debits, read_report and list_payments; PAYOUT:
// write_transfers).
// Any exception thrown by the constructor or a hook is caught at the boundary: its message goes
// to caisse_host_set_error and the hook returns CAISSE_STATUS_INTERNAL, or the status carried by
// a caisse::sdk::StatusError (ConfigError: INVALID_ARGUMENT). Nothing C++ crosses the boundary.
// The tutorial is examples/plugins/hello/hello.cpp; the guide is docs/sdk.md.
#pragma once

#include <caisse/sdk.h>

#include <caisse/sdk/config_fields.hpp>
#include <caisse/sdk/host.hpp>
#include <caisse/sdk/payment_values.hpp>
#include <caisse/sdk/plugin.hpp>
#include <caisse/sdk/values.hpp>
