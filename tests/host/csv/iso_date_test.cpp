#include "csv/iso_date.hpp"

#include <gtest/gtest.h>

namespace caisse::host::csv {
namespace {

TEST(csv_iso_date, ParsesAndFormatsIsoDates) {
  auto date = parse_date("2028-02-29");
  ASSERT_TRUE(date);
  EXPECT_EQ(format_date(*date), "2028-02-29");
}

TEST(csv_iso_date, RefusesOtherShapesAndImpossibleDays) {
  for (const char* text : {"2027-02-29", "2026-11-5", "05/11/2026", "2026-13-01", "1899-12-31",
                           "2026-11-05 ", "20261105"}) {
    auto date = parse_date(text);
    ASSERT_FALSE(date) << text;
    EXPECT_EQ(date.error().message, "\"" + std::string(text) + "\" is not a date YYYY-MM-DD");
  }
}

}  // namespace
}  // namespace caisse::host::csv
