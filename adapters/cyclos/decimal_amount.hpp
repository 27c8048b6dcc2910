// Cyclos writes amounts as decimal strings in currency units ("12.50"); caissed counts integer
// minor units. The conversion is exact text work, never floating point.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace caisse::adapters::cyclos {

// 1250, 2 -> "12.50"; -5, 2 -> "-0.05".
std::string format_decimal(std::int64_t minor, int decimal_digits);

// "12.5", 2 -> 1250; "12" -> 1200; "-3.10" -> -310. nullopt for anything else: more decimals than
// the currency has, a sign without digits, spaces, an exponent, an overflow.
std::optional<std::int64_t> parse_decimal(std::string_view text, int decimal_digits);

}  // namespace caisse::adapters::cyclos
