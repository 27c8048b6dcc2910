// The moneko adapter loaded as in production, with its default mapping: the bulk credit file,
// MLC44's confirmations (once, twice, malformed), the transaction export and the conventionné
// list, alone and inside a whole allocation cycle.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "file_adapter_harness.hpp"

namespace caisse::host::cycle {
namespace {

using caisse::testing::read_text;
using caisse::testing::utc_ms;
using caisse::testing::write_text;
using plugins::Outcome;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr std::string_view kCreditFile =
    "\xEF\xBB\xBF"
    "external_ref;member_id;amount_mk;currency;label\n"
    "alloc/nantes-ouest/2026-11/H-0001;H-0001;50,00;MNK;Allocation 2026-11\n"
    "alloc/nantes-ouest/2026-11/H-0002;H-0002;150,00;MNK;Allocation 2026-11\n";

constexpr std::string_view kConfirmation =
    "external_ref;status;transaction_id;comment\n"
    "alloc/nantes-ouest/2026-11/H-0001;OK;MNK-881;\n"
    "alloc/nantes-ouest/2026-11/H-0002;crédité;MNK-882;\n";

// Two purchases in November, one in December, a transfer that is not a purchase.
constexpr std::string_view kExport =
    "Date;Référence;Type;Émetteur;Destinataire;Montant\n"
    "03/11/2026 10:15;TX-1;Paiement;H-0001;MNK-M2;12,50\n"
    "04/11/2026 18:02;TX-2;Paiement;H-0002;MNK-M1;\"1 020,00\"\n"
    "05/11/2026 09:00;TX-3;Virement;CCA44;H-0001;50,00\n"
    "01/12/2026 09:00;TX-4;Paiement;H-0001;MNK-M2;3,00\n";

class MonekoTest : public ::testing::Test {
 protected:
  std::filesystem::path credit_file() const {
    return harness_.outbox() / "moneko-credits-2026-10-26-1.csv";
  }
  static std::vector<Household> households() { return {{"H-0001", 1, 0}, {"H-0002", 2, 1}}; }

  caisse::testing::FileAdapterHarness harness_{"moneko", "nantes-ouest"};
};

// Compute, approve, fund, dispatch into the credit file; MLC44's confirmation settles the cycle,
// and the same confirmation dropped again changes nothing.
TEST_F(MonekoTest, FileModeCycleRoundTrips) {
  caisse::testing::CycleRun run("moneko_cycle", "nantes-ouest", "MNK");
  auto moneko = harness_.start();
  auto dispatched = run.dispatch(*moneko, households(), 5000);
  ASSERT_TRUE(dispatched.ok()) << dispatched.error().message;
  EXPECT_EQ(dispatched->state, CycleState::dispatched);
  EXPECT_EQ(dispatched->by_status[LineStatus::pending].lines, 2u);
  EXPECT_EQ(read_text(credit_file()), kCreditFile);

  write_text(harness_.inbox() / "confirmation-novembre.csv", kConfirmation);
  auto settled = run.reconcile(*moneko);
  ASSERT_TRUE(settled.ok()) << settled.error().message;
  EXPECT_EQ(settled->state, CycleState::settled);
  EXPECT_EQ(run.issued(), 20000);
  EXPECT_EQ(run.lines()["H-0002"].external_ref, "MNK-882");

  write_text(harness_.inbox() / "confirmation-novembre (1).csv", kConfirmation);
  auto again = run.reconcile(*moneko);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->state, CycleState::settled);
  EXPECT_EQ(again->by_status[LineStatus::succeeded].lines, 2u);
  EXPECT_EQ(run.issued(), 20000);
  EXPECT_EQ(harness_.files_in_outbox("moneko-credits").size(), 1u);
}

// A malformed confirmation is reported with file, line and column, and the lines keep their
// status until the operator fixes it.
TEST_F(MonekoTest, MalformedConfirmationLeavesLinesPendingUntilFixed) {
  caisse::testing::CycleRun run("moneko_malformed", "nantes-ouest", "MNK");
  auto moneko = harness_.start();
  ASSERT_TRUE(run.dispatch(*moneko, households(), 5000).ok());
  write_text(harness_.inbox() / "retour.csv",
             "external_ref;status;transaction_id;comment\n"
             "alloc/nantes-ouest/2026-11/H-0001;OK;MNK-881;\n"
             "alloc/nantes-ouest/2026-11/H-0002;peut-être;;\n");
  auto answer = moneko->status("alloc/nantes-ouest/2026-11/H-0001");
  ASSERT_FALSE(answer.ok());
  EXPECT_THAT(answer.error().message,
              HasSubstr("retour.csv:3: status: \"peut-être\" is not a status of the mapping"));
  auto waiting = run.reconcile(*moneko);
  ASSERT_TRUE(waiting.ok()) << waiting.error().message;
  EXPECT_EQ(waiting->state, CycleState::dispatched);
  EXPECT_EQ(waiting->by_status[LineStatus::pending].lines, 2u);

  write_text(harness_.inbox() / "retour.csv", kConfirmation);
  auto settled = run.reconcile(*moneko);
  ASSERT_TRUE(settled.ok());
  EXPECT_EQ(settled->state, CycleState::settled);
}

TEST_F(MonekoTest, RejectedLineIsDeclinedWithTheOperatorsComment) {
  auto moneko = harness_.start();
  ASSERT_TRUE(moneko->credit({{"op-1", "H-0001", {5000, "MNK"}, "Allocation 2026-11"}}).ok());
  write_text(harness_.inbox() / "retour.csv",
             "external_ref;status;transaction_id;comment\nop-1;KO;;compte clôturé\n");
  auto declined = moneko->status("op-1");
  ASSERT_TRUE(declined.ok()) << declined.error().message;
  EXPECT_EQ(declined->outcome, Outcome::declined);
  EXPECT_EQ(declined->message, "compte clôturé");
}

// Which line went into which file is kept by the host, not read back from the file: the operator
// may archive a credit file once sent, and a line is still never written twice.
TEST_F(MonekoTest, AnArchivedCreditFileNeitherUnsendsNorRewritesItsLines) {
  auto moneko = harness_.start();
  const plugins::CreditLine line{"op-1", "H-0001", {5000, "MNK"}, "Allocation 2026-11"};
  auto first = moneko->credit({line});
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ((*first)[0].outcome, Outcome::pending);
  EXPECT_EQ((*first)[0].message,
            "in moneko-credits-2026-10-26-1.csv, waiting for the operator's confirmation");
  std::filesystem::create_directories(harness_.dir() / "sent");
  std::filesystem::rename(credit_file(), harness_.dir() / "sent" / "novembre.csv");
  EXPECT_EQ(moneko->status("op-1")->outcome, Outcome::pending);
  auto again = moneko->credit({line});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ((*again)[0].outcome, Outcome::pending);
  EXPECT_TRUE(harness_.files_in_outbox("moneko-credits").empty());
  EXPECT_EQ(moneko->status("op-never")->outcome, Outcome::not_sent);
}

TEST_F(MonekoTest, ALineInAnotherCurrencyIsRefusedAndNothingWritten) {
  auto moneko = harness_.start();
  auto refused = moneko->credit({{"op-1", "H-0001", {5000, "EUR"}, "Allocation"}});
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.error().message, HasSubstr("op-1 is in EUR, this instance writes MNK"));
  EXPECT_TRUE(harness_.files_in_outbox("moneko-credits").empty());
}

TEST_F(MonekoTest, ImportingTheSameExportTwiceChangesNothing) {
  auto moneko = harness_.start();
  write_text(harness_.imports() / "export-2026-11.csv", kExport);
  auto november = moneko->list_purchases(utc_ms(2026, 11, 1), utc_ms(2026, 12, 1));
  ASSERT_TRUE(november.ok()) << november.error().message;
  ASSERT_EQ(november->size(), 2u);
  const plugins::Purchase& first = (*november)[0];
  EXPECT_EQ(first.external_ref, "TX-1");
  EXPECT_EQ(first.household_id, "H-0001");
  EXPECT_EQ(first.merchant_ref, "MNK-M2");
  EXPECT_EQ(first.amount.minor, 1250);
  EXPECT_EQ(first.amount.currency, "MNK");
  EXPECT_EQ(first.paid_at_ms, 1793697300000);  // 10:15 in Nantes is 09:15 UTC
  EXPECT_EQ((*november)[1].amount.minor, 102000);

  write_text(harness_.imports() / "export-2026-11 (copie).csv", kExport);
  auto again = moneko->list_purchases(utc_ms(2026, 11, 1), utc_ms(2026, 12, 1));
  ASSERT_TRUE(again.ok());
  ASSERT_EQ(again->size(), 2u);
  EXPECT_EQ((*again)[0].external_ref, "TX-1");
  EXPECT_EQ((*again)[1].external_ref, "TX-2");
}

TEST_F(MonekoTest, MalformedExportIsRefusedNamingFileLineAndColumn) {
  auto moneko = harness_.start();
  write_text(harness_.imports() / "export-2026-11.csv", kExport);
  write_text(harness_.imports() / "export-bad.csv",
             "Date;Référence;Type;Émetteur;Destinataire;Montant\n"
             "03/11/2026 10:15;TX-9;Paiement;H-0001;MNK-M2;4,00\n"
             "03/11/2026 11:15;TX-10;Paiement;H-0001;MNK-M2;4,005\n");
  auto refused = moneko->list_purchases(utc_ms(2026, 11, 1), utc_ms(2026, 12, 1));
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.error().message,
              HasSubstr("export-bad.csv:3: Montant: \"4,005\" has more decimals than the "
                        "currency's 2"));
}

TEST_F(MonekoTest, SyncMerchantsWritesTheConventionneList) {
  auto moneko = harness_.start();
  const std::vector<plugins::Merchant> merchants{
      {"M-2", "Épicerie; vrac", "MNK-M2", true},
      {"M-1", "Boulangerie", "MNK-M1", false},
  };
  ASSERT_TRUE(moneko->sync_merchants(merchants).ok());
  const auto file = harness_.outbox() / "accredited-merchants.csv";
  EXPECT_EQ(read_text(file),
            "\xEF\xBB\xBF"
            "compte_moneko;id_caisse;nom;conventionne\n"
            "MNK-M1;M-1;Boulangerie;non\n"
            "MNK-M2;M-2;\"Épicerie; vrac\";oui\n");

  // The same list again leaves the file alone, so its date says when the list last changed.
  const auto old_time = std::filesystem::file_time_type::clock::now() - std::chrono::hours(24);
  std::filesystem::last_write_time(file, old_time);
  ASSERT_TRUE(moneko->sync_merchants(merchants).ok());
  EXPECT_EQ(std::filesystem::last_write_time(file), old_time);

  ASSERT_TRUE(moneko->sync_merchants({{"M-1", "Boulangerie", "MNK-M1", true}}).ok());
  EXPECT_EQ(read_text(file),
            "\xEF\xBB\xBF"
            "compte_moneko;id_caisse;nom;conventionne\nMNK-M1;M-1;Boulangerie;oui\n");
}

TEST_F(MonekoTest, AnAccreditedMerchantTheBackendDoesNotKnowIsNamed) {
  auto moneko = harness_.start();
  auto synced = moneko->sync_merchants(
      {{"M-1", "Boulangerie", "MNK-M1", true}, {"M-3", "Primeur", "", true}});
  ASSERT_FALSE(synced.ok());
  EXPECT_THAT(synced.error().message,
              HasSubstr("with no backend reference, left out of accredited-merchants.csv: M-3"));
  EXPECT_THAT(read_text(harness_.outbox() / "accredited-merchants.csv"), HasSubstr("MNK-M1"));
}

TEST_F(MonekoTest, ConfigurationMistakesAreRefusedAtStart) {
  auto missing = harness_.create({{"inbox_dir", (harness_.dir() / "nope").string()}});
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.error().message, HasSubstr("inbox_dir"));
  EXPECT_THAT(missing.error().message, HasSubstr("is not a folder"));
  auto same = harness_.create({{"import_dir", harness_.inbox().string()}});
  ASSERT_FALSE(same.ok());
  EXPECT_THAT(same.error().message, HasSubstr("import_dir and inbox_dir must be different"));
  auto accounts = harness_.create({{"accounts_file", (harness_.dir() / "a.csv").string()}});
  ASSERT_FALSE(accounts.ok());
  EXPECT_THAT(accounts.error().message, HasSubstr("the mapping uses no account"));
}

}  // namespace
}  // namespace caisse::host::cycle
