// Dates as exchanged files write them, described by a strftime-like pattern in the mapping
// ("%d/%m/%Y %H:%M"), and the time zone their wall-clock times are in. Only what exports
// need, so that a pattern the kit cannot honour is refused when the mapping is read rather
// than misread later: %Y (4 digits), %m %d %H %M %S (1 or 2 digits when read, 2 when written),
// %% for a percent sign; every other character stands for itself.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace caisse::adapters::file_exchange_kit {

// A wall-clock date and time, as written in a file.
struct CivilTime {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
};

class DateFormat {
 public:
  // The pattern checked; the string alternative is the reason it is refused.
  static std::variant<DateFormat, std::string> compile(std::string_view pattern);

  // The time the text holds, or the reason it does not match (a string).
  std::variant<CivilTime, std::string> parse(std::string_view text) const;
  std::string format(const CivilTime& time) const;
  const std::string& pattern() const { return pattern_; }

 private:
  struct Piece {
    char field = 0;  // 'Y', 'm', 'd', 'H', 'M', 'S', or 0 for a literal
    std::string literal;
  };
  std::string pattern_;
  std::vector<Piece> pieces_;
};

// The time zones files are written in. Europe/Paris applies the EU rule (summer time from the
// last Sunday of March to the last Sunday of October, 01:00 UTC), in force since 1996, so the kit
// needs no time-zone database.
enum class TimeZone { utc, europe_paris };

std::optional<TimeZone> time_zone_named(std::string_view name);

// Milliseconds since the Unix epoch of a wall-clock time in `zone`. In the hour repeated when
// summer time ends, the first (summer) one.
std::int64_t to_epoch_ms(const CivilTime& time, TimeZone zone);
// The wall-clock time in `zone` of an instant.
CivilTime to_civil(std::int64_t epoch_ms, TimeZone zone);

}  // namespace caisse::adapters::file_exchange_kit
