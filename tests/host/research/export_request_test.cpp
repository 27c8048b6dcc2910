#include "research/export_request.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace caisse::host::research {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

std::string transactions_error(std::string_view query) {
  auto parsed = parse_transactions_query(query);
  EXPECT_FALSE(parsed.ok()) << query;
  if (parsed) return "";
  EXPECT_EQ(parsed.error().kind, ErrorKind::invalid) << query;
  return parsed.error().message;
}

std::string indicators_error(std::string_view query) {
  auto parsed = parse_indicators_query(query);
  EXPECT_FALSE(parsed.ok()) << query;
  return parsed ? "" : parsed.error().message;
}

TEST(ResearchExportRequest, ReadsPeriodAndKey) {
  auto parsed = parse_transactions_query("from=2026-01&to=2026-12&export_key=etude%2D2026");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->period.from, (Month{2026, 1}));
  EXPECT_EQ(parsed->period.to, (Month{2026, 12}));
  EXPECT_EQ(parsed->export_key, "etude-2026");
}

TEST(ResearchExportRequest, OneMonthIsAPeriod) {
  auto parsed = parse_indicators_query("to=2026-11&from=2026-11");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->from, parsed->to);
}

TEST(ResearchExportRequest, ThirtySixMonthsAreAllowedThirtySevenAreNot) {
  EXPECT_TRUE(parse_indicators_query("from=2024-01&to=2026-12").ok());
  EXPECT_THAT(indicators_error("from=2024-01&to=2027-01"),
              AllOf(StartsWith("to: "), HasSubstr("37 months"), HasSubstr("at most 36")));
}

TEST(ResearchExportRequest, BadParametersAreNamed) {
  EXPECT_THAT(indicators_error("to=2026-11"), StartsWith("from: required"));
  EXPECT_THAT(indicators_error("from=2026-11"), StartsWith("to: required"));
  EXPECT_THAT(indicators_error("from=2026-13&to=2026-11"), StartsWith("from: "));
  EXPECT_THAT(indicators_error("from=2026-11&to=26-12"), StartsWith("to: "));
  EXPECT_THAT(indicators_error("from=2026-11&to=2026-10"),
              AllOf(StartsWith("to: "), HasSubstr("before from")));
  EXPECT_THAT(indicators_error("from=2026-11&to=2026-11&household=H-0001"),
              AllOf(StartsWith("household: unknown parameter"), HasSubstr("from, to")));
  EXPECT_THAT(indicators_error("from=2026-11&to=2026-11&from=2026-10"), StartsWith("from"));
  // The indicators take no key: asking with one is a mistake worth telling.
  EXPECT_THAT(indicators_error("from=2026-11&to=2026-11&export_key=k"),
              StartsWith("export_key: unknown parameter"));
}

TEST(ResearchExportRequest, TransactionsNeedAValidKey) {
  EXPECT_THAT(transactions_error("from=2026-11&to=2026-11"), StartsWith("export_key: required"));
  EXPECT_THAT(transactions_error("from=2026-11&to=2026-11&export_key="),
              StartsWith("export_key: "));
  EXPECT_THAT(transactions_error("from=2026-11&to=2026-11&export_key=a%20b"),
              StartsWith("export_key: "));
  EXPECT_THAT(transactions_error("from=2026-11&export_key=k"), StartsWith("to: required"));
}

}  // namespace
}  // namespace caisse::host::research
