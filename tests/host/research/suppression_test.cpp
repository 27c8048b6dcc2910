#include "research/suppression.hpp"

#include <gtest/gtest.h>

namespace caisse::host::research {
namespace {

const Month kNov{2026, 11};

IndicatorRow row(const std::string& indicator, const std::string& group, std::int64_t households,
                 std::int64_t value, Month month = kNov) {
  return {indicator, month, group, households, value, "minor:MNK", false};
}

IndicatorRow total(std::int64_t households, std::int64_t value, Month month = kNov) {
  return row("spending_total", "", households, value, month);
}

IndicatorRow kind(const std::string& group, std::int64_t households, std::int64_t value,
                  Month month = kNov) {
  return row("spending_by_merchant_kind", group, households, value, month);
}

std::vector<bool> suppressed(std::vector<IndicatorRow> rows, std::int64_t min = 5) {
  suppress_small_groups(rows, min);
  std::vector<bool> out;
  for (const auto& r : rows) out.push_back(r.suppressed);
  return out;
}

TEST(ResearchSuppression, FourHouseholdsAreSuppressedFiveArePublished) {
  EXPECT_EQ(suppressed({row("contributing_households", "", 4, 4),
                        row("contributing_households", "", 5, 5)}),
            (std::vector<bool>{true, false}));
}

TEST(ResearchSuppression, ThresholdIsTheConfiguredOne) {
  EXPECT_EQ(
      suppressed(
          {row("amounts_redistributed", "", 6, 600), row("amounts_redistributed", "", 7, 700)}, 7),
      (std::vector<bool>{true, false}));
}

TEST(ResearchSuppression, OneHiddenKindHidesTheSmallestOtherOfItsMonth) {
  // Published total 18500 minus shop, producer and amap would give the stall's 1000 away; amap
  // (1500) is the smallest other kind, so it goes too: only stall + amap = 2500 can be known.
  EXPECT_EQ(suppressed({total(6, 18500), kind("amap", 5, 1500), kind("market_stall", 2, 1000),
                        kind("producer", 5, 10000), kind("shop", 6, 6000)}),
            (std::vector<bool>{false, true, true, false, false}));
}

TEST(ResearchSuppression, SmallestIsByValueWhateverTheOrder) {
  EXPECT_EQ(suppressed({total(9, 9000), kind("shop", 9, 5000), kind("stall", 1, 100),
                        kind("amap", 6, 3900)}),
            (std::vector<bool>{false, false, true, true}));
}

TEST(ResearchSuppression, TwoHiddenKindsNeedNoComplement) {
  EXPECT_EQ(suppressed({total(8, 9000), kind("amap", 5, 1500), kind("shop", 8, 6000),
                        kind("stall", 2, 1000), kind("unknown", 1, 500)}),
            (std::vector<bool>{false, false, false, true, true}));
}

TEST(ResearchSuppression, HiddenTotalNeedsNoComplement) {
  // Total and only group both describe too few households: nothing to subtract from.
  EXPECT_EQ(suppressed({total(3, 900), kind("shop", 3, 900)}), (std::vector<bool>{true, true}));
}

TEST(ResearchSuppression, ComplementStaysWithinItsMonth) {
  const Month oct{2026, 10};
  EXPECT_EQ(suppressed({total(6, 7000), kind("shop", 6, 6000), kind("stall", 2, 1000),
                        total(5, 500, oct), kind("amap", 5, 500, oct)}),
            (std::vector<bool>{false, true, true, false, false}));
}

TEST(ResearchSuppression, ComplementStaysWithinItsCurrency) {
  IndicatorRow eur_total = total(5, 100);
  eur_total.unit = "minor:EUR";
  IndicatorRow eur_shop = kind("shop", 5, 100);
  eur_shop.unit = "minor:EUR";
  EXPECT_EQ(suppressed({total(6, 7000), kind("shop", 6, 6000), kind("stall", 2, 1000), eur_total,
                        eur_shop}),
            (std::vector<bool>{false, true, true, false, false}));
}

}  // namespace
}  // namespace caisse::host::research
