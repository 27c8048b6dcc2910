#include "daemon/purchase_requests.hpp"

#include <gtest/gtest.h>

namespace caisse::host::daemon {
namespace {

std::string period_error(std::string_view body) {
  auto parsed = parse_purchase_period(body);
  EXPECT_FALSE(parsed.ok()) << body;
  if (parsed) return "";
  EXPECT_EQ(parsed.error().kind, ErrorKind::invalid);
  return parsed.error().message;
}

std::string month_error(std::string_view query) {
  auto parsed = parse_report_month(query);
  EXPECT_FALSE(parsed.ok()) << query;
  if (parsed) return "";
  EXPECT_EQ(parsed.error().kind, ErrorKind::invalid);
  return parsed.error().message;
}

TEST(PurchasePeriod, ReadsTheDaysAsUtcMillisecondsWithToExcluded) {
  auto period = parse_purchase_period(R"({"from":"2026-11-01","to":"2026-12-01"})");
  ASSERT_TRUE(period.ok()) << period.error().message;
  EXPECT_EQ(period->from_ms(), 1793491200000);  // 2026-11-01T00:00:00Z
  EXPECT_EQ(period->to_ms(), 1796083200000);    // 2026-12-01T00:00:00Z
}

TEST(PurchasePeriod, MonthPeriodRunsToTheFirstDayOfTheNextMonth) {
  const merchants::Period december = merchants::month_period(Month{2026, 12});
  EXPECT_EQ(december.from_ms(), 1796083200000);  // 2026-12-01
  EXPECT_EQ(december.to_ms(), 1798761600000);    // 2027-01-01
}

TEST(PurchasePeriod, RefusesWhatIsNotTwoDaysInOrderWithinAMonthOrSo) {
  EXPECT_EQ(
      period_error(""),
      R"(purchases import: the body must be a JSON object, e.g. {"from":"2026-11-01","to":"2026-12-01"})");
  EXPECT_EQ(period_error(R"({"from":"2026-11-01"})"), "to: required (a date YYYY-MM-DD)");
  EXPECT_EQ(period_error(R"({"from":"01/11/2026","to":"2026-12-01"})"),
            "from: \"01/11/2026\" is not a date YYYY-MM-DD");
  EXPECT_EQ(period_error(R"({"from":20261101,"to":"2026-12-01"})"),
            "from: must be a string, a date YYYY-MM-DD");
  EXPECT_EQ(period_error(R"({"from":"2026-11-01","to":"2026-12-01","instance":"x"})"),
            "instance: unknown member; expected from and to");
  EXPECT_EQ(period_error(R"({"from":"2026-11-01","to":"2026-11-01"})"),
            "to: must be after from (to is excluded)");
  EXPECT_EQ(period_error(R"({"from":"2026-10-01","to":"2026-12-01"})"),
            "to: 61 days after from; import at most 31 days at a time (month by month)");
  EXPECT_TRUE(parse_purchase_period(R"({"from":"2026-12-01","to":"2027-01-01"})").ok());
}

TEST(ReportMonth, ReadsTheMonth) {
  auto month = parse_report_month("month=2026-11");
  ASSERT_TRUE(month.ok()) << month.error().message;
  EXPECT_EQ(*month, (Month{2026, 11}));
}

TEST(ReportMonth, RefusesAMissingRepeatedMalformedOrUnknownField) {
  EXPECT_EQ(month_error(""), "month: required (YYYY-MM)");
  EXPECT_EQ(month_error("month=2026-13"), "month: \"2026-13\" is not a month YYYY-MM");
  EXPECT_EQ(month_error("month=2026-11&month=2026-12"), "month: given twice");
  EXPECT_EQ(month_error("month=2026-11&merchant=M-1"), "merchant: unknown field; expected month");
}

}  // namespace
}  // namespace caisse::host::daemon
