#include "ledger/balances.hpp"

#include <gtest/gtest.h>

#include "month_fixture.hpp"

namespace caisse::host::ledger {
namespace {

using K = AccountKind;

class Balances : public LedgerTest {
 protected:
  void SetUp() override {
    LedgerTest::SetUp();
    post_month(db(), kCaisse);
  }

  std::int64_t minor(const AccountRef& account, const AsOf& as_of = {}) {
    auto found = balance(db(), kCaisse, account, as_of);
    if (!found) throw std::runtime_error(found.error().message);
    return found->minor;
  }
};

TEST_F(Balances, CurrentBalancesFollowTheSignConvention) {
  EXPECT_EQ(minor({K::bank, ""}), 28000);
  EXPECT_EQ(minor({K::contributions, ""}), -6000);
  EXPECT_EQ(minor({K::grant, "ccas"}), -30000);
  EXPECT_EQ(minor({K::reconversion_payouts, ""}), 8000);
  EXPECT_EQ(minor({K::currency_issued, ""}), -35000);
  EXPECT_EQ(minor({K::member_balances, ""}), 13000);
  EXPECT_EQ(minor({K::merchant_balances, "epicerie"}), 2000);
  EXPECT_EQ(minor({K::merchant_balances, "biocoop"}), 12000);
  EXPECT_EQ(minor({K::merchant_reconversions, "epicerie"}), 8000);
}

TEST_F(Balances, BalanceAsOfADateCountsEntriesDatedUpToIt) {
  EXPECT_EQ(minor({K::bank, ""}, {day(2026, 11, 4), {}}), 0);
  EXPECT_EQ(minor({K::bank, ""}, {day(2026, 11, 5), {}}), 36000);
  EXPECT_EQ(minor({K::bank, ""}, {day(2026, 11, 29), {}}), 36000);
  EXPECT_EQ(minor({K::bank, ""}, {day(2026, 11, 30), {}}), 28000);
  EXPECT_EQ(minor({K::member_balances, ""}, {day(2026, 11, 10), {}}), 35000);
}

TEST_F(Balances, BalanceAsOfAnEntryCountsEntriesUpToIt) {
  auto grant = find_entry(db(), kCaisse, "grant:ccas:2026-11");
  ASSERT_TRUE(grant.ok() && grant->has_value());
  EXPECT_EQ(minor({K::bank, ""}, {{}, (*grant)->id}), 36000);
  EXPECT_EQ(minor({K::bank, ""}, {{}, (*grant)->id - 1}), 6000);
}

TEST_F(Balances, ListingShowsEveryAccountAndMatchesTheLines) {
  auto now = balances(db(), kCaisse);
  ASSERT_TRUE(now.ok()) << now.error().message;
  auto from_lines = balances(db(), kCaisse, AsOf{day(2100, 1, 1), {}});
  ASSERT_TRUE(from_lines.ok()) << from_lines.error().message;
  ASSERT_EQ(now->size(), 11u);  // 7 of the chart, the CCAS grant, 3 merchant accounts
  ASSERT_EQ(from_lines->size(), now->size());
  for (std::size_t i = 0; i < now->size(); ++i) {
    EXPECT_EQ((*now)[i].account.ref, (*from_lines)[i].account.ref);
    EXPECT_EQ((*now)[i].balance, (*from_lines)[i].balance) << to_string((*now)[i].account.ref);
  }
  EXPECT_EQ(now->front().account.ref, (AccountRef{K::bank, ""}));
  EXPECT_EQ(now->front().balance, (money::Money{28000, "EUR"}));
}

TEST_F(Balances, UnknownAccountIsAnError) {
  auto found = balance(db(), kCaisse, AccountRef{K::grant, "region"});
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.error().message, "account grant:region is not open in caisse nantes-ouest");
}

TEST_F(Balances, MoneyInGivesContributionsAndEachFunderForThePeriod) {
  ASSERT_TRUE(open_account(db(), kCaisse, {K::grant, "fondation-x"}, "EUR").ok());
  must_post(entry("grant:fondation-x:2026-12",
                  {line(K::bank, 12000), line(K::grant, -12000, "EUR", "fondation-x")}, kCaisse,
                  day(2026, 12, 1)));
  auto h3 = find_entry(db(), kCaisse, "contribution:h3:2026-11");
  ASSERT_TRUE(h3.ok() && h3->has_value());
  ASSERT_TRUE(post_reversal(db(), kCaisse, (*h3)->id, "reversal:h3", day(2026, 12, 2),
                            "bank rejected the direct debit")
                  .ok());

  auto november = money_in(db(), kCaisse, {day(2026, 11, 1), day(2026, 11, 30)}, "EUR");
  ASSERT_TRUE(november.ok()) << november.error().message;
  EXPECT_EQ(november->contributions, (money::Money{6000, "EUR"}));
  ASSERT_EQ(november->grants.size(), 1u);
  EXPECT_EQ(november->grants[0].funder_id, "ccas");
  EXPECT_EQ(november->grants[0].amount, (money::Money{30000, "EUR"}));
  EXPECT_EQ(november->total, (money::Money{36000, "EUR"}));

  auto december = money_in(db(), kCaisse, {day(2026, 12, 1), day(2026, 12, 31)}, "EUR");
  ASSERT_TRUE(december.ok()) << december.error().message;
  EXPECT_EQ(december->contributions, (money::Money{-500, "EUR"}));  // the reversal
  ASSERT_EQ(december->grants.size(), 1u);
  EXPECT_EQ(december->grants[0].funder_id, "fondation-x");
  EXPECT_EQ(december->total, (money::Money{11500, "EUR"}));
}

}  // namespace
}  // namespace caisse::host::ledger
