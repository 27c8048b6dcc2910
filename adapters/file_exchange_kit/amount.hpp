// Amounts as exchanged files write them, to and from integer minor units. Never a
// floating-point number: "1 234,50" with 2 decimals is 123450, digit by digit.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace caisse::adapters::file_exchange_kit {

// 10000 with 2 decimals and ',' -> "100,00"; -5 -> "-0,05".
std::string format_amount(std::int64_t minor, int minor_unit, char decimal = '.');

// Parses an amount written with `decimal` as the decimal separator, strictly:
//   an optional sign, digits, optionally grouped by three with spaces (' ', U+00A0 or U+202F,
//   what French spreadsheets print), then `decimal` and at most `minor_unit` digits.
// "12,50", "12,5", "-3", "1 234,50" are amounts with ','; "12.50", "1.234,50", "12,505" (with
// 2 decimals), "12 €" and "" are not. The string alternative is the reason, for a message.
std::variant<std::int64_t, std::string> parse_amount(std::string_view text, char decimal,
                                                     int minor_unit);

}  // namespace caisse::adapters::file_exchange_kit
