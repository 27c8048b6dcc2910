// Amounts as SEPA files write them (exactly two decimals, from integer cents), and the ISO dates
// the writers check.
#include <gtest/gtest.h>

#include "amount_text.hpp"
#include "iso_dates.hpp"

namespace caisse::adapters::sepa {
namespace {

TEST(AmountText, ExactlyTwoDecimals) {
  EXPECT_EQ(format_amount(1), "0.01");
  EXPECT_EQ(format_amount(1234), "12.34");
  EXPECT_EQ(format_amount(99999), "999.99");
  EXPECT_EQ(format_amount(1230), "12.30");
  EXPECT_EQ(format_amount(0), "0.00");
  EXPECT_EQ(format_amount(kMaxAmountMinor), "999999999.99");
  EXPECT_EQ(format_amount(-5), "-0.05");
  EXPECT_EQ(format_amount(INT64_MIN), "-92233720368547758.08");
}

TEST(AmountText, ParsesWhatBanksWrite) {
  EXPECT_EQ(parse_amount("12.34"), 1234);
  EXPECT_EQ(parse_amount("12.3"), 1230);
  EXPECT_EQ(parse_amount("12"), 1200);
  EXPECT_EQ(parse_amount("0.01"), 1);
  EXPECT_EQ(parse_amount("999999999.99"), kMaxAmountMinor);
}

TEST(AmountText, RefusesAnythingElse) {
  for (const char* bad : {"", ".5", "12.", "12.345", "-1.00", "+1", "1,00", "1e3", " 1.00", "1 000",
                          "1234567890123456"}) {
    EXPECT_EQ(parse_amount(bad), std::nullopt) << bad;
  }
}

TEST(IsoDates, CalendarDays) {
  EXPECT_TRUE(is_iso_date("2026-12-05"));
  EXPECT_TRUE(is_iso_date("2024-02-29"));
  EXPECT_FALSE(is_iso_date("2026-02-29"));
  EXPECT_FALSE(is_iso_date("1900-02-29"));
  EXPECT_TRUE(is_iso_date("2000-02-29"));
  EXPECT_FALSE(is_iso_date("2026-13-01"));
  EXPECT_FALSE(is_iso_date("2026-1-01"));
  EXPECT_FALSE(is_iso_date("05/12/2026"));
}

TEST(IsoDates, DateTimesWithOptionalFractionAndOffset) {
  EXPECT_TRUE(is_iso_date_time("2026-11-24T10:00:00"));
  EXPECT_TRUE(is_iso_date_time("2026-11-24T10:00:00Z"));
  EXPECT_TRUE(is_iso_date_time("2026-11-24T10:00:00.123+01:00"));
  EXPECT_FALSE(is_iso_date_time("2026-11-24 10:00:00"));
  EXPECT_FALSE(is_iso_date_time("2026-11-24T24:00:00"));
  EXPECT_FALSE(is_iso_date_time("2026-11-24T10:00:00."));
  EXPECT_FALSE(is_iso_date_time("2026-11-24T10:00:00+1"));
  EXPECT_FALSE(is_iso_date_time("2026-11-24"));
}

}  // namespace
}  // namespace caisse::adapters::sepa
