// Providers name a payment's outcome with their own words ("paid_out", "payment.succeeded");
// each mapping keeps a table of the words it knows, and anything else is skipped, not an error.
#pragma once

#include <caisse/sdk.hpp>

#include <array>
#include <optional>
#include <string_view>

namespace caisse::adapters::card {

struct NamedState {
  std::string_view name;
  sdk::PaymentState state;
};

// The state `name` stands for in table, or nullopt for a name the table does not know.
template <std::size_t N>
std::optional<sdk::PaymentState> state_named(const std::array<NamedState, N>& table,
                                             std::string_view name) {
  for (const NamedState& known : table) {
    if (known.name == name) return known.state;
  }
  return std::nullopt;
}

}  // namespace caisse::adapters::card
