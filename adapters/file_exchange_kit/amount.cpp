#include "amount.hpp"

#include <limits>

#include "ascii_text.hpp"

namespace caisse::adapters::file_exchange_kit {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The byte length of a digit-group space at text[i] (' ', NBSP, narrow NBSP), or 0.
std::size_t group_space(std::string_view text, std::size_t i) {
  if (text[i] == ' ') return 1;
  if (text.substr(i, 2) == "\xC2\xA0") return 2;
  if (text.substr(i, 3) == "\xE2\x80\xAF") return 3;
  return 0;
}

}  // namespace

std::string format_amount(std::int64_t minor, int minor_unit, char decimal) {
  // The magnitude as unsigned, so that INT64_MIN has one too.
  const std::uint64_t magnitude =
      minor < 0 ? ~static_cast<std::uint64_t>(minor) + 1 : static_cast<std::uint64_t>(minor);
  std::string digits = std::to_string(magnitude);
  if (minor_unit > 0) {
    const auto unit = static_cast<std::size_t>(minor_unit);
    if (digits.size() <= unit) digits.insert(0, unit + 1 - digits.size(), '0');
    digits.insert(digits.size() - unit, 1, decimal);
  }
  return (minor < 0 ? "-" : "") + digits;
}

std::variant<std::int64_t, std::string> parse_amount(std::string_view raw, char decimal,
                                                     int minor_unit) {
  const std::string_view text = trim(raw);
  const std::string quoted = "\"" + std::string(raw) + "\"";
  if (text.empty()) return std::string("empty, an amount is required");
  std::size_t i = 0;
  bool negative = false;
  if (text[0] == '-' || text[0] == '+') {
    negative = text[0] == '-';
    ++i;
  }
  std::int64_t units = 0;
  std::size_t digits = 0;       // integer digits read
  std::size_t group = 0;        // digits since the last group space
  bool grouped = false;         // a group space was seen
  std::size_t first_group = 0;  // digits before the first group space
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (is_digit(c)) {
      if (units > (kMax - (c - '0')) / 10) return quoted + " is too large";
      units = units * 10 + (c - '0');
      ++digits;
      ++group;
      if (grouped && group > 3) return quoted + ": digits grouped by spaces go by three";
      continue;
    }
    const std::size_t n = group_space(text, i);
    if (n > 0 && digits > 0 && i + n < text.size() && is_digit(text[i + n])) {
      if (!grouped) {
        first_group = group;
        if (first_group > 3) return quoted + ": digits grouped by spaces go by three";
      } else if (group != 3) {
        return quoted + ": digits grouped by spaces go by three";
      }
      grouped = true;
      group = 0;
      i += n - 1;
      continue;
    }
    break;
  }
  if (digits == 0) return quoted + " is not an amount";
  if (grouped && group != 3) return quoted + ": digits grouped by spaces go by three";
  std::int64_t fraction = 0;
  int decimals = 0;
  if (i < text.size() && text[i] == decimal) {
    ++i;
    for (; i < text.size() && is_digit(text[i]); ++i) {
      ++decimals;
      if (decimals > minor_unit) {
        return quoted + " has more decimals than the currency's " + std::to_string(minor_unit);
      }
      fraction = fraction * 10 + (text[i] - '0');
    }
    if (decimals == 0) return quoted + " ends with its decimal separator";
  }
  if (i < text.size()) {
    const char c = text[i];
    if ((c == '.' || c == ',') && c != decimal) {
      return quoted + ": the decimal separator is \"" + std::string(1, decimal) + "\", not \"" +
             std::string(1, c) + "\"";
    }
    return quoted + " is not an amount";
  }
  for (int d = decimals; d < minor_unit; ++d) fraction *= 10;
  std::int64_t scale = 1;
  for (int d = 0; d < minor_unit; ++d) scale *= 10;
  if (units > (kMax - fraction) / scale) return quoted + " is too large";
  const std::int64_t minor = units * scale + fraction;
  return negative ? -minor : minor;
}

}  // namespace caisse::adapters::file_exchange_kit
