// Dates in files: the mapping's pattern, and Paris wall-clock time turned into UTC instants with
// the EU summer-time rule.
#include "file_exchange_kit/date_format.hpp"

#include <gtest/gtest.h>

namespace caisse::adapters::file_exchange_kit {
namespace {

DateFormat compiled(std::string_view pattern) {
  auto f = DateFormat::compile(pattern);
  if (auto* reason = std::get_if<std::string>(&f)) throw std::runtime_error(*reason);
  return std::get<DateFormat>(std::move(f));
}

std::int64_t paris_ms(std::string_view pattern, std::string_view text) {
  auto parsed = compiled(pattern).parse(text);
  if (auto* reason = std::get_if<std::string>(&parsed)) throw std::runtime_error(*reason);
  return to_epoch_ms(std::get<CivilTime>(parsed), TimeZone::europe_paris);
}

TEST(DateFormatTest, PatternsTheKitCannotHonourAreRefused) {
  EXPECT_EQ(std::get<std::string>(DateFormat::compile("%d/%m/%y")),
            "unknown directive %y (known: %Y %m %d %H %M %S %%)");
  EXPECT_EQ(std::get<std::string>(DateFormat::compile("%H:%M")), "needs %Y, %m and %d");
  EXPECT_EQ(std::get<std::string>(DateFormat::compile("%Y%m%d")),
            "%Y%m: two numbers need something between them");
  EXPECT_EQ(std::get<std::string>(DateFormat::compile("%Y-%m-%d %")), "ends with a lone %");
}

TEST(DateFormatTest, ParsesOneOrTwoDigitsAndRefusesMismatches) {
  const DateFormat f = compiled("%d/%m/%Y %H:%M");
  const auto t = std::get<CivilTime>(f.parse("3/11/2026 9:05"));
  EXPECT_EQ(t.day, 3);
  EXPECT_EQ(t.month, 11);
  EXPECT_EQ(t.hour, 9);
  EXPECT_EQ(std::get<std::string>(f.parse("2026-11-03 09:05")),
            "\"2026-11-03 09:05\" does not match the date format \"%d/%m/%Y %H:%M\"");
  EXPECT_EQ(std::get<std::string>(f.parse("31/02/2026 10:00")),
            "\"31/02/2026 10:00\" is not a valid date");
  EXPECT_EQ(std::get<std::string>(f.parse("03/11/2026 09:05:00")),
            "\"03/11/2026 09:05:00\" does not match the date format \"%d/%m/%Y %H:%M\"");
}

TEST(DateFormatTest, ParisTimeIsOneOrTwoHoursAheadOfUtc) {
  // 2026-01-15 10:00 Paris (winter) = 09:00 UTC; 2026-07-15 10:00 (summer) = 08:00 UTC.
  EXPECT_EQ(paris_ms("%Y-%m-%d %H:%M", "2026-01-15 10:00"), 1768467600000);
  EXPECT_EQ(paris_ms("%Y-%m-%d %H:%M", "2026-07-15 10:00"), 1784102400000);
  // Summer time starts 2026-03-29 at 01:00 UTC (03:00 Paris) and ends 2026-10-25 01:00 UTC.
  EXPECT_EQ(paris_ms("%Y-%m-%d %H:%M", "2026-03-29 01:59"), 1774745940000);  // 00:59 UTC
  EXPECT_EQ(paris_ms("%Y-%m-%d %H:%M", "2026-03-29 03:00"), 1774746000000);  // 01:00 UTC
  EXPECT_EQ(paris_ms("%Y-%m-%d %H:%M", "2026-10-25 03:00"), 1792893600000);  // 02:00 UTC
  EXPECT_EQ(paris_ms("%Y-%m-%d %H:%M", "2026-10-25 02:30"), 1792888200000);  // the first 02:30
}

TEST(DateFormatTest, FormatsInstantsAsParisWallClock) {
  const CivilTime winter = to_civil(1768467600000, TimeZone::europe_paris);
  EXPECT_EQ(compiled("%d/%m/%Y %H:%M:%S").format(winter), "15/01/2026 10:00:00");
  const CivilTime summer = to_civil(1784102400000, TimeZone::europe_paris);
  EXPECT_EQ(compiled("%Y-%m-%d %H:%M").format(summer), "2026-07-15 10:00");
  EXPECT_EQ(compiled("%Y-%m-%d").format(to_civil(1784102400000, TimeZone::utc)), "2026-07-15");
}

}  // namespace
}  // namespace caisse::adapters::file_exchange_kit
