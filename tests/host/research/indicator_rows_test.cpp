#include "research/indicator_rows.hpp"

#include <gtest/gtest.h>

namespace caisse::host::research {
namespace {

const CaisseCurrency kMnk{"MNK", 2, "1.00"};

MonthFigures november(GroupFigures contributions, GroupFigures allocations) {
  return {Month{2026, 11}, contributions, allocations, {}};
}

const IndicatorRow* find(const std::vector<IndicatorRow>& rows, const std::string& indicator,
                         const std::string& group = "") {
  for (const auto& row : rows) {
    if (row.indicator == indicator && row.group == group) return &row;
  }
  return nullptr;
}

std::optional<std::int64_t> share(const MonthFigures& figures, const CaisseCurrency& currency) {
  auto rows = indicator_rows({figures}, currency);
  EXPECT_TRUE(rows.ok()) << rows.error().message;
  if (!rows) return std::nullopt;
  const IndicatorRow* row = find(*rows, "contribution_share_of_allocation");
  EXPECT_NE(row, nullptr);
  return row ? row->value : std::nullopt;
}

TEST(ResearchIndicatorRows, ShareIsInBasisPointsRoundedDown) {
  // 150.00 EUR over 500.00 MNK at 1.00 EUR per MNK: 15000 × 10000 / 50000 = 3000.
  EXPECT_EQ(share(november({5, 15000}, {5, 50000}), kMnk), 3000);
  // 1 cent over 3 cents: 10000 / 3 = 3333.33…, rounded down.
  EXPECT_EQ(share(november({1, 1}, {1, 3}), kMnk), 3333);
}

TEST(ResearchIndicatorRows, ShareConvertsEurosAtTheCaisseParity) {
  // One unit is worth 0.50 EUR: 150.00 EUR buy 300.00 units, over 500.00 units: 6000.
  EXPECT_EQ(share(november({5, 15000}, {5, 50000}), {"MNK", 2, "0.50"}), 6000);
  // A currency without decimals worth 2.50 EUR: 100.00 EUR buy 40 units; over 30 units:
  // 40 × 10000 / 30 = 13333.33…
  EXPECT_EQ(share(november({5, 10000}, {5, 30}), {"PE", 0, "2.50"}), 13333);
}

TEST(ResearchIndicatorRows, ShareOfNoAllocationIsUndefined) {
  EXPECT_EQ(share(november({5, 15000}, {0, 0}), kMnk), std::nullopt);
}

TEST(ResearchIndicatorRows, ShareCountsTheSmallerGroup) {
  auto rows = indicator_rows({november({7, 15000}, {4, 50000})}, kMnk);
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(find(*rows, "contribution_share_of_allocation")->households, 4);
}

TEST(ResearchIndicatorRows, BadParityIsAnError) {
  EXPECT_FALSE(indicator_rows({november({5, 1}, {5, 1})}, {"MNK", 2, "zero"}).ok());
}

TEST(ResearchIndicatorRows, MonthWithoutPurchasesStillHasItsTotal) {
  auto rows = indicator_rows({november({}, {})}, kMnk);
  ASSERT_TRUE(rows.ok());
  const IndicatorRow* total = find(*rows, "spending_total");
  ASSERT_NE(total, nullptr);
  EXPECT_EQ(total->households, 0);
  EXPECT_EQ(total->unit, "minor:MNK");
}

TEST(ResearchIndicatorRows, RowsComeByIndicatorThenMonth) {
  MonthFigures october{Month{2026, 10}, {6, 600}, {6, 6000}, {}};
  MonthFigures nov = november({5, 500}, {5, 5000});
  nov.spending["MNK"].total = {5, 900};
  nov.spending["MNK"].by_kind["shop"] = {5, 900};
  auto rows = indicator_rows({october, nov}, kMnk);
  ASSERT_TRUE(rows.ok());
  std::vector<std::string> order;
  for (const auto& row : *rows) {
    order.push_back(row.indicator + " " + row.month.to_string() + " " + row.group);
  }
  EXPECT_EQ(order, (std::vector<std::string>{
                       "contributing_households 2026-10 ",
                       "contributing_households 2026-11 ",
                       "contribution_share_of_allocation 2026-10 ",
                       "contribution_share_of_allocation 2026-11 ",
                       "amounts_redistributed 2026-10 ",
                       "amounts_redistributed 2026-11 ",
                       "spending_total 2026-10 ",
                       "spending_total 2026-11 ",
                       "spending_by_merchant_kind 2026-11 shop",
                   }));
}

}  // namespace
}  // namespace caisse::host::research
