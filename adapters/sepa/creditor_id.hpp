// The SEPA creditor identifier (ICS in France, EPC262-08): country, two check digits, a 3-character
// business code the check ignores ("ZZZ" when unused), then the national identifier. France
// issues 13-character ones (FRkkZZZ + 6); elsewhere they run to 35.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace caisse::adapters::sepa {

// Why `id` is not a valid creditor identifier, or nullopt.
std::optional<std::string> creditor_id_problem(std::string_view id);

}  // namespace caisse::adapters::sepa
