#include "decimal_amount.hpp"

#include <limits>

namespace caisse::adapters::cyclos {

std::string format_decimal(std::int64_t minor, int decimal_digits) {
  const bool negative = minor < 0;
  // Through unsigned so that INT64_MIN has a magnitude too.
  std::uint64_t magnitude =
      negative ? 0 - static_cast<std::uint64_t>(minor) : static_cast<std::uint64_t>(minor);
  std::string digits = std::to_string(magnitude);
  if (decimal_digits > 0) {
    const auto width = static_cast<std::size_t>(decimal_digits);
    if (digits.size() <= width) digits.insert(0, width + 1 - digits.size(), '0');
    digits.insert(digits.size() - width, 1, '.');
  }
  return negative ? "-" + digits : digits;
}

std::optional<std::int64_t> parse_decimal(std::string_view text, int decimal_digits) {
  bool negative = false;
  if (!text.empty() && text.front() == '-') {
    negative = true;
    text.remove_prefix(1);
  }
  const auto point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  const std::string_view fraction =
      point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
  if (whole.empty() || fraction.size() > static_cast<std::size_t>(decimal_digits) ||
      (point != std::string_view::npos && fraction.empty())) {
    return std::nullopt;
  }
  std::uint64_t value = 0;
  const auto add_digit = [&value](char c) {
    if (c < '0' || c > '9') return false;
    if (value > (std::numeric_limits<std::uint64_t>::max() - 9) / 10) return false;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
    return true;
  };
  for (const char c : whole) {
    if (!add_digit(c)) return std::nullopt;
  }
  for (int i = 0; i < decimal_digits; ++i) {
    const char c = static_cast<std::size_t>(i) < fraction.size() ? fraction[i] : '0';
    if (!add_digit(c)) return std::nullopt;
  }
  if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    return std::nullopt;
  }
  const auto signed_value = static_cast<std::int64_t>(value);
  return negative ? -signed_value : signed_value;
}

}  // namespace caisse::adapters::cyclos
