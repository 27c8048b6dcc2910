#include "date_format.hpp"

#include <chrono>
#include <cstdio>

namespace caisse::adapters::file_exchange_kit {
namespace {

using namespace std::chrono;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

constexpr std::int64_t kMsPerHour = 3'600'000;

std::int64_t utc_ms(const CivilTime& t) {
  const sys_days day{year{t.year} / month{static_cast<unsigned>(t.month)} /
                     std::chrono::day{static_cast<unsigned>(t.day)}};
  return (static_cast<std::int64_t>(day.time_since_epoch().count()) * 86400 + t.hour * 3600 +
          t.minute * 60 + t.second) *
         1000;
}

// [start, end) of summer time in year y, in UTC milliseconds.
std::pair<std::int64_t, std::int64_t> eu_summer(int y) {
  const auto last_sunday = [&](month m) {
    const sys_days d{year{y} / m / Sunday[last]};
    return static_cast<std::int64_t>(d.time_since_epoch().count()) * 86'400'000 + kMsPerHour;
  };
  return {last_sunday(March), last_sunday(October)};
}

}  // namespace

std::variant<DateFormat, std::string> DateFormat::compile(std::string_view pattern) {
  DateFormat format;
  format.pattern_ = std::string(pattern);
  bool year = false, month = false, day = false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '%') {
      if (format.pieces_.empty() || format.pieces_.back().field != 0) format.pieces_.push_back({});
      format.pieces_.back().literal += pattern[i];
      continue;
    }
    if (i + 1 == pattern.size()) return std::string("ends with a lone %");
    const char f = pattern[++i];
    if (f == '%') {
      if (format.pieces_.empty() || format.pieces_.back().field != 0) format.pieces_.push_back({});
      format.pieces_.back().literal += '%';
      continue;
    }
    if (std::string_view("YmdHMS").find(f) == std::string_view::npos) {
      return "unknown directive %" + std::string(1, f) + " (known: %Y %m %d %H %M %S %%)";
    }
    if (!format.pieces_.empty() && format.pieces_.back().field != 0) {
      return "%" + std::string(1, format.pieces_.back().field) + "%" + std::string(1, f) +
             ": two numbers need something between them";
    }
    year |= f == 'Y';
    month |= f == 'm';
    day |= f == 'd';
    format.pieces_.push_back({f, {}});
  }
  if (!year || !month || !day) return std::string("needs %Y, %m and %d");
  return format;
}

std::variant<CivilTime, std::string> DateFormat::parse(std::string_view text) const {
  const auto mismatch = [&] {
    return "\"" + std::string(text) + "\" does not match the date format \"" + pattern_ + "\"";
  };
  CivilTime t;
  std::size_t pos = 0;
  for (const Piece& piece : pieces_) {
    if (piece.field == 0) {
      if (text.substr(pos, piece.literal.size()) != piece.literal) return mismatch();
      pos += piece.literal.size();
      continue;
    }
    const std::size_t max = piece.field == 'Y' ? 4 : 2;
    const std::size_t min = piece.field == 'Y' ? 4 : 1;
    int value = 0;
    std::size_t n = 0;
    while (n < max && pos < text.size() && is_digit(text[pos])) {
      value = value * 10 + (text[pos++] - '0');
      ++n;
    }
    if (n < min) return mismatch();
    switch (piece.field) {
      case 'Y':
        t.year = value;
        break;
      case 'm':
        t.month = value;
        break;
      case 'd':
        t.day = value;
        break;
      case 'H':
        t.hour = value;
        break;
      case 'M':
        t.minute = value;
        break;
      default:
        t.second = value;
        break;
    }
  }
  if (pos != text.size()) return mismatch();
  const year_month_day ymd{year{t.year}, month{static_cast<unsigned>(t.month)},
                           std::chrono::day{static_cast<unsigned>(t.day)}};
  if (!ymd.ok() || t.hour > 23 || t.minute > 59 || t.second > 59) {
    return "\"" + std::string(text) + "\" is not a valid date";
  }
  return t;
}

std::string DateFormat::format(const CivilTime& t) const {
  std::string out;
  for (const Piece& piece : pieces_) {
    if (piece.field == 0) {
      out += piece.literal;
      continue;
    }
    int value = 0;
    switch (piece.field) {
      case 'Y':
        value = t.year;
        break;
      case 'm':
        value = t.month;
        break;
      case 'd':
        value = t.day;
        break;
      case 'H':
        value = t.hour;
        break;
      case 'M':
        value = t.minute;
        break;
      default:
        value = t.second;
        break;
    }
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, piece.field == 'Y' ? "%04d" : "%02d", value);
    out += buffer;
  }
  return out;
}

std::optional<TimeZone> time_zone_named(std::string_view name) {
  if (name == "UTC") return TimeZone::utc;
  if (name == "Europe/Paris") return TimeZone::europe_paris;
  return std::nullopt;
}

std::int64_t to_epoch_ms(const CivilTime& time, TimeZone zone) {
  const std::int64_t wall = utc_ms(time);
  if (zone == TimeZone::utc) return wall;
  const auto [start, end] = eu_summer(time.year);
  const std::int64_t if_summer = wall - 2 * kMsPerHour;
  if (if_summer >= start && if_summer < end) return if_summer;
  return wall - kMsPerHour;
}

CivilTime to_civil(std::int64_t epoch_ms, TimeZone zone) {
  std::int64_t wall = epoch_ms;
  if (zone == TimeZone::europe_paris) {
    const sys_days utc_day{days{epoch_ms / 86'400'000 - (epoch_ms % 86'400'000 < 0 ? 1 : 0)}};
    const auto [start, end] = eu_summer(static_cast<int>(year_month_day{utc_day}.year()));
    wall += (epoch_ms >= start && epoch_ms < end ? 2 : 1) * kMsPerHour;
  }
  std::int64_t day_number = wall / 86'400'000;
  std::int64_t ms_of_day = wall % 86'400'000;
  if (ms_of_day < 0) {
    ms_of_day += 86'400'000;
    --day_number;
  }
  const year_month_day ymd{sys_days{days{day_number}}};
  const auto seconds = ms_of_day / 1000;
  return {static_cast<int>(ymd.year()),
          static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day())),
          static_cast<int>(seconds / 3600),
          static_cast<int>(seconds / 60 % 60),
          static_cast<int>(seconds % 60)};
}

}  // namespace caisse::adapters::file_exchange_kit
