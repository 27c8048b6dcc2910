// The kohinos adapter loaded as in production: its default mapping for the round trip, and an
// instance's own mapping file for a transaction export whose columns differ (they vary from one
// Kohinos instance to the next), including the errors such a file can have.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "file_adapter_harness.hpp"

namespace caisse::host::cycle {
namespace {

using caisse::testing::read_text;
using caisse::testing::utc_ms;
using caisse::testing::write_text;
using ::testing::HasSubstr;

constexpr std::string_view kConfirmation =
    "Référence;Statut;Identifiant;Commentaire\n"
    "alloc/montpellier/2026-11/H-0042;Validé;F-901;\n"
    "alloc/montpellier/2026-11/H-0043;OK;F-902;\n";

// Montpellier's export, as its instance writes it: a title line, commas, decimal points, ISO
// dates, and its own column names.
constexpr std::string_view kMontpellierMapping = R"(# kohinos-montpellier.toml
[transactions]
separator = ","
decimal = "."
skip_lines = 1
date_format = "%Y-%m-%d %H:%M:%S"
timezone_is_not_here = true
[transactions.columns]
reference = "id"
date = "created_at"
payer = "debiteur"
merchant = "crediteur"
amount = "montant"
)";

class KohinosTest : public ::testing::Test {
 protected:
  std::unique_ptr<plugins::PluginInstance> kohinos(
      caisse::testing::FileAdapterHarness::Config extra = {}) {
    extra.emplace("currency", std::string("MONA"));
    return harness_.start(extra);
  }
  std::filesystem::path mapping_file() const { return harness_.dir() / "kohinos-montpellier.toml"; }
  // The Montpellier mapping without the line that is wrong in it.
  static std::string montpellier_mapping() {
    std::string text(kMontpellierMapping);
    const std::string wrong = "timezone_is_not_here = true\n";
    text.erase(text.find(wrong), wrong.size());
    return text;
  }

  caisse::testing::FileAdapterHarness harness_{"kohinos", "montpellier"};
};

TEST_F(KohinosTest, FileModeCycleRoundTrips) {
  caisse::testing::CycleRun run("kohinos_cycle", "montpellier", "MONA");
  auto mona = kohinos();
  auto dispatched = run.dispatch(*mona, {{"H-0042", 1, 0}, {"H-0043", 1, 2}}, 10000);
  ASSERT_TRUE(dispatched.ok()) << dispatched.error().message;
  EXPECT_EQ(dispatched->by_status[LineStatus::pending].lines, 2u);
  EXPECT_EQ(read_text(harness_.outbox() / "kohinos-credits-2026-10-26-1.csv"),
            "\xEF\xBB\xBF"
            "Référence;Adhérent;Montant;Motif\n"
            "alloc/montpellier/2026-11/H-0042;H-0042;100,00;Allocation 2026-11\n"
            "alloc/montpellier/2026-11/H-0043;H-0043;300,00;Allocation 2026-11\n");

  write_text(harness_.inbox() / "validation.csv", kConfirmation);
  auto settled = run.reconcile(*mona);
  ASSERT_TRUE(settled.ok()) << settled.error().message;
  EXPECT_EQ(settled->state, CycleState::settled);
  EXPECT_EQ(run.issued(), 40000);
  EXPECT_EQ(run.lines()["H-0042"].external_ref, "F-901");

  write_text(harness_.inbox() / "validation-bis.csv", kConfirmation);
  auto again = run.reconcile(*mona);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->state, CycleState::settled);
  EXPECT_EQ(run.issued(), 40000);
}

TEST_F(KohinosTest, AnInstancesMappingFileReplacesTheTransactionsSection) {
  write_text(mapping_file(), montpellier_mapping());
  auto mona = kohinos({{"mapping_file", mapping_file().string()}});
  write_text(harness_.imports() / "flux.csv",
             "Export des flux du 01/12/2026\n"
             "id,created_at,debiteur,crediteur,montant\n"
             "F-1,2026-11-03 10:15:00,H-0042,P-FERME-12,12.5\n"
             "F-2,2026-10-31 23:30:00,H-0042,P-FERME-12,3\n");  // 22:30 UTC: October
  auto listed = mona->list_purchases(utc_ms(2026, 11, 1), utc_ms(2026, 12, 1));
  ASSERT_TRUE(listed.ok()) << listed.error().message;
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].external_ref, "F-1");
  EXPECT_EQ((*listed)[0].household_id, "H-0042");
  EXPECT_EQ((*listed)[0].merchant_ref, "P-FERME-12");
  EXPECT_EQ((*listed)[0].amount.minor, 1250);
  EXPECT_EQ((*listed)[0].amount.currency, "MONA");
  // The other sections are still the default's: the credit file keeps its layout.
  ASSERT_TRUE(mona->credit({{"op-1", "H-0042", {10000, "MONA"}, "Allocation 2026-11"}}).ok());
  EXPECT_THAT(read_text(harness_.outbox() / "kohinos-credits-2026-10-26-1.csv"),
              HasSubstr("Référence;Adhérent;Montant;Motif\nop-1;H-0042;100,00;"));
}

TEST_F(KohinosTest, AMappingErrorFailsInitNamingFileLineAndKey) {
  write_text(mapping_file(), kMontpellierMapping);
  auto refused = harness_.create(
      {{"currency", std::string("MONA")}, {"mapping_file", mapping_file().string()}});
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(
      refused.error().message,
      HasSubstr(mapping_file().string() + ":7:1: transactions.timezone_is_not_here: unknown key"));

  write_text(mapping_file(),
             "[transactions]\ndate_format = \"%d/%m/%Y\"\n\n"
             "[transactions.columns]\npayer = \"debiteur\"\n"
             "merchant = \"crediteur\"\ndate = \"date\"\n");
  auto incomplete = harness_.create(
      {{"currency", std::string("MONA")}, {"mapping_file", mapping_file().string()}});
  ASSERT_FALSE(incomplete.ok());
  EXPECT_THAT(incomplete.error().message,
              HasSubstr("kohinos-montpellier.toml:4:1: transactions.columns.amount: required"));
}

TEST_F(KohinosTest, AnExportThatDoesNotFitTheMappingIsNamed) {
  auto mona = kohinos();
  write_text(harness_.imports() / "flux.csv",
             "Date;Type;Expéditeur;Destinataire;Montant\n"
             "03/11/2026 10:15;Transaction adhérent prestataire;H-0042;P-1;12,50\n");
  auto refused = mona->list_purchases(utc_ms(2026, 11, 1), utc_ms(2026, 12, 1));
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.error().message,
              HasSubstr("flux.csv:1: transactions.columns.reference: no column \"Identifiant\" "
                        "in the header (found: Date, Type, Expéditeur, Destinataire, Montant)"));
}

TEST_F(KohinosTest, TheCurrencyHasNoDefault) {
  auto refused = harness_.create();
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.error().message, HasSubstr("currency"));
}

TEST_F(KohinosTest, SyncMerchantsWritesTheAccreditedPrestataires) {
  auto mona = kohinos();
  ASSERT_TRUE(mona->sync_merchants({{"M-7", "Ferme du Lez", "P-FERME-12", true},
                                    {"M-8", "Épicerie fermée", "P-EPI-3", false}})
                  .ok());
  EXPECT_EQ(read_text(harness_.outbox() / "accredited-merchants.csv"),
            "\xEF\xBB\xBF"
            "Prestataire;Raison sociale;Référence caisse\n"
            "P-FERME-12;Ferme du Lez;M-7\n");
}

}  // namespace
}  // namespace caisse::host::cycle
