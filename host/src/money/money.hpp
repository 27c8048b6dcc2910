// Money: an integer count of a currency's minor units and the currency's code. Never floating
// point: amounts are parsed from and printed to decimal text digit by digit, and arithmetic
// that would overflow int64 or mix currencies is an error, not a wrong number.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace caisse::host::money {

struct Money {
  std::int64_t minor = 0;  // 12.50 EUR is {1250, "EUR"}
  std::string currency;    // "EUR", "MONA"

  friend bool operator==(const Money&, const Money&) = default;
};

// a + b, or an error when the currencies differ or the sum overflows.
Result<Money> add(const Money& a, const Money& b);
// a - b, same errors.
Result<Money> subtract(const Money& a, const Money& b);
// amount × factor (a count of people, of households), or an error on overflow.
Result<std::int64_t> multiply(std::int64_t amount_minor, std::int64_t factor);

// "12.50", "12,50", "-3", "0.5" -> minor units for a currency with `minor_unit` decimals (0-4).
// Either '.' or ',' separates decimals; no thousands separators, no exponent, no spaces, at
// most `minor_unit` decimals (more would have to be rounded, which is refused). The error says
// what is wrong with the text.
Result<std::int64_t> parse_decimal(std::string_view text, int minor_unit);

// 1250, 2 -> "12.50"; -5, 2 -> "-0.05"; 7, 0 -> "7".
std::string format_decimal(std::int64_t minor, int minor_unit);

// What `euro_minor` euro cents buy of a currency worth `parity_eur` euros per unit (a positive
// decimal written as text, "1.00"), in that currency's minor units, rounded toward zero: a
// caisse never issues more than the euros it holds. Errors: a parity that is not a positive
// decimal, a result beyond 64 bits.
Result<std::int64_t> convert_from_euros(std::int64_t euro_minor, std::string_view parity_eur,
                                        int currency_minor_unit);

}  // namespace caisse::host::money
