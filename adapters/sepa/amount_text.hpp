// Euro amounts as SEPA files write them: "12.34", a dot and exactly two decimals, from integer
// cents and back, never through floating point.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace caisse::adapters::sepa {

// The largest amount of one SEPA payment, 999 999 999.99 EUR (EPC).
inline constexpr std::int64_t kMaxAmountMinor = 99'999'999'999;

// 1234 -> "12.34", 5 -> "0.05", 0 -> "0.00". Negative amounts get a leading '-' (never written
// to a file; the writers refuse them before).
std::string format_amount(std::int64_t minor);

// "12.34" -> 1234, "12.3" -> 1230, "12" -> 1200. nullopt for a sign, more than two decimals,
// spaces, an exponent, a comma, or more than 15 integer digits.
std::optional<std::int64_t> parse_amount(std::string_view text);

}  // namespace caisse::adapters::sepa
