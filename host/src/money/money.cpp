#include "money/money.hpp"

#include <limits>

namespace caisse::host::money {
namespace {

Result<Money> combine(const Money& a, const Money& b, bool subtracting) {
  if (a.currency != b.currency) {
    return make_error("cannot combine " + a.currency + " with " + b.currency);
  }
  std::int64_t out = 0;
  bool overflow = subtracting ? __builtin_sub_overflow(a.minor, b.minor, &out)
                              : __builtin_add_overflow(a.minor, b.minor, &out);
  if (overflow) return make_error("amount overflows in " + a.currency);
  return Money{out, a.currency};
}

}  // namespace

Result<Money> add(const Money& a, const Money& b) {
  return combine(a, b, false);
}

Result<Money> subtract(const Money& a, const Money& b) {
  return combine(a, b, true);
}

Result<std::int64_t> multiply(std::int64_t amount_minor, std::int64_t factor) {
  std::int64_t out = 0;
  if (__builtin_mul_overflow(amount_minor, factor, &out)) {
    return make_error("amount overflows: " + std::to_string(amount_minor) + " x " +
                      std::to_string(factor));
  }
  return out;
}

Result<std::int64_t> parse_decimal(std::string_view text, int minor_unit) {
  const std::string shown = "\"" + std::string(text) + "\"";
  if (minor_unit < 0 || minor_unit > 4) return make_error("minor unit must be 0 to 4");
  bool negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  const auto separator = text.find_first_of(".,");
  std::string_view whole = text.substr(0, separator);
  std::string_view fraction =
      separator == std::string_view::npos ? std::string_view{} : text.substr(separator + 1);
  if (whole.empty() || (separator != std::string_view::npos && fraction.empty())) {
    return make_error(shown + " is not an amount (expected digits, such as 12.50)");
  }
  if (static_cast<int>(fraction.size()) > minor_unit) {
    return make_error(shown + " has more than " + std::to_string(minor_unit) + " decimals");
  }
  std::int64_t value = 0;
  auto push_digit = [&](char c) -> bool {
    if (c < '0' || c > '9') return false;
    return !__builtin_mul_overflow(value, 10, &value) &&
           !__builtin_add_overflow(value, c - '0', &value);
  };
  for (char c : whole) {
    if (!push_digit(c)) return make_error(shown + " is not an amount or is too large");
  }
  for (char c : fraction) {
    if (!push_digit(c)) return make_error(shown + " is not an amount or is too large");
  }
  for (int i = static_cast<int>(fraction.size()); i < minor_unit; ++i) {
    if (!push_digit('0')) return make_error(shown + " is too large");
  }
  return negative ? -value : value;
}

std::string format_decimal(std::int64_t minor, int minor_unit) {
  // Unsigned, so that the most negative int64 prints too.
  std::uint64_t magnitude =
      minor < 0 ? 0 - static_cast<std::uint64_t>(minor) : static_cast<std::uint64_t>(minor);
  std::string digits = std::to_string(magnitude);
  if (minor_unit > 0) {
    if (digits.size() <= static_cast<std::size_t>(minor_unit)) {
      digits.insert(0, static_cast<std::size_t>(minor_unit) + 1 - digits.size(), '0');
    }
    digits.insert(digits.size() - static_cast<std::size_t>(minor_unit), 1, '.');
  }
  return (minor < 0 ? "-" : "") + digits;
}

Result<std::int64_t> convert_from_euros(std::int64_t euro_minor, std::string_view parity_eur,
                                        int currency_minor_unit) {
  // parity = numerator / 10^scale, read with up to 6 decimals as the caisse files allow.
  const auto dot = parity_eur.find('.');
  const int scale =
      dot == std::string_view::npos ? 0 : static_cast<int>(parity_eur.size() - dot - 1);
  auto numerator = parse_decimal(parity_eur, scale);
  if (!numerator || scale > 6 || *numerator <= 0) {
    return make_error("parity \"" + std::string(parity_eur) + "\" is not a positive decimal");
  }
  if (currency_minor_unit < 0 || currency_minor_unit > 4)
    return make_error("minor unit must be 0 to 4");
  // minor = euro_minor / 100 / parity * 10^currency_minor_unit, in 128 bits until the end.
  __int128 scaled = euro_minor;
  for (int i = 0; i < currency_minor_unit + scale; ++i) scaled *= 10;
  __int128 result = scaled / (static_cast<__int128>(100) * *numerator);
  if (result > INT64_MAX || result < INT64_MIN) return make_error("amount overflows");
  return static_cast<std::int64_t>(result);
}

}  // namespace caisse::host::money
