// The operator's confirmations, read per the mapping: status values, optional columns, several
// files, the same file twice, and files that contradict each other or are malformed.
#include "file_exchange_kit/confirmation_inbox.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "file_exchange_kit/file_errors.hpp"
#include "kit_test_support.hpp"

namespace caisse::adapters::file_exchange_kit {
namespace {

using ::testing::HasSubstr;

ConfirmationMapping french_mapping() {
  ConfirmationMapping m;
  m.operation_id = "Référence";
  m.status = "Statut";
  m.reference = "N° transaction";
  m.credited = {"OK", "Crédité"};
  m.rejected = {"KO", "Rejeté"};
  m.pending = {"En attente"};
  return m;
}

class ConfirmationInboxTest : public ::testing::Test {
 protected:
  void drop(std::string_view name, std::string_view text) {
    testing::write_file(dir_.path() / name, text);
  }
  std::string error(std::string_view operation_id) {
    try {
      inbox_.find(operation_id);
    } catch (const FileFormatError& e) {
      return e.what();
    }
    return "no error";
  }

  caisse::testing::TempDir dir_;
  ConfirmationInbox inbox_{dir_.path(), french_mapping()};
};

TEST_F(ConfirmationInboxTest, StatusValuesAreReadPerTheMapping) {
  drop("retour.csv",
       "\xEF\xBB\xBFStatut;Référence;N° transaction;Autre\n"
       "crédité;op-1;T-1;x\n"
       "Rejeté;op-2;;y\n"
       "En attente;op-3;;z\n");
  auto credited = inbox_.find("op-1");
  ASSERT_TRUE(credited);
  EXPECT_TRUE(credited->credited);
  EXPECT_EQ(credited->reference, "T-1");
  EXPECT_EQ(credited->source, "retour.csv:2");
  ASSERT_TRUE(inbox_.find("op-2"));
  EXPECT_FALSE(inbox_.find("op-2")->credited);
  EXPECT_FALSE(inbox_.find("op-3"));  // pending: no confirmation yet
  EXPECT_FALSE(inbox_.find("op-9"));
}

TEST_F(ConfirmationInboxTest, TheSameFileTwiceOrAgreeingFilesChangeNothing) {
  const std::string text = "Référence;Statut;N° transaction\nop-1;OK;T-1\n";
  drop("a.csv", text);
  EXPECT_TRUE(inbox_.find("op-1")->credited);
  drop("a-copy.csv", text);
  EXPECT_TRUE(inbox_.find("op-1")->credited);
  EXPECT_EQ(inbox_.find("op-1")->reference, "T-1");
}

TEST_F(ConfirmationInboxTest, ContradictingFilesAreRefusedNamingBoth) {
  drop("a.csv", "Référence;Statut;N° transaction\nop-1;OK;T-1\n");
  drop("b.csv", "Référence;Statut;N° transaction\nop-0;OK;\nop-1;KO;\n");
  EXPECT_EQ(error("op-1"), "b.csv:3: contradicts a.csv:2 for op-1");
}

TEST_F(ConfirmationInboxTest, MalformedFilesAreNamedByFileLineAndColumn) {
  drop("bad.csv", "Référence;Statut;N° transaction\nop-1;OK;T-1\nop-2;PEUT-ÊTRE;\n");
  EXPECT_EQ(error("op-1"),
            "bad.csv:3: Statut: \"PEUT-ÊTRE\" is not a status of the mapping (credited: OK, "
            "Crédité; rejected: KO, Rejeté; pending: En attente)");
  drop("bad.csv", "Référence;Statut;N° transaction\n;OK;T-1\n");
  EXPECT_EQ(error("op-1"), "bad.csv:2: Référence: empty, an operation id is required");
  drop("bad.csv", "Reference;Statut\nop-1;OK\n");
  EXPECT_THAT(error("op-1"),
              HasSubstr("bad.csv:1: confirmation.columns.operation_id: no column \"Référence\""));
}

TEST_F(ConfirmationInboxTest, ACorrectedFileReplacesWhatItsFaultyVersionSaid) {
  drop("a.csv", "Référence;Statut;N° transaction\nop-1;KO;\n");
  EXPECT_FALSE(inbox_.find("op-1")->credited);
  drop("a.csv", "Référence;Statut;N° transaction\nop-1;OK;T-9;\n");
  EXPECT_TRUE(inbox_.find("op-1")->credited);
}

TEST_F(ConfirmationInboxTest, OtherFilesThanCsvAreIgnored) {
  drop("notes.txt", "nothing to see\n");
  drop(".a.csv.123.partial", "garbage");
  EXPECT_FALSE(inbox_.find("op-1"));
}

}  // namespace
}  // namespace caisse::adapters::file_exchange_kit
