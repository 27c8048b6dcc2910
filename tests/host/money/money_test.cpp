#include "money/money.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace caisse::host::money {
namespace {

TEST(Money, ParsesDecimalTextWithDotOrComma) {
  EXPECT_EQ(parse_decimal("12.50", 2).value(), 1250);
  EXPECT_EQ(parse_decimal("12,5", 2).value(), 1250);
  EXPECT_EQ(parse_decimal("-3", 2).value(), -300);
  EXPECT_EQ(parse_decimal("0.05", 2).value(), 5);
  EXPECT_EQ(parse_decimal("150", 0).value(), 150);
  EXPECT_EQ(parse_decimal("1.2345", 4).value(), 12345);
}

TEST(Money, RefusesWhatWouldNeedRoundingOrGuessing) {
  for (const char* bad : {"", "-", "1.", ".5", "1.234", "1 000", "1,000.00", "1e3", "12€", "+1",
                          "99999999999999999999"}) {
    EXPECT_FALSE(parse_decimal(bad, 2).ok()) << bad;
  }
  EXPECT_NE(parse_decimal("1.234", 2).error().message.find("more than 2 decimals"),
            std::string::npos);
}

TEST(Money, FormatsMinorUnits) {
  EXPECT_EQ(format_decimal(1250, 2), "12.50");
  EXPECT_EQ(format_decimal(-5, 2), "-0.05");
  EXPECT_EQ(format_decimal(0, 2), "0.00");
  EXPECT_EQ(format_decimal(7, 0), "7");
  EXPECT_EQ(format_decimal(std::numeric_limits<std::int64_t>::min(), 2), "-92233720368547758.08");
}

TEST(Money, RoundTripsThroughText) {
  for (std::int64_t v : {0LL, 1LL, -1LL, 99LL, 100LL, 123456789LL, -987654321LL}) {
    EXPECT_EQ(parse_decimal(format_decimal(v, 2), 2).value(), v);
  }
}

TEST(Money, ArithmeticRefusesMixedCurrenciesAndOverflow) {
  EXPECT_EQ(add({100, "EUR"}, {250, "EUR"}).value(), (Money{350, "EUR"}));
  EXPECT_EQ(subtract({100, "EUR"}, {250, "EUR"}).value(), (Money{-150, "EUR"}));
  EXPECT_FALSE(add({100, "EUR"}, {100, "MONA"}).ok());
  EXPECT_FALSE(add({std::numeric_limits<std::int64_t>::max(), "EUR"}, {1, "EUR"}).ok());
  EXPECT_EQ(multiply(10000, 4).value(), 40000);
  EXPECT_FALSE(multiply(std::numeric_limits<std::int64_t>::max() / 2, 3).ok());
}

TEST(Money, ConvertsEurosAtTheCaisseParityRoundingDown) {
  EXPECT_EQ(convert_from_euros(10000, "1.00", 2).value(), 10000);  // 100 EUR = 100 MONA
  EXPECT_EQ(convert_from_euros(10000, "0.50", 2).value(), 20000);  // a unit worth 0.50 EUR
  EXPECT_EQ(convert_from_euros(10000, "1", 0).value(), 100);
  EXPECT_EQ(convert_from_euros(100, "3", 2).value(), 33);  // 1 EUR / 3 = 0.333… -> 0.33
  EXPECT_EQ(convert_from_euros(-100, "1.00", 2).value(), -100);
  EXPECT_FALSE(convert_from_euros(100, "0", 2).ok());
  EXPECT_FALSE(convert_from_euros(100, "-1", 2).ok());
  EXPECT_FALSE(convert_from_euros(100, "abc", 2).ok());
  EXPECT_FALSE(convert_from_euros(std::numeric_limits<std::int64_t>::max(), "0.000001", 2).ok());
}

}  // namespace
}  // namespace caisse::host::money
