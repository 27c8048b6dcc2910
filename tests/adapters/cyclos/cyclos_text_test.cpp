// The Cyclos adapter's text conversions: amounts between decimal strings and minor units, and
// ISO 8601 date-times with offsets. Money never passes through floating point.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "decimal_amount.hpp"
#include "iso_time.hpp"

namespace caisse::adapters::cyclos {
namespace {

TEST(DecimalAmount, FormatsMinorUnitsWithTheCurrencyDecimals) {
  EXPECT_EQ(format_decimal(1250, 2), "12.50");
  EXPECT_EQ(format_decimal(5, 2), "0.05");
  EXPECT_EQ(format_decimal(-5, 2), "-0.05");
  EXPECT_EQ(format_decimal(0, 2), "0.00");
  EXPECT_EQ(format_decimal(7, 0), "7");
  EXPECT_EQ(format_decimal(std::numeric_limits<std::int64_t>::min(), 2), "-92233720368547758.08");
}

TEST(DecimalAmount, ParsesWhatCyclosWrites) {
  EXPECT_EQ(parse_decimal("12.50", 2), 1250);
  EXPECT_EQ(parse_decimal("12.5", 2), 1250);
  EXPECT_EQ(parse_decimal("12", 2), 1200);
  EXPECT_EQ(parse_decimal("-3.10", 2), -310);
  EXPECT_EQ(parse_decimal("0.01", 2), 1);
  EXPECT_EQ(parse_decimal("92233720368547758.07", 2), std::numeric_limits<std::int64_t>::max());
}

TEST(DecimalAmount, RefusesAnythingElse) {
  for (const char* bad : {"", "-", ".5", "12.", "12.345", "1e3", " 12", "12 ", "12,50", "+1",
                          "0x10", "92233720368547758.08", "99999999999999999999"}) {
    EXPECT_EQ(parse_decimal(bad, 2), std::nullopt) << bad;
  }
  EXPECT_EQ(parse_decimal("12.5", 0), std::nullopt);
}

TEST(IsoTime, WritesUtcWithMilliseconds) {
  EXPECT_EQ(iso_utc(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(iso_utc(1795413600123), "2026-11-23T06:00:00.123Z");
}

TEST(IsoTime, ReadsOffsetsAndFractions) {
  EXPECT_EQ(parse_iso("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(parse_iso("1970-01-01T01:00:00+01:00"), 0);
  EXPECT_EQ(parse_iso("1969-12-31T21:00:00.5-03:00"), 500);
  EXPECT_EQ(parse_iso("1969-12-31T21:00:00-0300"), 0);
  EXPECT_EQ(parse_iso("2026-11-23T06:00:00.123Z"), 1795413600123);
  EXPECT_EQ(parse_iso(iso_utc(1795413600123)), 1795413600123);
}

TEST(IsoTime, RefusesWhatIsNotADateTime) {
  for (const char* bad : {"", "2026-11-23", "2026-11-23T06:00:00", "2026-13-01T00:00:00Z",
                          "2026-02-30T00:00:00Z", "2026-11-23T24:00:00Z", "2026-11-23T06:00:00.Z",
                          "2026-11-23T06:00:00+1", "2026/11/23T06:00:00Z", "2026-11-23T06:00Z"}) {
    EXPECT_EQ(parse_iso(bad), std::nullopt) << bad;
  }
}

}  // namespace
}  // namespace caisse::adapters::cyclos
