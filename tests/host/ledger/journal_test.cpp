#include "ledger/journal.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <limits>
#include <thread>

#include "ledger/balances.hpp"
#include "ledger_fixture.hpp"
#include "store/transaction.hpp"

namespace caisse::host::ledger {
namespace {

using K = AccountKind;
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

class Journal : public LedgerTest {
 protected:
  std::int64_t balance_of(AccountKind kind, const std::string& key = "") {
    auto found = balance(db(), kCaisse, AccountRef{kind, key});
    if (!found) throw std::runtime_error(found.error().message);
    return found->minor;
  }
};

TEST_F(Journal, BalancedEntryIsStoredWithItsLines) {
  auto posted = post(
      db(), entry("contribution:h1:2026-11", {line(K::bank, 1500), line(K::contributions, -1500)}));
  ASSERT_TRUE(posted.ok()) << posted.error().message;
  EXPECT_TRUE(posted->created);
  EXPECT_GT(posted->entry.id, 0);

  auto stored = get_entry(db(), kCaisse, posted->entry.id);
  ASSERT_TRUE(stored.ok()) << stored.error().message;
  EXPECT_EQ(stored->idempotency_key, "contribution:h1:2026-11");
  EXPECT_EQ(stored->date, day(2026, 11, 5));
  EXPECT_EQ(stored->description, "test entry contribution:h1:2026-11");
  EXPECT_EQ(stored->source, "test:contribution:h1:2026-11");
  EXPECT_EQ(stored->lines, (std::vector<Line>{line(K::bank, 1500), line(K::contributions, -1500)}));
  EXPECT_EQ(balance_of(K::bank), 1500);
  EXPECT_EQ(balance_of(K::contributions), -1500);
}

TEST_F(Journal, UnbalancedEntryIsRefusedAndNothingIsWritten) {
  auto posted =
      post(db(), entry("contribution:h1", {line(K::bank, 1500), line(K::contributions, -1450)}));
  ASSERT_FALSE(posted.ok());
  EXPECT_EQ(posted.error().message,
            "entry \"contribution:h1\" does not balance in EUR: its lines sum to 0.50 EUR (debits "
            "15.00 EUR, credits -14.50 EUR)");
  EXPECT_EQ(scalar("SELECT count(*) FROM ledger_entries"), "0");
  EXPECT_EQ(scalar("SELECT count(*) FROM ledger_lines"), "0");
  EXPECT_EQ(balance_of(K::bank), 0);
}

TEST_F(Journal, MixedCurrencyEntryBalancesInEachCurrency) {
  // A merchant reconverts 40 MONA and is paid 40 EUR: one entry, two currencies.
  auto reconversion =
      post(db(),
           entry("reconversion:m1:1", {line(K::merchant_reconversions, 4000, "MONA"),
                                       line(K::merchant_balances, -4000, "MONA"),
                                       line(K::reconversion_payouts, 4000), line(K::bank, -4000)}));
  ASSERT_TRUE(reconversion.ok()) << reconversion.error().message;

  // Zero overall, but 40 EUR in and 40 MONA out: refused.
  auto across = post(
      db(), entry("mixed:wrong", {line(K::bank, 4000), line(K::merchant_balances, -4000, "MONA")}));
  ASSERT_FALSE(across.ok());
  EXPECT_EQ(across.error().message,
            "entry \"mixed:wrong\" does not balance in EUR: its lines sum to 40.00 EUR (debits "
            "40.00 EUR, credits 0.00 EUR)");
  EXPECT_EQ(scalar("SELECT count(*) FROM ledger_entries"), "1");
}

TEST_F(Journal, EntryNeedsTwoNonZeroLines) {
  auto single = post(db(), entry("one-line", {line(K::bank, 0)}));
  ASSERT_FALSE(single.ok());
  EXPECT_EQ(single.error().message,
            "entry \"one-line\" has 1 line(s); an entry needs at least two");
  auto zero = post(db(), entry("zero", {line(K::bank, 0), line(K::contributions, 0)}));
  ASSERT_FALSE(zero.ok());
  EXPECT_EQ(zero.error().message, "entry \"zero\" line 1 (bank): amount is zero");
}

TEST_F(Journal, LineInAnotherCurrencyThanItsAccountIsRefused) {
  auto posted = post(
      db(), entry("wrong-currency", {line(K::member_balances, 100, "EUR"), line(K::bank, -100)}));
  ASSERT_FALSE(posted.ok());
  EXPECT_EQ(posted.error().message,
            "entry \"wrong-currency\" line 1 (member_balances): the account is kept in MONA, the "
            "line is in \"EUR\"");
}

TEST_F(Journal, AccountNotOpenInTheCaisseIsRefused) {
  auto posted =
      post(db(), entry("grant:city", {line(K::bank, 100), line(K::grant, -100, "EUR", "city")}));
  ASSERT_FALSE(posted.ok());
  EXPECT_EQ(posted.error().message,
            "entry \"grant:city\" line 2 (grant:city): account is not open in caisse "
            "nantes-ouest");
}

TEST_F(Journal, ReplayWithSameContentWritesNothingAndReturnsTheEntry) {
  NewEntry first = entry("import:bank-2026-11.csv:line 12",
                         {line(K::bank, 30000), line(K::grant, -30000, "EUR", "ccas")});
  auto posted = post(db(), first);
  ASSERT_TRUE(posted.ok()) << posted.error().message;

  NewEntry replay = first;
  std::swap(replay.lines[0], replay.lines[1]);  // the order of the lines does not matter
  auto again = post(db(), replay);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_FALSE(again->created);
  EXPECT_EQ(again->entry.id, posted->entry.id);
  EXPECT_EQ(again->entry.lines, first.lines);
  EXPECT_EQ(scalar("SELECT count(*) FROM ledger_entries"), "1");
  EXPECT_EQ(scalar("SELECT count(*) FROM ledger_lines"), "2");
  EXPECT_EQ(balance_of(K::bank), 30000);
}

TEST_F(Journal, ReplayWithDifferentContentIsRefused) {
  NewEntry first =
      entry("import:bank.csv:line 3", {line(K::bank, 1500), line(K::contributions, -1500)});
  ASSERT_TRUE(post(db(), first).ok());
  const std::string id = scalar("SELECT id FROM ledger_entries");

  NewEntry other_amount = first;
  other_amount.lines = {line(K::bank, 1600), line(K::contributions, -1600)};
  auto refused = post(db(), other_amount);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message,
            "idempotency key \"import:bank.csv:line 3\" was already posted in caisse nantes-ouest "
            "as entry " +
                id +
                " with another lines: stored [bank 1500 EUR, contributions -1500 EUR], now "
                "[bank 1600 EUR, contributions -1600 EUR]");

  NewEntry other_date = first;
  other_date.date = day(2026, 12, 1);
  auto refused_date = post(db(), other_date);
  ASSERT_FALSE(refused_date.ok());
  EXPECT_NE(refused_date.error().message.find("another date: stored 2026-11-05, now 2026-12-01"),
            std::string::npos)
      << refused_date.error().message;
  EXPECT_EQ(scalar("SELECT count(*) FROM ledger_lines"), "2");
  EXPECT_EQ(balance_of(K::bank), 1500);
}

TEST_F(Journal, ConcurrentPostingsOfOneKeyWriteOneEntry) {
  // The first transaction holds its uncommitted entry while the second posts the same key: the
  // second waits on the key, then finds the committed entry and writes nothing.
  const NewEntry contribution =
      entry("contribution:h1", {line(K::bank, 1500), line(K::contributions, -1500)});
  Result<Posting> results[2] = {make_error("not run"), make_error("not run")};
  std::thread first([&] {
    auto db = store::PgConnection::connect(conninfo_);
    if (!db) return;
    auto transaction = store::Transaction::begin(*db);
    results[0] = post(*db, contribution);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    if (transaction) (void)transaction->commit();
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  std::thread second([&] {
    auto db = store::PgConnection::connect(conninfo_);
    if (!db) return;
    auto transaction = store::Transaction::begin(*db);
    results[1] = post(*db, contribution);
    if (transaction) (void)transaction->commit();
  });
  first.join();
  second.join();
  ASSERT_TRUE(results[0].ok()) << results[0].error().message;
  ASSERT_TRUE(results[1].ok()) << results[1].error().message;
  EXPECT_TRUE(results[0]->created);
  EXPECT_FALSE(results[1]->created);
  EXPECT_EQ(results[1]->entry.id, results[0]->entry.id);
  EXPECT_EQ(scalar("SELECT count(*) FROM ledger_entries"), "1");
  EXPECT_EQ(balance_of(K::bank), 1500);
}

TEST_F(Journal, DatabaseRefusesUpdateAndDeleteOfTheBook) {
  must_post(entry("contribution:h1", {line(K::bank, 1500), line(K::contributions, -1500)}));
  for (const char* sql : {
           "UPDATE ledger_lines SET amount_minor = 1",
           "DELETE FROM ledger_lines",
           "UPDATE ledger_entries SET description = 'changed'",
           "DELETE FROM ledger_entries",
           "UPDATE ledger_accounts SET currency = 'EUR'",
           "DELETE FROM ledger_accounts",
           "DELETE FROM ledger_currencies",
           "TRUNCATE ledger_lines, ledger_entries CASCADE",
       }) {
    auto refused = db().exec(sql);
    ASSERT_FALSE(refused.ok()) << sql;
    EXPECT_NE(refused.error().message.find("is append-only"), std::string::npos)
        << sql << ": " << refused.error().message;
    EXPECT_NE(refused.error().message.find("55000"), std::string::npos) << refused.error().message;
  }
  EXPECT_EQ(scalar("SELECT count(*) FROM ledger_lines"), "2");
  EXPECT_EQ(scalar("SELECT sum(amount_minor) FILTER (WHERE amount_minor > 0) FROM ledger_lines"),
            "1500");
}

TEST_F(Journal, DatabaseRefusesUnbalancedLinesWrittenAroundTheApi) {
  Entry posted =
      must_post(entry("contribution:h1", {line(K::bank, 1500), line(K::contributions, -1500)}));
  const std::string bank =
      scalar("SELECT id FROM ledger_accounts WHERE caisse_id = 'nantes-ouest' AND kind = 'bank'");
  auto refused = db().exec(
      "INSERT INTO ledger_lines (entry_id, line_no, caisse_id, account_id, amount_minor, currency)"
      " VALUES (" +
      std::to_string(posted.id) + ", 3, 'nantes-ouest', " + bank + ", 500, 'EUR')");
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("23514"), std::string::npos) << refused.error().message;
  EXPECT_NE(refused.error().message.find("ledger entry " + std::to_string(posted.id) +
                                         " does not balance: its EUR lines sum to 500"),
            std::string::npos)
      << refused.error().message;
  EXPECT_EQ(scalar("SELECT count(*) FROM ledger_lines"), "2");
}

TEST_F(Journal, ReversalCancelsAnEntryOnce) {
  Entry wrong =
      must_post(entry("contribution:h1", {line(K::bank, 1500), line(K::contributions, -1500)}));
  auto reversal = post_reversal(db(), kCaisse, wrong.id, "reversal:contribution:h1",
                                day(2026, 11, 6), "typo in the amount");
  ASSERT_TRUE(reversal.ok()) << reversal.error().message;
  EXPECT_TRUE(reversal->created);
  EXPECT_EQ(reversal->entry.reverses, wrong.id);
  EXPECT_EQ(reversal->entry.source, "reversal:entry:" + std::to_string(wrong.id));
  EXPECT_EQ(reversal->entry.lines,
            (std::vector<Line>{line(K::bank, -1500), line(K::contributions, 1500)}));
  EXPECT_EQ(balance_of(K::bank), 0);
  EXPECT_EQ(balance_of(K::contributions), 0);

  // Replaying the correction is a no-op…
  auto replay = post_reversal(db(), kCaisse, wrong.id, "reversal:contribution:h1", day(2026, 11, 6),
                              "typo in the amount");
  ASSERT_TRUE(replay.ok()) << replay.error().message;
  EXPECT_FALSE(replay->created);
  // …and a second correction under another key is refused.
  auto twice = post_reversal(db(), kCaisse, wrong.id, "reversal:again", day(2026, 11, 7), "again");
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().message, "entry " + std::to_string(wrong.id) +
                                       " of caisse nantes-ouest was already reversed by entry " +
                                       std::to_string(reversal->entry.id) +
                                       " (key \"reversal:contribution:h1\")");
  // The database refuses it too, whoever writes.
  auto raw = db().exec(
      "INSERT INTO ledger_entries (caisse_id, idempotency_key, entry_date, description,"
      " source_ref, reverses_entry_id) VALUES ('nantes-ouest', 'raw', '2026-11-07', '', '', " +
      std::to_string(wrong.id) + ")");
  ASSERT_FALSE(raw.ok());
  EXPECT_NE(raw.error().message.find("ledger_entries_reversed_once"), std::string::npos)
      << raw.error().message;
  EXPECT_EQ(balance_of(K::bank), 0);
}

TEST_F(Journal, PostingRollsBackWithTheCallersTransaction) {
  {
    auto transaction = store::Transaction::begin(db());
    ASSERT_TRUE(transaction.ok()) << transaction.error().message;
    must_post(entry("contribution:h1", {line(K::bank, 1500), line(K::contributions, -1500)}));
    EXPECT_EQ(balance_of(K::bank), 1500);
  }  // dropped uncommitted: rolled back
  EXPECT_EQ(scalar("SELECT count(*) FROM ledger_entries"), "0");
  EXPECT_EQ(balance_of(K::bank), 0);

  auto transaction = store::Transaction::begin(db());
  ASSERT_TRUE(transaction.ok());
  must_post(entry("contribution:h1", {line(K::bank, 1500), line(K::contributions, -1500)}));
  // A refusal found before any SQL leaves the transaction usable.
  ASSERT_FALSE(post(db(), entry("bad", {line(K::bank, 1), line(K::contributions, -2)})).ok());
  ASSERT_TRUE(transaction->commit().ok());
  EXPECT_EQ(balance_of(K::bank), 1500);
}

TEST_F(Journal, EntryWhoseLinesAddUpBeyond64BitsIsRefused) {
  auto posted =
      post(db(), entry("huge", {line(K::bank, kMax), line(K::bank, 1),
                                line(K::contributions, -kMax), line(K::contributions, -1)}));
  ASSERT_FALSE(posted.ok());
  EXPECT_EQ(posted.error().message, "entry \"huge\": the EUR lines add up beyond the 64-bit range");
  EXPECT_EQ(scalar("SELECT count(*) FROM ledger_entries"), "0");
}

TEST_F(Journal, BalanceBeyond64BitsIsRefusedByTheDatabase) {
  must_post(entry("max", {line(K::bank, kMax), line(K::contributions, -kMax)}));
  auto posted = post(db(), entry("one-more", {line(K::bank, 1), line(K::contributions, -1)}));
  ASSERT_FALSE(posted.ok());
  EXPECT_NE(posted.error().message.find("22003"), std::string::npos) << posted.error().message;
  EXPECT_EQ(balance_of(K::bank), kMax);
  EXPECT_EQ(scalar("SELECT count(*) FROM ledger_entries"), "1");
}

TEST_F(Journal, BatchPostsEveryEntryInOrderWithTheirBalances) {
  std::vector<NewEntry> batch;
  for (int i = 1; i <= 3; ++i) {
    batch.push_back(entry("contribution:h" + std::to_string(i),
                          {line(K::bank, 1000 * i), line(K::contributions, -1000 * i)}));
  }
  auto posted = post_all(db(), batch);
  ASSERT_TRUE(posted.ok()) << posted.error().message;
  ASSERT_EQ(posted->size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_TRUE((*posted)[i].created);
    EXPECT_EQ((*posted)[i].entry.idempotency_key, batch[i].idempotency_key);
    auto stored = get_entry(db(), kCaisse, (*posted)[i].entry.id);
    ASSERT_TRUE(stored.ok()) << stored.error().message;
    EXPECT_EQ(stored->idempotency_key, batch[i].idempotency_key);
    EXPECT_EQ(stored->lines, batch[i].lines);
  }
  EXPECT_EQ(scalar("SELECT count(*) FROM ledger_lines"), "6");
  EXPECT_EQ(balance_of(K::bank), 6000);
  EXPECT_EQ(balance_of(K::contributions), -6000);
  auto none = post_all(db(), {});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST_F(Journal, BatchReplaysPostedKeysAndWritesOnlyTheNewOnes) {
  NewEntry first = entry("contribution:h1", {line(K::bank, 1500), line(K::contributions, -1500)});
  auto earlier = post(db(), first);
  ASSERT_TRUE(earlier.ok()) << earlier.error().message;
  NewEntry second = entry("contribution:h2", {line(K::bank, 700), line(K::contributions, -700)});
  auto posted = post_all(db(), {second, first});
  ASSERT_TRUE(posted.ok()) << posted.error().message;
  EXPECT_TRUE((*posted)[0].created);
  EXPECT_FALSE((*posted)[1].created);
  EXPECT_EQ((*posted)[1].entry.id, earlier->entry.id);
  EXPECT_EQ(scalar("SELECT count(*) FROM ledger_entries"), "2");
  EXPECT_EQ(balance_of(K::bank), 2200);
}

TEST_F(Journal, BatchWithOneBadEntryWritesNothing) {
  NewEntry posted_before =
      entry("contribution:h1", {line(K::bank, 1500), line(K::contributions, -1500)});
  ASSERT_TRUE(post(db(), posted_before).ok());
  NewEntry good = entry("contribution:h2", {line(K::bank, 700), line(K::contributions, -700)});

  NewEntry unbalanced =
      entry("contribution:h3", {line(K::bank, 700), line(K::contributions, -600)});
  auto refused = post_all(db(), {good, unbalanced});
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("\"contribution:h3\" does not balance"), std::string::npos)
      << refused.error().message;

  NewEntry other_content = posted_before;
  other_content.lines = {line(K::bank, 1600), line(K::contributions, -1600)};
  refused = post_all(db(), {good, other_content});
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("with another lines"), std::string::npos)
      << refused.error().message;

  refused = post_all(db(), {good, good});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message, "entry \"contribution:h2\" appears twice in the batch");

  NewEntry elsewhere = good;
  elsewhere.caisse_id = "another";
  refused = post_all(db(), {good, elsewhere});
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("is of caisse another"), std::string::npos);

  EXPECT_EQ(scalar("SELECT count(*) FROM ledger_entries"), "1");
  EXPECT_EQ(scalar("SELECT count(*) FROM ledger_lines"), "2");
  EXPECT_EQ(balance_of(K::bank), 1500);
}

}  // namespace
}  // namespace caisse::host::ledger
