#include "core/month.hpp"

#include <gtest/gtest.h>

namespace caisse {
namespace {

TEST(Month, ParsesAndPrintsYyyyMm) {
  auto m = parse_month("2026-03");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(*m, (Month{2026, 3}));
  EXPECT_EQ(m->to_string(), "2026-03");
}

TEST(Month, RefusesEverythingElse) {
  for (const char* bad : {"", "2026-3", "2026-13", "2026-00", "26-11", "2026/11", "2026-11-01",
                          "abcd-ef", "1999-12"}) {
    EXPECT_FALSE(parse_month(bad).ok()) << bad;
  }
}

TEST(Month, OrdersAndSteps) {
  EXPECT_LT((Month{2025, 12}), (Month{2026, 1}));
  EXPECT_EQ((Month{2025, 12}).next(), (Month{2026, 1}));
  EXPECT_EQ((Month{2026, 4}).next(), (Month{2026, 5}));
}

}  // namespace
}  // namespace caisse
