// The days purchases are listed and reported for: whole UTC days, from `from` included to `to`
// excluded, as the backends' [from_ms, to_ms) wants them. A purchase belongs to the day of its
// paid_at in UTC (a payment at 00:30 in Paris on the 1st belongs to the last day of the month
// before).
#pragma once

#include <chrono>
#include <cstdint>

#include "core/month.hpp"

namespace caisse::host::merchants {

struct Period {
  std::chrono::sys_days from;
  std::chrono::sys_days to;

  std::int64_t from_ms() const { return milliseconds(from); }
  std::int64_t to_ms() const { return milliseconds(to); }

 private:
  static std::int64_t milliseconds(std::chrono::sys_days day) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(day.time_since_epoch()).count();
  }
};

// The whole month: its first day to the first day of the next.
inline Period month_period(Month month) {
  auto first = [](Month m) {
    return std::chrono::sys_days{std::chrono::year{m.year} /
                                 std::chrono::month{static_cast<unsigned>(m.month)} /
                                 std::chrono::day{1}};
  };
  return {first(month), first(month.next())};
}

}  // namespace caisse::host::merchants
