// Transaction exports into payments: columns per the mapping, decimal comma, dates in Paris
// time, kinds and signs that tell purchases apart, stable references, and malformed rows named.
#include "file_exchange_kit/purchase_import.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "file_exchange_kit/file_errors.hpp"
#include "kit_test_support.hpp"

namespace caisse::adapters::file_exchange_kit {
namespace {

using ::testing::HasSubstr;

TransactionMapping with_reference() {
  TransactionMapping m;
  m.date_format = std::get<DateFormat>(DateFormat::compile("%d/%m/%Y %H:%M"));
  m.reference = "N° opération";
  m.payer_column = "Compte émetteur";
  m.merchant = "Compte destinataire";
  m.amount = "Montant";
  m.date = "Date";
  return m;
}

class PurchaseImportTest : public ::testing::Test {
 protected:
  void drop(std::string_view name, std::string_view text) {
    testing::write_file(dir_.path() / name, text);
  }
  std::vector<ExportedPayment> read_all(const TransactionMapping& mapping) {
    PurchaseImport import(dir_.path(), mapping, TimeZone::europe_paris, 2);
    return import.read_all();
  }
  std::string error(const TransactionMapping& mapping) {
    try {
      read_all(mapping);
    } catch (const FileFormatError& e) {
      return e.what();
    }
    return "no error";
  }

  caisse::testing::TempDir dir_;
};

constexpr std::string_view kExport =
    "\xEF\xBB\xBF"
    "Date;N° opération;Compte émetteur;Compte destinataire;Montant\n"
    "03/11/2026 10:15;T-1;H-0001;M-BIO;\"1 234,50\"\n"
    "04/11/2026 18:02;T-2;H-0002;M-VRAC;12,5\n";

TEST_F(PurchaseImportTest, ReadsPaymentsPerTheMapping) {
  drop("export-novembre.csv", kExport);
  const auto payments = read_all(with_reference());
  ASSERT_EQ(payments.size(), 2u);
  EXPECT_EQ(payments[0].reference, "T-1");
  EXPECT_EQ(payments[0].payer, "H-0001");
  EXPECT_EQ(payments[0].merchant, "M-BIO");
  EXPECT_EQ(payments[0].amount_minor, 123450);
  EXPECT_EQ(payments[0].paid_at_ms, 1793697300000);  // 2026-11-03 09:15 UTC
  EXPECT_EQ(payments[0].source, "export-novembre.csv:2");
  EXPECT_EQ(payments[1].amount_minor, 1250);
}

TEST_F(PurchaseImportTest, TheSameExportTwiceGivesEachPaymentOnce) {
  drop("a.csv", kExport);
  drop("a-again.csv", kExport);
  EXPECT_EQ(read_all(with_reference()).size(), 2u);
}

TEST_F(PurchaseImportTest, RowsWithoutReferenceGetAStableOneFromTheirContent) {
  TransactionMapping m = with_reference();
  m.reference.clear();
  drop("a.csv",
       "Date;Compte émetteur;Compte destinataire;Montant\n"
       "03/11/2026 10:15;H-1;M-1;5\n"
       "03/11/2026 10:15;H-1;M-1;5\n"  // the same coffee, twice
       "03/11/2026 10:16;H-1;M-1;5\n");
  const auto first = read_all(m);
  ASSERT_EQ(first.size(), 3u);
  EXPECT_NE(first[0].reference, first[1].reference);
  EXPECT_THAT(first[0].reference, ::testing::StartsWith("row:"));
  // A later export covering the same days (and one more payment) names them the same.
  drop("b.csv",
       "Date;Compte émetteur;Compte destinataire;Montant\n"
       "02/11/2026 09:00;H-2;M-1;7\n"
       "03/11/2026 10:15;H-1;M-1;5\n"
       "03/11/2026 10:15;H-1;M-1;5\n"
       "03/11/2026 10:16;H-1;M-1;5\n");
  const auto both = read_all(m);
  ASSERT_EQ(both.size(), 4u);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(both[i].reference, first[i].reference);
}

TEST_F(PurchaseImportTest, KindsAndSignsTellPurchasesFromLoadsAndRefunds) {
  TransactionMapping m = with_reference();
  m.kind = "Type";
  m.purchase_kinds = {"Paiement"};
  m.amounts_negative = true;
  drop("releve.csv",
       "Date;N° opération;Type;Compte émetteur;Compte destinataire;Montant\n"
       "01/11/2026 00:00;L-1;Chargement;C-1;UP;100,00\n"
       "03/11/2026 10:15;P-1;Paiement;C-1;ACC-7;-12,30\n"
       "04/11/2026 10:15;R-1;Paiement;C-1;ACC-7;2,00\n");  // a refund
  const auto payments = read_all(m);
  ASSERT_EQ(payments.size(), 1u);
  EXPECT_EQ(payments[0].reference, "P-1");
  EXPECT_EQ(payments[0].amount_minor, 1230);
}

TEST_F(PurchaseImportTest, MalformedRowsAreNamedByFileLineAndColumn) {
  drop("export.csv",
       "Date;N° opération;Compte émetteur;Compte destinataire;Montant\n"
       "03/11/2026 10:15;T-1;H-1;M-1;5\n"
       "03/11/2026 10:15;T-2;H-1;M-1;12.50\n");
  EXPECT_EQ(error(with_reference()),
            "export.csv:3: Montant: \"12.50\": the decimal separator is \",\", not \".\"");
  drop("export.csv",
       "Date;N° opération;Compte émetteur;Compte destinataire;Montant\n"
       "2026-11-03;T-1;H-1;M-1;5\n");
  EXPECT_EQ(error(with_reference()),
            "export.csv:2: Date: \"2026-11-03\" does not match the date format \"%d/%m/%Y %H:%M\"");
  drop("export.csv",
       "Date;N° opération;Compte émetteur;Compte destinataire;Montant\n"
       "03/11/2026 10:15;T-1;H-1;;5\n");
  EXPECT_EQ(error(with_reference()),
            "export.csv:2: Compte destinataire: empty, the merchant is required");
  drop("export.csv", "Date;Compte émetteur;Compte destinataire;Montant\n");
  EXPECT_THAT(
      error(with_reference()),
      HasSubstr("export.csv:1: transactions.columns.reference: no column \"N° opération\""));
}

TEST_F(PurchaseImportTest, OneReferenceForTwoPaymentsIsRefusedNamingBoth) {
  drop("a.csv", kExport);
  drop("b.csv",
       "Date;N° opération;Compte émetteur;Compte destinataire;Montant\n"
       "03/11/2026 10:15;T-1;H-0001;M-BIO;1 234,51\n");
  EXPECT_EQ(error(with_reference()),
            "b.csv:2: reference T-1 is also on a.csv:2 with another payer, merchant, amount or "
            "date");
}

}  // namespace
}  // namespace caisse::adapters::file_exchange_kit
