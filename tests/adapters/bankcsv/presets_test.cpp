// Every preset on a small export written by hand in that bank's encoding (data/*.csv: cp1252,
// ISO-8859-15 or UTF-8 with BOM, CRLF, preambles, quoted labels over two lines...). The
// expected lines are read off the files by hand: amounts in cents, accents in UTF-8.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "csv_profile.hpp"
#include "statement_reader.hpp"

namespace caisse::adapters::bankcsv {
namespace {

using caisse::sdk::StatementEntry;

struct Line {
  int line;
  std::string booking_date;
  std::string value_date;
  std::int64_t amount;
  std::string remittance;
  std::string end_to_end_id = "";
  std::string mandate_id = "";
  std::string bank_reference = "";
  std::string counterparty_name = "";
  std::string counterparty_iban = "";
};

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void expect_preset_reads(const std::string& preset, const std::vector<Line>& expected) {
  SCOPED_TRACE(preset);
  const std::string file = preset + ".csv";
  std::vector<StatementEntry> lines;
  read_statement(load_preset(preset), file,
                 read_file(std::filesystem::path(BANKCSV_DATA_DIR) / file),
                 [&](const StatementEntry& e) { lines.push_back(e); });
  ASSERT_EQ(lines.size(), expected.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const StatementEntry& got = lines[i];
    const Line& want = expected[i];
    EXPECT_EQ(got.location, file + ":" + std::to_string(want.line));
    EXPECT_EQ(got.booking_date, want.booking_date);
    EXPECT_EQ(got.value_date, want.value_date);
    EXPECT_EQ(got.amount_minor, want.amount);
    EXPECT_EQ(got.currency, "EUR");
    EXPECT_EQ(got.remittance, want.remittance);
    EXPECT_EQ(got.end_to_end_id, want.end_to_end_id);
    EXPECT_EQ(got.mandate_id, want.mandate_id);
    EXPECT_EQ(got.bank_reference, want.bank_reference);
    EXPECT_EQ(got.counterparty_name, want.counterparty_name);
    EXPECT_EQ(got.counterparty_iban, want.counterparty_iban);
    EXPECT_EQ(got.account_iban, "");
    EXPECT_EQ(got.return_reason, "");
  }
}

TEST(Presets, CreditAgricoleAfterItsPreamble) {
  // Header on line 9 after eight preamble lines; the second label spans lines 11 and 12; the
  // trailing empty line is skipped.
  expect_preset_reads(
      "credit_agricole",
      {{10, "2026-11-28", "", 2500,
        "PRELEVEMENT EUROPEEN 123 DE: MME DUPONT MOTIF: Cotisation REF: CCA-2026-11-H00042",
        "CCA-2026-11-H00042"},
       {11, "2026-11-27", "", -123456, "VIR SEPA EMIS /A MONEKO /MOTIF ALLOCATIONS NOV"},
       {13, "2026-11-26", "", -450, "CARTE X1234 25/11 CAF\xC3\x89 DES AMIS"}});
}

TEST(Presets, CreditMutuelInIso885915) {
  expect_preset_reads("credit_mutuel",
                      {{2, "2026-11-03", "2026-11-04", -4590, "PRLV SEPA EDF"},
                       {3, "2026-11-05", "2026-11-05", 20000,
                        "VIR SEPA RECU /DE CCAS NANTES /MOTIF COFINANCEMENT 200 \xE2\x82\xAC"}});
}

TEST(Presets, CicWithCommasAndDots) {
  expect_preset_reads("cic", {{2, "2026-11-02", "2026-11-02", 158400, "VIR RECU DE VILLE, NANTES"},
                              {3, "2026-11-03", "2026-11-03", -400, "FRAIS CARTE"}});
}

TEST(Presets, LaBanquePostaleAfterSixInformationLines) {
  expect_preset_reads("la_banque_postale",
                      {{9, "2026-11-12", "", -4590, "PRELEVEMENT DE EDF"},
                       {10, "2026-11-15", "", 15000, "VIREMENT DE MME C\xC3\x89LINE ROUX"}});
}

TEST(Presets, SocieteGeneraleWithItsAccountLine) {
  expect_preset_reads("societe_generale", {{3, "2026-11-02", "", -1490,
                                            "PRLV SEPA \xC3\x89LECTRICIT\xC3\x89 DE FRANCE"},
                                           {4, "2026-11-04", "", 250000, "VIR RECU FONDATION"}});
}

TEST(Presets, SocieteGeneraleDetailGivesReferencesFromTheLabel) {
  expect_preset_reads(
      "societe_generale_detail",
      {{3, "2026-11-05", "", -3000,
        "PRELEVEMENT EUROPEEN PRELEVEMENT EUROPEEN 4321 DE: ASSOCIATION ID: FR12ZZZ123456 "
        "MOTIF: Adh\xC3\xA9sion REF: ADH-2026-0007 MANDAT RUM-0007",
        "ADH-2026-0007", "RUM-0007"},
       // "REF: NOTPROVIDED" is SEPA's way of saying there is none.
       {4, "2026-11-06", "", 1200,
        "VIR RECU VIR RECU 98765 DE: M. PETIT MOTIF: Cotisation novembre REF: NOTPROVIDED"}});
}

TEST(Presets, BnpParibas) {
  expect_preset_reads(
      "bnp_paribas",
      {{3, "2026-11-10", "", 500000, "VIREMENT RECU VIR SEPA RECU /DE MAIRIE /MOTIF SUBVENTION"},
       {4, "2026-11-11", "", -3999, "PRELEVEMENT PRLV SEPA ORANGE"}});
}

TEST(Presets, BpceDebitsAlreadyNegativeAndShortYears) {
  expect_preset_reads("bpce", {{3, "2026-11-14", "2026-11-14", -1250,
                                "PRLV SEPA ENERCOOP Facture novembre", "", "", "0A1B2C3"},
                               {4, "2026-11-15", "2026-11-15", 180000, "VIR SEPA RECU DE FONDATION",
                                "", "", "9Z8Y7X6"}});
}

TEST(Presets, QontoSkipsWhatIsNotSettled) {
  // UTF-8 with a byte-order mark, LF line ends; line 3 is pending.
  expect_preset_reads("qonto",
                      {{2, "2026-11-03", "", 15000, "Cofinancement novembre", "", "", "txn-0001",
                        "Ville de Nantes", "FR7630004000031234567890143"},
                       {4, "2026-11-05", "", -123450, "Remboursement monA", "", "", "txn-0003",
                        "\xC3\x89picerie Solidaire", "FR1420041010050500013M02606"}});
}

}  // namespace
}  // namespace caisse::adapters::bankcsv
