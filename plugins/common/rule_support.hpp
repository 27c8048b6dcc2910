// What every rule plugin of plugins/ shares, so that none of them re-implements it:
//   * checked int64 arithmetic: a result that does not fit in 64 bits is the input's fault, so
//     the hook fails with INVALID_ARGUMENT and a message naming the household and the formula;
//   * household size (a household without members is refused);
//   * readers for configuration values (amounts in minor units, rates in basis points), which
//     refuse a value out of range with a ConfigError naming the key (init: INVALID_ARGUMENT);
//   * strict parsing of the small text formats some rules take (amounts, months, lists).
// Everything is integer arithmetic, and every division rounds down (amounts are never negative).
// docs/rules.md describes the rules for committees and operators.
#pragma once

#include <caisse/sdk.hpp>

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace caisse::rules {

// 10000 basis points make 100 %: rates are integers, 1250 is 12.5 %.
inline constexpr std::int64_t kBasisPointsPerWhole = 10'000;

// Fails the current hook with INVALID_ARGUMENT: the input is wrong and the same call fails again.
[[noreturn]] inline void refuse(const std::string& message) {
  throw sdk::StatusError(CAISSE_STATUS_INVALID_ARGUMENT, message);
}

// "household h1: <formula> overflows a 64-bit amount (<a> <op> <b>)".
[[noreturn]] inline void refuse_overflow(std::string_view household_id, std::string_view formula,
                                         std::int64_t a, const char* op, std::int64_t b) {
  refuse("household " + std::string(household_id) + ": " + std::string(formula) +
         " overflows a 64-bit amount (" + std::to_string(a) + " " + op + " " + std::to_string(b) +
         ")");
}

inline std::int64_t checked_add(std::int64_t a, std::int64_t b, std::string_view household_id,
                                std::string_view formula) {
  std::int64_t sum = 0;
  if (__builtin_add_overflow(a, b, &sum)) refuse_overflow(household_id, formula, a, "+", b);
  return sum;
}

inline std::int64_t checked_mul(std::int64_t a, std::int64_t b, std::string_view household_id,
                                std::string_view formula) {
  std::int64_t product = 0;
  if (__builtin_mul_overflow(a, b, &product)) refuse_overflow(household_id, formula, a, "×", b);
  return product;
}

// floor(amount × rate_bp / 10000) for amount >= 0 and rate_bp in [0, 10000]; the product is
// computed exactly, so an amount above about 9.2 × 10^14 minor units can overflow.
inline std::int64_t basis_points_of(std::int64_t amount, std::int64_t rate_bp,
                                    std::string_view household_id, std::string_view formula) {
  return checked_mul(amount, rate_bp, household_id, formula) / kBasisPointsPerWhole;
}

// adults + children, refusing a household without members (no per-person rule can apply).
inline std::int64_t members(std::string_view household_id, std::uint32_t adults,
                            std::uint32_t children) {
  const std::int64_t count = std::int64_t{adults} + std::int64_t{children};
  if (count == 0) refuse("household " + std::string(household_id) + " has no members");
  return count;
}

// first + extra × (members - 1), members >= 1: an amount for the first person and another for
// each further one (Nantes' allocation, Gironde's minimum contribution).
inline std::int64_t first_plus_extra(std::int64_t first, std::int64_t extra, std::int64_t members,
                                     std::string_view household_id, std::string_view formula) {
  return checked_add(first, checked_mul(extra, members - 1, household_id, formula), household_id,
                     formula);
}

// ---- configuration ------------------------------------------------------------------------

inline std::int64_t non_negative(std::string_view key, std::int64_t value) {
  if (value < 0) {
    throw sdk::ConfigError(std::string(key) + " must be 0 or more (minor units), got " +
                           std::to_string(value));
  }
  return value;
}

// An amount in minor units (>= 0) from a field that is REQUIRED or has a default.
inline std::int64_t config_amount(const sdk::Host& host, std::string_view key) {
  return non_negative(key, host.config<std::int64_t>(key));
}

// An amount in minor units (>= 0) from an optional field without default; nullopt when absent.
inline std::optional<std::int64_t> optional_amount(const sdk::Host& host, std::string_view key) {
  const std::optional<std::int64_t> value = host.config_int(key);
  if (value) non_negative(key, *value);
  return value;
}

// A rate in basis points, 0 to 10000 (0 % to 100 %), from a REQUIRED field or one with a default.
inline std::int64_t config_rate_bp(const sdk::Host& host, std::string_view key) {
  const std::int64_t rate = host.config<std::int64_t>(key);
  if (rate < 0 || rate > kBasisPointsPerWhole) {
    throw sdk::ConfigError(std::string(key) +
                           " must be between 0 and 10000 basis points (0 % to 100 %), got " +
                           std::to_string(rate));
  }
  return rate;
}

// ---- strict text parsing ------------------------------------------------------------------

// A whole number of minor units written with ASCII digits only (no sign, space, separator or
// decimal point) that fits in int64; nullopt otherwise.
inline std::optional<std::int64_t> parse_amount(std::string_view text) {
  if (text.empty()) return std::nullopt;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// "YYYY-MM" with a month from 01 to 12.
inline bool is_month(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i != 4 && (text[i] < '0' || text[i] > '9')) return false;
  }
  const int month = (text[5] - '0') * 10 + (text[6] - '0');
  return month >= 1 && month <= 12;
}

// The text without leading and trailing spaces (only ' ': tabs and newlines stay and are refused
// by the parsers).
inline std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// The comma-separated items of a list, each trimmed of spaces. Empty items are kept (as empty
// views) so that the caller refuses "a,,b" and a trailing comma.
inline std::vector<std::string_view> split_list(std::string_view text) {
  std::vector<std::string_view> items;
  while (true) {
    const std::size_t comma = text.find(',');
    items.push_back(trim_spaces(text.substr(0, comma)));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return items;
}

}  // namespace caisse::rules
