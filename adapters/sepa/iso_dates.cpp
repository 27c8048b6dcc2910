#include "iso_dates.hpp"

namespace caisse::adapters::sepa {
namespace {

// The number held by text[at, at + count), or -1 when one of them is not a digit.
int digits(std::string_view text, std::size_t at, std::size_t count) {
  if (at + count > text.size()) return -1;
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// "hh:mm" of an offset or "hh:mm:ss" of a time, within range.
bool is_clock(std::string_view text, bool with_seconds) {
  if (text.size() != (with_seconds ? 8u : 5u) || text[2] != ':') return false;
  const int hours = digits(text, 0, 2);
  const int minutes = digits(text, 3, 2);
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return false;
  if (!with_seconds) return true;
  const int seconds = digits(text, 6, 2);
  return text[5] == ':' && seconds >= 0 && seconds <= 59;
}

}  // namespace

bool is_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  const int year = digits(text, 0, 4);
  const int month = digits(text, 5, 2);
  const int day = digits(text, 8, 2);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

bool is_iso_date_time(std::string_view text) {
  if (text.size() < 19 || text[10] != 'T' || !is_iso_date(text.substr(0, 10)) ||
      !is_clock(text.substr(11, 8), true)) {
    return false;
  }
  std::string_view rest = text.substr(19);
  if (!rest.empty() && rest[0] == '.') {
    std::size_t end = 1;
    while (end < rest.size() && rest[end] >= '0' && rest[end] <= '9') ++end;
    if (end == 1) return false;
    rest.remove_prefix(end);
  }
  if (rest.empty() || rest == "Z") return true;
  return (rest[0] == '+' || rest[0] == '-') && is_clock(rest.substr(1), false);
}

}  // namespace caisse::adapters::sepa
