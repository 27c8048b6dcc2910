#include "daemon/suggestion_query.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace caisse::host::daemon {
namespace {

using ::testing::HasSubstr;

const Month kNovember{2026, 11};

std::string error_of(std::string_view query) {
  auto parsed = parse_suggestion_query(query, kNovember);
  EXPECT_FALSE(parsed.ok()) << query;
  if (parsed) return "";
  EXPECT_EQ(parsed.error().kind, ErrorKind::invalid);
  return parsed.error().message;
}

TEST(SuggestionQuery, ReadsEveryFieldWithAmountsInCents) {
  auto parsed = parse_suggestion_query(
      "month=2027-01&adults=2&children=3&income=1450.5&fixed_costs=900%2C25&quotient_familial=640",
      kNovember);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->month, (Month{2027, 1}));
  EXPECT_EQ(parsed->household.adults, 2u);
  EXPECT_EQ(parsed->household.children, 3u);
  EXPECT_EQ(parsed->household.monthly_income_minor, 145050);
  EXPECT_EQ(parsed->household.monthly_fixed_costs_minor, 90025);  // "900,25" percent-encoded
  EXPECT_EQ(parsed->household.quotient_familial, 640);
  EXPECT_EQ(parsed->household.currency, "EUR");
}

TEST(SuggestionQuery, UndeclaredFiguresStayUndeclaredAndTheMonthIsTheCurrentOne) {
  auto parsed = parse_suggestion_query("adults=1", kNovember);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(parsed->month, kNovember);
  EXPECT_EQ(parsed->household.children, 0u);
  EXPECT_EQ(parsed->household.monthly_income_minor, -1);
  EXPECT_EQ(parsed->household.monthly_fixed_costs_minor, -1);
  EXPECT_EQ(parsed->household.quotient_familial, -1);
}

TEST(SuggestionQuery, EachBadFieldIsNamed) {
  EXPECT_THAT(error_of(""), HasSubstr("adults: required (1-99)"));
  EXPECT_THAT(error_of("children=2"), HasSubstr("adults: required"));
  EXPECT_THAT(error_of("adults=0"), HasSubstr("adults: \"0\" is not a whole number from 1 to 99"));
  EXPECT_THAT(error_of("adults=2x"), HasSubstr("adults: \"2x\" is not a whole number"));
  EXPECT_THAT(error_of("adults=1&children=-1"), HasSubstr("children: \"-1\""));
  EXPECT_THAT(error_of("adults=1&income=12.345"),
              HasSubstr("income: \"12.345\" is not an amount in euros like 1450.00"));
  EXPECT_THAT(error_of("adults=1&fixed_costs=-3"), HasSubstr("fixed_costs: \"-3\""));
  EXPECT_THAT(error_of("adults=1&month=2026-13"), HasSubstr("month: \"2026-13\" is not a month"));
  EXPECT_THAT(error_of("adults=1&adults=2"), HasSubstr("adults: given twice"));
  EXPECT_THAT(error_of("adults=1&income="), HasSubstr("income: needs a value"));
  EXPECT_THAT(error_of("adults=1&salary=2000"),
              HasSubstr("salary: unknown field; expected month, adults, children, income"));
  EXPECT_THAT(error_of("adults=1&inc%zzome=3"), HasSubstr("malformed percent-encoding"));
}

}  // namespace
}  // namespace caisse::host::daemon
