#include "ledger/invariants.hpp"

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "month_fixture.hpp"
#include "store/transaction.hpp"

namespace caisse::host::ledger {
namespace {

class Invariants : public LedgerTest {
 protected:
  void SetUp() override {
    LedgerTest::SetUp();
    post_month(db(), kCaisse);
  }

  InvariantReport check() {
    auto report = check_invariants(db(), kCaisse);
    if (!report) throw std::runtime_error(report.error().message);
    return std::move(report.value());
  }

  static const InvariantResult& find(const InvariantReport& report, const std::string& name) {
    for (const auto& invariant : report.invariants) {
      if (invariant.name == name) return invariant;
    }
    throw std::runtime_error("no invariant " + name);
  }

  // Writes a line the way a faulty tool or a hand edit would: straight into the table, with
  // the database's own balance check switched off.
  void inject_line(const std::string& entry_key, const std::string& kind, const std::string& key,
                   std::int64_t minor, const std::string& currency) {
    auto injected = db().exec(
        "ALTER TABLE ledger_lines DISABLE TRIGGER ledger_lines_balanced;"
        "INSERT INTO ledger_lines (entry_id, line_no, caisse_id, account_id, amount_minor, "
        "currency)"
        " SELECT e.id, 99, e.caisse_id, a.id, " +
        std::to_string(minor) + ", '" + currency +
        "'"
        "   FROM ledger_entries e JOIN ledger_accounts a ON a.caisse_id = e.caisse_id"
        "  WHERE e.caisse_id = 'nantes-ouest' AND e.idempotency_key = '" +
        entry_key + "' AND a.kind = '" + kind + "' AND a.key = '" + key +
        "';"
        "ALTER TABLE ledger_lines ENABLE TRIGGER ledger_lines_balanced");
    if (!injected) throw std::runtime_error(injected.error().message);
    ASSERT_EQ(injected->affected_rows(), 0);  // the last statement is the ALTER
  }
};

TEST_F(Invariants, RealisticMonthPassesEveryInvariant) {
  InvariantReport report = check();
  EXPECT_TRUE(report.ok()) << render_text(report);
  ASSERT_EQ(report.invariants.size(), 4u);

  const auto& entries = find(report, "entries_balance");
  EXPECT_TRUE(entries.ok);
  EXPECT_EQ(entries.actual, "0 unbalanced of 11 entries");

  const auto& euros = find(report, "euros_received");
  EXPECT_TRUE(euros.ok);
  EXPECT_EQ(euros.currency, "EUR");
  EXPECT_EQ(euros.expected, "280.00 EUR");
  EXPECT_EQ(euros.actual, "280.00 EUR");
  EXPECT_EQ(euros.expected_minor, 28000);
  EXPECT_EQ(euros.details, (std::vector<std::string>{
                               "expected term -contributions = 60.00 EUR",
                               "expected term -reconversion_payouts = -80.00 EUR",
                               "expected term -grant:ccas = 300.00 EUR",
                               "actual term bank = 280.00 EUR",
                           }));

  const auto& issued = find(report, "currency_issued");
  EXPECT_TRUE(issued.ok);
  EXPECT_EQ(issued.currency, "MONA");
  EXPECT_EQ(issued.expected, "350.00 MONA");
  EXPECT_EQ(issued.actual, "350.00 MONA");

  EXPECT_TRUE(find(report, "running_balances").ok);

  std::string text = render_text(report);
  EXPECT_NE(text.find("[OK]     euros_received (EUR)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("result: OK\n"), std::string::npos) << text;
}

TEST_F(Invariants, InjectedEuroLineFailsEntryBalanceAndEurosReceived) {
  inject_line("contribution:h2:2026-11", "bank", "", 500, "EUR");
  InvariantReport report = check();
  EXPECT_FALSE(report.ok());

  const auto& entries = find(report, "entries_balance");
  EXPECT_FALSE(entries.ok);
  EXPECT_EQ(entries.actual, "1 unbalanced of 11 entries");
  ASSERT_EQ(entries.details.size(), 1u);
  EXPECT_NE(entries.details[0].find("(key \"contribution:h2:2026-11\"): EUR lines sum to 5.00 EUR"),
            std::string::npos)
      << entries.details[0];

  const auto& euros = find(report, "euros_received");
  EXPECT_FALSE(euros.ok);
  EXPECT_EQ(euros.expected, "280.00 EUR");
  EXPECT_EQ(euros.actual, "285.00 EUR");

  EXPECT_TRUE(find(report, "currency_issued").ok);

  // The trigger that keeps running balances was off too: the check sees that as well.
  const auto& running = find(report, "running_balances");
  EXPECT_FALSE(running.ok);
  EXPECT_EQ(running.details,
            std::vector<std::string>{"bank: running 280.00 EUR, lines 285.00 EUR"});

  std::string text = render_text(report);
  EXPECT_NE(text.find("[FAILED] euros_received (EUR)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("result: FAILED (3 of 4 invariants failed)\n"), std::string::npos) << text;
}

TEST_F(Invariants, InjectedCurrencyLineFailsCurrencyIssued) {
  inject_line("cycle:2026-11:h1", "member_balances", "", 1000, "MONA");
  InvariantReport report = check();
  EXPECT_FALSE(find(report, "entries_balance").ok);
  EXPECT_TRUE(find(report, "euros_received").ok);
  const auto& issued = find(report, "currency_issued");
  EXPECT_FALSE(issued.ok);
  EXPECT_EQ(issued.expected, "350.00 MONA");
  EXPECT_EQ(issued.actual, "360.00 MONA");
}

TEST_F(Invariants, TamperedRunningBalanceIsReported) {
  ASSERT_TRUE(db().exec("UPDATE ledger_account_balances SET balance_minor = 0"
                        " WHERE account_id = (SELECT id FROM ledger_accounts"
                        " WHERE caisse_id = 'nantes-ouest' AND kind = 'member_balances')")
                  .ok());
  InvariantReport report = check();
  EXPECT_TRUE(find(report, "entries_balance").ok);
  EXPECT_TRUE(find(report, "currency_issued").ok);
  const auto& running = find(report, "running_balances");
  EXPECT_FALSE(running.ok);
  EXPECT_EQ(running.actual, "1 off of 11 accounts");
  EXPECT_EQ(running.details,
            std::vector<std::string>{"member_balances: running 0.00 MONA, lines 130.00 MONA"});
}

TEST_F(Invariants, JsonReportCarriesStatusAndAmounts) {
  inject_line("grant:ccas:2026-11", "bank", "", -100, "EUR");
  boost::json::object json = to_json(check());
  EXPECT_EQ(json.at("caisse"), "nantes-ouest");
  EXPECT_EQ(json.at("ok"), false);
  const auto& invariants = json.at("invariants").as_array();
  ASSERT_EQ(invariants.size(), 4u);
  const auto& euros = invariants[1].as_object();
  EXPECT_EQ(euros.at("name"), "euros_received");
  EXPECT_EQ(euros.at("status"), "FAILED");
  EXPECT_EQ(euros.at("expected_minor"), 28000);
  EXPECT_EQ(euros.at("actual_minor"), 27900);
  EXPECT_EQ(invariants[2].as_object().at("status"), "OK");
}

TEST_F(Invariants, CheckInsideATransactionSeesItsPostingsAndLeavesItOpen) {
  auto transaction = store::Transaction::begin(db());
  ASSERT_TRUE(transaction.ok());
  must_post(entry("contribution:h4:2026-11",
                  {line(AccountKind::bank, 1000), line(AccountKind::contributions, -1000)}));
  InvariantReport inside = check();
  EXPECT_TRUE(inside.ok()) << render_text(inside);
  EXPECT_EQ(find(inside, "euros_received").actual, "290.00 EUR");
  ASSERT_TRUE(transaction->commit().ok());  // still the caller's, still open until now
  EXPECT_EQ(find(check(), "euros_received").actual, "290.00 EUR");
}

TEST_F(Invariants, CheckOutsideATransactionLeavesNoneOpen) {
  EXPECT_TRUE(check().ok());
  EXPECT_EQ(scalar("SELECT statement_timestamp() = transaction_timestamp()"), "t");
  must_post(entry("contribution:h4:2026-11",
                  {line(AccountKind::bank, 1000), line(AccountKind::contributions, -1000)}));
  auto other = store::PgConnection::connect(conninfo_);
  ASSERT_TRUE(other.ok());
  auto seen = other->exec("SELECT count(*) FROM ledger_entries");
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(seen->get(0, 0), "12");  // committed: no transaction was left around it
}

TEST_F(Invariants, EmptyBookPassesWithZeroes) {
  open_caisse("pays-de-retz");
  auto report = check_invariants(db(), "pays-de-retz");
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_TRUE(report->ok()) << render_text(*report);
  EXPECT_EQ(find(*report, "euros_received").expected, "0.00 EUR");
  EXPECT_EQ(find(*report, "currency_issued").actual, "0.00 MONA");
}

}  // namespace
}  // namespace caisse::host::ledger
