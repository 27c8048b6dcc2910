// The upcoop adapter loaded as in production, with its default mapping: the card-load order file
// (XLSX, or CSV when configured), cards paired with households by the caisse's accounts file,
// Up's order report, card statements turned into the purchases a bonus is computed from, and the
// bonus merchant list.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "file_adapter_harness.hpp"
#include "xlsx_cells.hpp"

namespace caisse::host::cycle {
namespace {

using caisse::testing::read_text;
using caisse::testing::utc_ms;
using caisse::testing::write_text;
using plugins::Outcome;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr std::string_view kCards =
    "Foyer;Identifiant bénéficiaire\nH-0001;UP-1001\nH-0002;UP-1002\n";

// Card loads, payments at acceptors (debits), a card outside the programme, a refund.
constexpr std::string_view kStatement =
    "Date;Type d'opération;Identifiant bénéficiaire;Identifiant accepteur;Montant;Enseigne\n"
    "01/11/2026 06:00:00;Chargement;UP-1001;UPCOOP;50,00;\n"
    "03/11/2026 10:15:00;Paiement;UP-1001;ACC-BIO-32;-12,30;Biocoop Auch\n"
    "03/11/2026 10:15:00;Paiement;UP-1001;ACC-BIO-32;-12,30;Biocoop Auch\n"
    "04/11/2026 11:00:00;Paiement;UP-9999;ACC-BIO-32;-5,00;Biocoop Auch\n"
    "05/11/2026 17:40:00;Paiement;UP-1002;ACC-MARCHE-7;-20,00;Marché d'Auch\n"
    "05/11/2026 17:45:00;Remboursement;UP-1002;ACC-MARCHE-7;20,00;Marché d'Auch\n";

std::string order_report(std::initializer_list<std::string_view> households) {
  std::string text = "Référence;Statut;Motif\n";
  for (auto h : households) text += "alloc/gers/2026-11/" + std::string(h) + ";Chargé;\n";
  return text;
}

class UpCoopTest : public ::testing::Test {
 protected:
  UpCoopTest() { write_text(cards(), kCards); }
  std::filesystem::path cards() const { return harness_.dir() / "cards.csv"; }
  std::unique_ptr<plugins::PluginInstance> upcoop(
      caisse::testing::FileAdapterHarness::Config extra = {}) {
    extra.emplace("accounts_file", cards().string());
    return harness_.start(extra);
  }

  caisse::testing::FileAdapterHarness harness_{"upcoop", "gers"};
};

// The order file loads each card once; a household without a card waits (NOT_SENT, with the
// reason) until the caisse adds its card, then goes out in the next order file; Up's report
// settles the cycle, and the same report again changes nothing.
TEST_F(UpCoopTest, FileModeCycleRoundTripsWithXlsxOrderFiles) {
  caisse::testing::CycleRun run("upcoop_cycle", "gers", "EUR");
  auto up = upcoop();
  auto dispatched = run.dispatch(*up, {{"H-0001", 1, 0}, {"H-0002", 2, 1}, {"H-0003", 1, 1}}, 4000);
  ASSERT_TRUE(dispatched.ok()) << dispatched.error().message;
  EXPECT_EQ(dispatched->by_status[LineStatus::pending].lines, 2u);
  EXPECT_EQ(dispatched->by_status[LineStatus::not_sent].lines, 1u);
  EXPECT_EQ(run.lines()["H-0003"].message, "household H-0003 has no account in cards.csv");
  const auto first = harness_.outbox() / "up-order-2026-10-26-1.xlsx";
  EXPECT_THAT(
      caisse::testing::xlsx_cells(first),
      ElementsAre(
          ElementsAre("Identifiant bénéficiaire", "Montant", "Référence", "Libellé"),
          ElementsAre("UP-1001", "40,00", "alloc/gers/2026-11/H-0001", "Allocation 2026-11"),
          ElementsAre("UP-1002", "120,00", "alloc/gers/2026-11/H-0002", "Allocation 2026-11")));

  write_text(harness_.inbox() / "rapport-commande-1.csv", order_report({"H-0001", "H-0002"}));
  auto partly = run.reconcile(*up);
  ASSERT_TRUE(partly.ok()) << partly.error().message;
  EXPECT_EQ(partly->state, CycleState::dispatched);
  EXPECT_EQ(partly->by_status[LineStatus::succeeded].lines, 2u);

  write_text(cards(), std::string(kCards) + "H-0003;UP-1003\n");
  auto second = run.dispatch_again(*up);
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_THAT(
      caisse::testing::xlsx_cells(harness_.outbox() / "up-order-2026-10-26-2.xlsx"),
      ElementsAre(
          ElementsAre("Identifiant bénéficiaire", "Montant", "Référence", "Libellé"),
          ElementsAre("UP-1003", "80,00", "alloc/gers/2026-11/H-0003", "Allocation 2026-11")));
  write_text(harness_.inbox() / "rapport-commande-2.csv", order_report({"H-0003"}));
  auto settled = run.reconcile(*up);
  ASSERT_TRUE(settled.ok()) << settled.error().message;
  EXPECT_EQ(settled->state, CycleState::settled);
  EXPECT_EQ(run.issued(), 24000);

  write_text(harness_.inbox() / "rapport-commande-1 (copie).csv",
             order_report({"H-0001", "H-0002"}));
  auto again = run.reconcile(*up);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->state, CycleState::settled);
  EXPECT_EQ(run.issued(), 24000);
  EXPECT_EQ(harness_.files_in_outbox("up-order").size(), 2u);
}

TEST_F(UpCoopTest, CreditFormatCsvWritesACsvOrderFile) {
  auto up = upcoop({{"credit_format", std::string("csv")}});
  ASSERT_TRUE(up->credit({{"op-1", "H-0002", {12000, "EUR"}, "Allocation 2026-11"}}).ok());
  EXPECT_EQ(read_text(harness_.outbox() / "up-order-2026-10-26-1.csv"),
            "Identifiant bénéficiaire;Montant;Référence;Libellé\n"
            "UP-1002;120,00;op-1;Allocation 2026-11\n");
}

// What a purchase bonus is computed from: each payment, its household found from the card, its
// merchant from the acceptor id. Importing the same statement again lists the same references.
TEST_F(UpCoopTest, StatementsBecomePurchasesOfTheCardsHouseholds) {
  auto up = upcoop();
  write_text(harness_.imports() / "releve-2026-11.csv", kStatement);
  auto listed = up->list_purchases(utc_ms(2026, 11, 1), utc_ms(2026, 12, 1));
  ASSERT_TRUE(listed.ok()) << listed.error().message;
  ASSERT_EQ(listed->size(), 3u);
  EXPECT_EQ((*listed)[0].household_id, "H-0001");
  EXPECT_EQ((*listed)[0].merchant_ref, "ACC-BIO-32");
  EXPECT_EQ((*listed)[0].amount.minor, 1230);
  EXPECT_EQ((*listed)[0].amount.currency, "EUR");
  EXPECT_NE((*listed)[0].external_ref, (*listed)[1].external_ref);  // two coffees, two purchases
  EXPECT_EQ((*listed)[2].household_id, "H-0002");
  EXPECT_EQ((*listed)[2].amount.minor, 2000);

  write_text(harness_.imports() / "releve-2026-11 (copie).csv", kStatement);
  auto again = up->list_purchases(utc_ms(2026, 11, 1), utc_ms(2026, 12, 1));
  ASSERT_TRUE(again.ok());
  ASSERT_EQ(again->size(), 3u);
  for (std::size_t i = 0; i < 3; ++i)
    EXPECT_EQ((*again)[i].external_ref, (*listed)[i].external_ref);
}

TEST_F(UpCoopTest, AMalformedAccountsFileIsNamedAndNothingIsWritten) {
  auto up = upcoop();
  write_text(cards(), std::string(kCards) + "H-0003;UP-1001\n");
  auto refused = up->credit({{"op-1", "H-0001", {4000, "EUR"}, "Allocation 2026-11"}});
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.error().message,
              HasSubstr("cards.csv:4: Identifiant bénéficiaire: already the account of household "
                        "H-0001 (cards.csv:2)"));
  EXPECT_TRUE(harness_.files_in_outbox("up-order").empty());
  EXPECT_EQ(up->status("op-1")->outcome, Outcome::not_sent);
}

TEST_F(UpCoopTest, TheAccountsFileIsRequired) {
  auto refused = harness_.create();
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.error().message, HasSubstr("accounts_file is required"));
}

TEST_F(UpCoopTest, SyncMerchantsWritesTheBonusMerchantList) {
  auto up = upcoop();
  ASSERT_TRUE(up->sync_merchants({{"M-2", "Marché d'Auch", "ACC-MARCHE-7", true},
                                  {"M-1", "Biocoop Auch", "ACC-BIO-32", true},
                                  {"M-3", "Supérette", "ACC-SUP-1", false}})
                  .ok());
  EXPECT_EQ(read_text(harness_.outbox() / "accredited-merchants.csv"),
            "\xEF\xBB\xBF"
            "Identifiant accepteur;Enseigne;Référence caisse\n"
            "ACC-BIO-32;Biocoop Auch;M-1\n"
            "ACC-MARCHE-7;Marché d'Auch;M-2\n");
}

}  // namespace
}  // namespace caisse::host::cycle
