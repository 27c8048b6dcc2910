// Amounts to and from files: integer minor units, digit by digit, strictly per the mapping's
// decimal separator and the currency's decimals.
#include "file_exchange_kit/amount.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace caisse::adapters::file_exchange_kit {
namespace {

std::int64_t minor(std::string_view text, char decimal = ',', int unit = 2) {
  auto parsed = parse_amount(text, decimal, unit);
  if (auto* reason = std::get_if<std::string>(&parsed)) {
    ADD_FAILURE() << text << ": " << *reason;
    return -1;
  }
  return std::get<std::int64_t>(parsed);
}

std::string reason(std::string_view text, char decimal = ',', int unit = 2) {
  auto parsed = parse_amount(text, decimal, unit);
  if (auto* r = std::get_if<std::string>(&parsed)) return *r;
  return "parsed as " + std::to_string(std::get<std::int64_t>(parsed));
}

TEST(AmountTest, FormatsMinorUnitsWithTheMappingsDecimal) {
  EXPECT_EQ(format_amount(10000, 2, ','), "100,00");
  EXPECT_EQ(format_amount(5, 2, '.'), "0.05");
  EXPECT_EQ(format_amount(-5, 2, ','), "-0,05");
  EXPECT_EQ(format_amount(7, 0, ','), "7");
  EXPECT_EQ(format_amount(std::numeric_limits<std::int64_t>::min(), 2, '.'),
            "-92233720368547758.08");
}

TEST(AmountTest, ParsesCommaPointAndGroupedDigits) {
  EXPECT_EQ(minor("12,50"), 1250);
  EXPECT_EQ(minor("12,5"), 1250);
  EXPECT_EQ(minor("12"), 1200);
  EXPECT_EQ(minor(" -3,01 "), -301);
  EXPECT_EQ(minor("1 234,50"), 123450);
  EXPECT_EQ(minor("1\xC2\xA0"
                  "234\xC2\xA0"
                  "567,00"),
            123456700);  // no-break spaces
  EXPECT_EQ(minor("1\xE2\x80\xAF"
                  "234,5"),
            123450);  // narrow no-break space
  EXPECT_EQ(minor("12.50", '.'), 1250);
  EXPECT_EQ(minor("7", ',', 0), 7);
}

TEST(AmountTest, RefusesWhatIsNotStrictlyAnAmount) {
  EXPECT_EQ(reason("12.50"), "\"12.50\": the decimal separator is \",\", not \".\"");
  EXPECT_EQ(reason("1.234,50"), "\"1.234,50\": the decimal separator is \",\", not \".\"");
  EXPECT_EQ(reason("12,505"), "\"12,505\" has more decimals than the currency's 2");
  EXPECT_EQ(reason("12,5", ',', 0), "\"12,5\" has more decimals than the currency's 0");
  EXPECT_EQ(reason("12 €"), "\"12 €\" is not an amount");
  EXPECT_EQ(reason("1 23,00"), "\"1 23,00\": digits grouped by spaces go by three");
  EXPECT_EQ(reason("1234 567"), "\"1234 567\": digits grouped by spaces go by three");
  EXPECT_EQ(reason("12,"), "\"12,\" ends with its decimal separator");
  EXPECT_EQ(reason(""), "empty, an amount is required");
  EXPECT_EQ(reason("abc"), "\"abc\" is not an amount");
  EXPECT_EQ(reason("92233720368547758,08"), "\"92233720368547758,08\" is too large");
}

}  // namespace
}  // namespace caisse::adapters::file_exchange_kit
