// A calendar month, "YYYY-MM": the unit of the allocation cycle and of rule versions.
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace caisse {

struct Month {
  int year = 0;
  int month = 0;  // 1-12

  friend auto operator<=>(const Month&, const Month&) = default;

  std::string to_string() const {
    std::string out = std::to_string(year) + "-";
    if (month < 10) out += '0';
    return out + std::to_string(month);
  }

  Month next() const { return month == 12 ? Month{year + 1, 1} : Month{year, month + 1}; }
};

// "2026-11" -> {2026, 11}; anything else ("2026-1", "2026-13", "26-11") is an error.
inline Result<Month> parse_month(std::string_view text) {
  auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
  if (text.size() != 7 || text[4] != '-' || !digit(0) || !digit(1) || !digit(2) || !digit(3) ||
      !digit(5) || !digit(6)) {
    return make_error("\"" + std::string(text) + "\" is not a month YYYY-MM");
  }
  Month m{(text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0'),
          (text[5] - '0') * 10 + (text[6] - '0')};
  if (m.month < 1 || m.month > 12 || m.year < 2000) {
    return make_error("\"" + std::string(text) + "\" is not a month YYYY-MM");
  }
  return m;
}

}  // namespace caisse
