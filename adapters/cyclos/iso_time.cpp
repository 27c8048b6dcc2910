#include "iso_time.hpp"

#include <chrono>
#include <cstdio>

namespace caisse::adapters::cyclos {
namespace {

std::optional<int> digits(std::string_view text, std::size_t at, std::size_t count) {
  if (at + count > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

std::string iso_utc(std::int64_t epoch_ms) {
  using namespace std::chrono;
  const sys_time<milliseconds> time{milliseconds(epoch_ms)};
  const auto day = floor<days>(time);
  const year_month_day date{day};
  const hh_mm_ss clock{time - day};
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", int(date.year()),
                unsigned(date.month()), unsigned(date.day()), int(clock.hours().count()),
                int(clock.minutes().count()), int(clock.seconds().count()),
                int(clock.subseconds().count()));
  return text;
}

std::optional<std::int64_t> parse_iso(std::string_view text) {
  using namespace std::chrono;
  const auto y = digits(text, 0, 4), mo = digits(text, 5, 2), d = digits(text, 8, 2);
  const auto h = digits(text, 11, 2), mi = digits(text, 14, 2), s = digits(text, 17, 2);
  if (!y || !mo || !d || !h || !mi || !s || text[4] != '-' || text[7] != '-' ||
      (text[10] != 'T' && text[10] != ' ') || text[13] != ':' || text[16] != ':') {
    return std::nullopt;
  }
  std::size_t at = 19;
  int millis = 0;
  if (at < text.size() && text[at] == '.') {
    std::size_t end = at + 1;
    int scale = 100;
    while (end < text.size() && text[end] >= '0' && text[end] <= '9') {
      millis += (text[end] - '0') * scale;
      scale /= 10;
      ++end;
    }
    if (end == at + 1) return std::nullopt;
    at = end;
  }
  int offset_minutes = 0;
  const std::string_view zone = text.substr(at);
  if (zone == "Z") {
  } else if (!zone.empty() && (zone[0] == '+' || zone[0] == '-')) {
    const auto oh = digits(zone, 1, 2);
    const std::size_t minutes_at = zone.size() == 6 && zone[3] == ':' ? 4 : 3;
    const auto om = digits(zone, minutes_at, 2);
    if (!oh || !om || zone.size() != minutes_at + 2) return std::nullopt;
    offset_minutes = (*oh * 60 + *om) * (zone[0] == '-' ? -1 : 1);
  } else {
    return std::nullopt;
  }
  const year_month_day date{year(*y), month(static_cast<unsigned>(*mo)),
                            day(static_cast<unsigned>(*d))};
  if (!date.ok() || *h > 23 || *mi > 59 || *s > 60) return std::nullopt;
  const auto local = sys_days(date) + hours(*h) + minutes(*mi) + seconds(*s) + milliseconds(millis);
  return duration_cast<milliseconds>(local.time_since_epoch()).count() -
         std::int64_t{offset_minutes} * 60'000;
}

}  // namespace caisse::adapters::cyclos
