#include "ledger/date.hpp"

#include <gtest/gtest.h>

namespace caisse::host::ledger {
namespace {

TEST(LedgerDate, FormatsAndParsesIsoDays) {
  Date date{std::chrono::year{2026}, std::chrono::month{11}, std::chrono::day{5}};
  EXPECT_EQ(format_date(date), "2026-11-05");
  auto parsed = parse_date("2026-11-05");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(*parsed, date);
}

TEST(LedgerDate, RefusesMalformedAndImpossibleDays) {
  for (const char* text : {"2026-11-5", "2026-02-30", "2026/11/05", "", "2026-13-01"}) {
    auto parsed = parse_date(text);
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_EQ(parsed.error().message, "\"" + std::string(text) + "\" is not a date YYYY-MM-DD");
  }
}

}  // namespace
}  // namespace caisse::host::ledger
