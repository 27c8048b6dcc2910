// One book per caisse: nothing posted in one caisse shows in another's balances, entries,
// money in or checks, and the database refuses a line that would cross.
#include <gtest/gtest.h>

#include "ledger/balances.hpp"
#include "ledger/invariants.hpp"
#include "month_fixture.hpp"

namespace caisse::host::ledger {
namespace {

using K = AccountKind;
constexpr const char* kOther = "pays-de-retz";

class Isolation : public LedgerTest {
 protected:
  void SetUp() override {
    LedgerTest::SetUp();
    open_caisse(kOther);
    post_month(db(), kCaisse);
  }
};

TEST_F(Isolation, PostingsInOneCaisseNeverShowInAnothersBalances) {
  auto other = balances(db(), kOther);
  ASSERT_TRUE(other.ok()) << other.error().message;
  ASSERT_EQ(other->size(), 8u);
  for (const auto& account : *other) {
    EXPECT_EQ(account.account.caisse_id, kOther);
    EXPECT_EQ(account.balance.minor, 0) << to_string(account.account.ref);
  }
  auto as_of = balances(db(), kOther, AsOf{day(2100, 1, 1), {}});
  ASSERT_TRUE(as_of.ok());
  for (const auto& account : *as_of) EXPECT_EQ(account.balance.minor, 0);

  auto in = money_in(db(), kOther, {day(2026, 1, 1), day(2026, 12, 31)}, "EUR");
  ASSERT_TRUE(in.ok());
  EXPECT_EQ(in->total.minor, 0);
  EXPECT_TRUE(in->grants.empty());
}

TEST_F(Isolation, ChecksOfOneCaisseIgnoreAnothersBrokenBook) {
  ASSERT_TRUE(db().exec("ALTER TABLE ledger_lines DISABLE TRIGGER ledger_lines_balanced;"
                        "INSERT INTO ledger_lines (entry_id, line_no, caisse_id, account_id,"
                        " amount_minor, currency)"
                        " SELECT e.id, 9, e.caisse_id, a.id, 777, 'EUR'"
                        " FROM ledger_entries e JOIN ledger_accounts a"
                        " ON a.caisse_id = e.caisse_id AND a.kind = 'bank'"
                        " WHERE e.caisse_id = 'nantes-ouest' AND e.idempotency_key = 'spend:1'")
                  .ok());
  auto broken = check_invariants(db(), kCaisse);
  ASSERT_TRUE(broken.ok());
  EXPECT_FALSE(broken->ok());

  auto other = check_invariants(db(), kOther);
  ASSERT_TRUE(other.ok()) << other.error().message;
  EXPECT_TRUE(other->ok()) << render_text(*other);
  EXPECT_EQ(other->invariants[0].actual, "0 unbalanced of 0 entries");
}

TEST_F(Isolation, EntriesAreFoundOnlyInTheirCaisseAndKeysAreUniquePerCaisse) {
  auto mine = find_entry(db(), kCaisse, "contribution:h1:2026-11");
  ASSERT_TRUE(mine.ok() && mine->has_value());
  auto not_there = find_entry(db(), kOther, "contribution:h1:2026-11");
  ASSERT_TRUE(not_there.ok());
  EXPECT_FALSE(not_there->has_value());
  auto by_id = get_entry(db(), kOther, (*mine)->id);
  ASSERT_FALSE(by_id.ok());
  EXPECT_EQ(by_id.error().message,
            "no entry " + std::to_string((*mine)->id) + " in caisse pays-de-retz");
  EXPECT_FALSE(post_reversal(db(), kOther, (*mine)->id, "steal", day(2026, 11, 6), "x").ok());

  // The same key in the other caisse is a different entry, with different content.
  auto posted = post(db(), entry("contribution:h1:2026-11",
                                 {line(K::bank, 2000), line(K::contributions, -2000)}, kOther));
  ASSERT_TRUE(posted.ok()) << posted.error().message;
  EXPECT_TRUE(posted->created);
  EXPECT_NE(posted->entry.id, (*mine)->id);
  auto mine_bank = balance(db(), kCaisse, {K::bank, ""});
  auto other_bank = balance(db(), kOther, {K::bank, ""});
  ASSERT_TRUE(mine_bank.ok() && other_bank.ok());
  EXPECT_EQ(mine_bank->minor, 28000);
  EXPECT_EQ(other_bank->minor, 2000);
}

TEST_F(Isolation, DatabaseRefusesALineOnAnotherCaissesAccount) {
  auto posted = post(
      db(), entry("contribution:h9", {line(K::bank, 100), line(K::contributions, -100)}, kOther));
  ASSERT_TRUE(posted.ok());
  auto crossed = db().exec(
      "INSERT INTO ledger_lines (entry_id, line_no, caisse_id, account_id, amount_minor, currency)"
      " SELECT " +
      std::to_string(posted->entry.id) +
      ", 3, 'pays-de-retz', id, 1, 'EUR' FROM ledger_accounts"
      " WHERE caisse_id = 'nantes-ouest' AND kind = 'bank'");
  ASSERT_FALSE(crossed.ok());
  EXPECT_NE(crossed.error().message.find("23503"), std::string::npos) << crossed.error().message;
}

}  // namespace
}  // namespace caisse::host::ledger
