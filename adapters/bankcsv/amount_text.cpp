#include "amount_text.hpp"

#include <limits>

namespace caisse::adapters::bankcsv {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kPowersOfTen[] = {1, 10, 100, 1000, 10000, 100000, 1000000};

bool digit(char c) {
  return c >= '0' && c <= '9';
}

// The byte length of a thousands separator at text[i], or 0. A space grouping also accepts the
// no-break spaces spreadsheets and banks print (UTF-8 U+00A0 and U+202F).
std::size_t separator_at(std::string_view text, std::size_t i, char thousands) {
  if (thousands == '\0') return 0;
  if (text[i] == thousands) return 1;
  if (thousands != ' ') return 0;
  if (text.compare(i, 2, "\xC2\xA0") == 0) return 2;
  if (text.compare(i, 3, "\xE2\x80\xAF") == 0) return 3;
  return 0;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

ParsedAmount parse_amount(std::string_view raw, const AmountFormat& format) {
  const std::string_view text = trimmed(raw);
  if (text.empty()) return {0, AmountError::empty};
  std::size_t i = 0;
  const bool negative = text[0] == '-';
  if (text[0] == '-' || text[0] == '+') {
    if (!format.allow_sign) return {0, AmountError::misplaced_sign};
    ++i;
  }
  // The integer part, with its grouping checked as it goes: the first group has 1 to 3
  // digits, every later one exactly 3.
  std::int64_t units = 0;
  int digits = 0, group = 0;
  bool grouped = false;
  for (; i < text.size(); ++i) {
    if (digit(text[i])) {
      if (units > (kMax - (text[i] - '0')) / 10) return {0, AmountError::too_large};
      units = units * 10 + (text[i] - '0');
      ++digits;
      if (++group > 3 && grouped) return {0, AmountError::bad_grouping};
      continue;
    }
    const std::size_t width = separator_at(text, i, format.thousands);
    if (width == 0) break;
    if (group == 0 || (grouped ? group != 3 : group > 3)) return {0, AmountError::bad_grouping};
    grouped = true;
    group = 0;
    i += width - 1;
  }
  if (digits == 0) return {0, AmountError::not_a_number};
  if (grouped && group != 3) return {0, AmountError::bad_grouping};
  std::int64_t fraction = 0;
  int decimals = 0;
  if (i < text.size() && text[i] == format.decimal) {
    for (++i; i < text.size() && digit(text[i]); ++i, ++decimals) {
      if (decimals < format.minor_unit) {
        fraction = fraction * 10 + (text[i] - '0');
      } else if (text[i] != '0' || !format.allow_zero_padding) {
        return {0, AmountError::too_many_decimals};
      }
    }
    if (decimals == 0) return {0, AmountError::not_a_number};
  }
  if (i < text.size()) {
    const char c = text[i];
    if ((c == '.' || c == ',') && c != format.decimal) {
      return {0, AmountError::wrong_decimal_separator};
    }
    if (c == '-' || c == '+') return {0, AmountError::misplaced_sign};
    return {0, AmountError::not_a_number};
  }
  for (int d = decimals; d < format.minor_unit; ++d) fraction *= 10;
  const std::int64_t scale = kPowersOfTen[format.minor_unit];
  if (units > (kMax - fraction) / scale) return {0, AmountError::too_large};
  const std::int64_t minor = units * scale + fraction;
  return {negative ? -minor : minor, AmountError::none};
}

std::string amount_error_text(AmountError error, std::string_view text,
                              const AmountFormat& format) {
  const std::string quoted = "\"" + std::string(text) + "\"";
  switch (error) {
    case AmountError::none:
      return quoted + " is an amount";
    case AmountError::empty:
      return "empty, an amount is required";
    case AmountError::not_a_number:
      return quoted + " is not an amount";
    case AmountError::misplaced_sign:
      return format.allow_sign ? quoted + ": the sign goes first" : quoted + " has a sign";
    case AmountError::bad_grouping:
      return quoted + ": digits are grouped by three" +
             (format.thousands == '\0'
                  ? std::string(", and the profile sets no thousands_separator")
                  : std::string(" with \"") + format.thousands + "\"");
    case AmountError::too_many_decimals:
      return quoted + " has more decimals than the currency's " + std::to_string(format.minor_unit);
    case AmountError::wrong_decimal_separator:
      return quoted + ": the decimal separator is \"" + std::string(1, format.decimal) + "\"";
    case AmountError::too_large:
      return quoted + " is too large";
  }
  return quoted + " is not an amount";
}

}  // namespace caisse::adapters::bankcsv
