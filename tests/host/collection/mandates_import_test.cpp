// mandates.csv: strict validation with file:line: column errors, idempotent replays,
// amendments and replacements recorded in the mandate's history.
#include "collection_fixture.hpp"

namespace caisse::host::collection {
namespace {

class collection_mandates_import : public CollectionTest {
 protected:
  void SetUp() override {
    CollectionTest::SetUp();
    must_import(registry::ImportKind::households, registry::kHouseholds);  // H-001..H-003
  }

  std::string history() {
    return scalar(
        "SELECT coalesce(string_agg(household_id || ' ' || kind || ' ' ||"
        " coalesce(original_mandate_id, '-') || ' ' || coalesce(original_iban, '-'), ', '"
        " ORDER BY id), '') FROM collection_mandate_history");
  }
};

TEST_F(collection_mandates_import, StoresIbanWithoutSpacesAndBicInCapitals) {
  auto report = mandates(
      "RUM-001,H-001,Camille Martin,fr76 3000 6000 0112 3456 7890 189,agrifrpp882,2026-01-10\n"
      "RUM-002,H-002,\"Dupont, Léa\",FR1420041010050500013M02606,,2026-02-01\n");
  EXPECT_EQ(report.file_lines, 2u);
  EXPECT_EQ(report.inserted, 2u);
  const Mandate m = mandate("H-001");
  EXPECT_EQ(m.mandate_id, "RUM-001");
  EXPECT_EQ(m.iban, kIbanA);
  EXPECT_EQ(m.bic, "AGRIFRPP882");
  EXPECT_EQ(m.debtor_name, "Camille Martin");
  EXPECT_EQ(m.signed_on, on(2026, 1, 10));
  EXPECT_EQ(m.kind, MandateKind::recurrent);
  EXPECT_EQ(m.status, MandateStatus::active);
  EXPECT_FALSE(m.first_collection_done);
  EXPECT_EQ(mandate("H-002").bic, "");
  EXPECT_EQ(mandate("H-002").debtor_name, "Dupont, Léa");
}

TEST_F(collection_mandates_import, TheSameFileTwiceChangesNothing) {
  const std::string rows =
      "RUM-001,H-001,Camille Martin,FR76 3000 6000 0112 3456 7890 189,AGRIFRPP882,2026-01-10\n"
      "RUM-002,H-002,Léa Dupont,FR1420041010050500013M02606,,2026-02-01\n";
  mandates(rows);
  const std::string before = snapshot();
  auto again = mandates(rows);
  EXPECT_EQ(again.unchanged, 2u);
  EXPECT_EQ(again.inserted + again.updated + again.amended + again.replaced, 0u);
  EXPECT_EQ(snapshot(), before);
}

TEST_F(collection_mandates_import, EveryProblemIsListedWithLineAndColumnAndNothingIsWritten) {
  mandates("RUM-001,H-001,Camille Martin," + std::string(kIbanA) + ",,2026-01-10\n");
  const std::string before = snapshot();
  const std::string long_name(71, 'x');
  EXPECT_EQ(
      mandates_error(std::string(kMandatesHeader) + "RUM 2,H-002,Léa Dupont," + kIbanB +
                     ",,2026-02-01\n" +                                               // 2
                     "RUM-3,H-404,Léa Dupont," + kIbanB + ",,2026-02-01\n" +          // 3
                     "RUM-4,H-003,Léa Dupont," + kIbanMistyped + ",,2026-02-01\n" +   // 4
                     "RUM-5,H-003,Léa Dupont," + kIbanB + ",AGRIF2PP,2026-02-30\n" +  // 5
                     "RUM-6,H-002," + long_name + "," + kIbanB + ",,2026-02-01\n" +   // 6
                     "RUM-001,H-002, Léa," + kIbanC + ",,2026-01-10\n"),              // 7
      "mandates.csv:2: column mandate_id: \"RUM 2\" is not a mandate reference (1 to 35 of A-Z "
      "a-z 0-9 + ? / - : ( ) . , ' without space, not starting or ending with /, without //)\n"
      "mandates.csv:4: column iban: \"FR76*******************0188\": wrong check digits (a "
      "character is mistyped or missing)\n"
      "mandates.csv:5: column household_id: \"H-003\" already appears on line 4\n"
      "mandates.csv:5: column bic: \"AGRIF2PP\" is not a BIC (8 or 11 letters and digits: bank, "
      "country, location, optional branch, e.g. AGRIFRPP882)\n"
      "mandates.csv:5: column signed_on: \"2026-02-30\" is not a date YYYY-MM-DD\n"
      "mandates.csv:6: column household_id: \"H-002\" already appears on line 2\n"
      "mandates.csv:6: column name: is longer than 70 characters (the SEPA limit for a name)\n"
      "mandates.csv:7: column household_id: \"H-002\" already appears on line 2\n"
      "mandates.csv:7: column name: starts or ends with a space\n"
      "mandates.csv:3: column household_id: no household \"H-404\" in caisse nantes-ouest "
      "(import the households first)");
  EXPECT_EQ(snapshot(), before);
}

TEST_F(collection_mandates_import, AReferenceNamesOneMandateEvenAfterAnAmendment) {
  mandates("RUM-001,H-001,Camille Martin," + std::string(kIbanA) + ",,2026-01-10\n");
  // H-001's reference is amended: RUM-001 still names H-001's mandate for the bank.
  mandates("RUM-001B,H-001,Camille Martin," + std::string(kIbanA) + ",,2026-01-10\n");
  EXPECT_EQ(
      mandates_error(std::string(kMandatesHeader) + "RUM-001B,H-002,Léa Dupont," + kIbanB +
                     ",,2026-02-01\n" + "RUM-001,H-003,Jo Petit," + kIbanC + ",,2026-02-01\n"),
      "mandates.csv:2: column mandate_id: \"RUM-001B\" is (or was) the reference of the "
      "mandate of household \"H-001\"; a reference names one mandate\n"
      "mandates.csv:3: column mandate_id: \"RUM-001\" is (or was) the reference of the "
      "mandate of household \"H-001\"; a reference names one mandate");
}

TEST_F(collection_mandates_import, ANewIbanOrReferenceIsAnAmendmentInTheHistory) {
  mandates("RUM-001,H-001,Camille Martin," + std::string(kIbanA) + ",,2026-01-10\n" +
           "RUM-002,H-002,Léa Dupont," + kIbanB + ",,2026-02-01\n");
  auto report = mandates("RUM-001,H-001,Camille Martin," + std::string(kIbanC) + ",,2026-01-10\n" +
                         "RUM-002-B,H-002,Léa Dupont," + kIbanB + ",CCOPFRPP,2026-02-01\n");
  EXPECT_EQ(report.amended, 2u);
  EXPECT_EQ(history(), std::string("H-001 amendment - ") + kIbanA + ", H-002 amendment RUM-002 -");
  EXPECT_EQ(mandate("H-001").iban, kIbanC);
  EXPECT_EQ(mandate("H-002").mandate_id, "RUM-002-B");
  EXPECT_EQ(mandate("H-002").bic, "CCOPFRPP");
}

TEST_F(collection_mandates_import, ANewNameOrBicIsAnUpdateNotAnAmendment) {
  mandates("RUM-001,H-001,Camille Martin," + std::string(kIbanA) + ",,2026-01-10\n");
  auto report = mandates("RUM-001,H-001,Camille Martin-Petit," + std::string(kIbanA) +
                         ",AGRIFRPP,2026-01-10\n");
  EXPECT_EQ(report.updated, 1u);
  EXPECT_EQ(history(), "");
  EXPECT_EQ(mandate("H-001").debtor_name, "Camille Martin-Petit");
}

TEST_F(collection_mandates_import, ANewReferenceAndSignatureIsANewMandateStartingOver) {
  mandates("RUM-001,H-001,Camille Martin," + std::string(kIbanA) + ",,2026-01-10\n");
  ASSERT_TRUE(revoke_mandate(db(), caisse(), "H-001"));
  auto report = mandates("RUM-009,H-001,Camille Martin," + std::string(kIbanC) + ",,2026-06-02\n");
  EXPECT_EQ(report.replaced, 1u);
  EXPECT_EQ(history(), std::string("H-001 replacement RUM-001 ") + kIbanA);
  const Mandate m = mandate("H-001");
  EXPECT_EQ(m.status, MandateStatus::active);
  EXPECT_EQ(m.signed_on, on(2026, 6, 2));
  EXPECT_FALSE(m.first_collection_done);
}

TEST_F(collection_mandates_import, ASignatureDateNeverChangesAndARevokedMandateIsNotAmended) {
  mandates("RUM-001,H-001,Camille Martin," + std::string(kIbanA) + ",,2026-01-10\n");
  EXPECT_EQ(mandates_error(std::string(kMandatesHeader) + "RUM-001,H-001,Camille Martin," + kIbanA +
                           ",,2026-01-11\n"),
            "mandates.csv:2: column signed_on: mandate \"RUM-001\" of household \"H-001\" was "
            "signed on 2026-01-10; a signature date never changes (a new mandate has a new "
            "reference)");
  ASSERT_TRUE(revoke_mandate(db(), caisse(), "H-001"));
  EXPECT_EQ(mandates_error(std::string(kMandatesHeader) + "RUM-001,H-001,Camille Martin," + kIbanC +
                           ",,2026-01-10\n"),
            "mandates.csv:2: column iban: mandate \"RUM-001\" of household \"H-001\" is revoked: "
            "it cannot be amended; a new mandate (new reference and signature date) replaces it");
}

TEST_F(collection_mandates_import, TheOptionalTypeColumnMakesOneOffMandatesAndNeverChanges) {
  auto report = import_mandates(db(), caisse(), "mandates.csv",
                                "mandate_id,household_id,name,iban,bic,signed_on,type\n"
                                "RUM-001,H-001,Camille Martin," +
                                    std::string(kIbanA) + ",,2026-01-10,one_off\n");
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(mandate("H-001").kind, MandateKind::one_off);
  // Without the column the type stays as it is.
  EXPECT_EQ(
      mandates("RUM-001,H-001,Camille Martin," + std::string(kIbanA) + ",,2026-01-10\n").unchanged,
      1u);
  EXPECT_EQ(mandates_error("mandate_id,household_id,name,iban,bic,signed_on,type\n"
                           "RUM-001,H-001,Camille Martin," +
                           std::string(kIbanA) + ",,2026-01-10,recurrent\n"),
            "mandates.csv:2: column type: mandate \"RUM-001\" is one_off; its type never changes "
            "(a new mandate has a new reference)");
}

TEST_F(collection_mandates_import, RevokeAndReinstateFollowTheOperator) {
  mandates("RUM-001,H-001,Camille Martin," + std::string(kIbanA) + ",,2026-01-10\n");
  ASSERT_TRUE(set_mandate_status(db(), caisse(), "H-001", MandateStatus::on_hold, "MS02"));
  EXPECT_EQ(reinstate_mandate(db(), caisse(), "H-001").value().status, MandateStatus::active);
  EXPECT_EQ(revoke_mandate(db(), caisse(), "H-001").value().status_reason, "operator");
  auto again = reinstate_mandate(db(), caisse(), "H-001");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind, ErrorKind::conflict);
  EXPECT_EQ(again.error().message,
            "mandate \"RUM-001\" of household \"H-001\" is revoked: it cannot be reinstated; the "
            "member must sign a new mandate");
  EXPECT_EQ(revoke_mandate(db(), caisse(), "H-404").error().kind, ErrorKind::not_found);
}

}  // namespace
}  // namespace caisse::host::collection
