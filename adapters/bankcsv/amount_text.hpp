// Amounts as statements write them ("1 234,56", "-12.50", "8.850"), read digit by digit into
// integer minor units of their currency: never through a floating-point number. Shared by the
// bankcsv and camt adapters. Allocation-free unless the text is wrong.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace caisse::adapters::bankcsv {

struct AmountFormat {
  char decimal = ',';  // the decimal separator
  // Groups digits by three: '\0' (no grouping), ' ' (also U+00A0 and U+202F in UTF-8), '.', '\''.
  char thousands = '\0';
  int minor_unit = 2;  // decimals of the currency
  bool allow_sign = true;
  // Accept decimals beyond minor_unit when they are all zeros ("8.850" is 8.85 EUR). XML
  // amounts (camt) may carry up to five decimals; CSV exports never pad, so there it is off.
  bool allow_zero_padding = false;
};

enum class AmountError {
  none,
  empty,
  not_a_number,
  misplaced_sign,
  bad_grouping,
  too_many_decimals,
  wrong_decimal_separator,
  too_large,
};

struct ParsedAmount {
  std::int64_t minor = 0;
  AmountError error = AmountError::none;
};

ParsedAmount parse_amount(std::string_view text, const AmountFormat& format);

// The message for a failed parse: "\"12,5x\" is not an amount".
std::string amount_error_text(AmountError error, std::string_view text, const AmountFormat& format);

}  // namespace caisse::adapters::bankcsv
