// Contribution commitments: versions by starting month, history kept, lock-in enforced.
#include "registry_fixture.hpp"

namespace caisse::host::registry {
namespace {

constexpr const char* kHeader = "household_id,amount,method,lock_in_months,from\n";

class registry_contributions : public RegistryTest {
 protected:
  void SetUp() override {
    RegistryTest::SetUp();
    must_import(ImportKind::households, kHouseholds);
  }

  std::string history(const std::string& household) {
    return scalar(
        "SELECT string_agg(from_month || '=' || amount_minor || '/' || method || '/' ||"
        " lock_in_months, ' ' ORDER BY from_month) FROM registry_contributions"
        " WHERE caisse_id = 'nantes-ouest' AND household_id = '" +
        household + "'");
  }
};

TEST_F(registry_contributions, ImportsCommitmentsInCents) {
  auto report = must_import(ImportKind::contributions, std::string(kHeader) +
                                                           "H-001,12.50,card,3,2026-01\n"
                                                           "H-002,\"7,05\",sepa_debit,0,2026-02\n"
                                                           "H-003,0,cash,0,2026-12\n");
  EXPECT_EQ(report.inserted, 3u);
  EXPECT_EQ(history("H-001"), "2026-01=1250/card/3");
  EXPECT_EQ(history("H-002"), "2026-02=705/sepa_debit/0");
  EXPECT_EQ(history("H-003"), "2026-12=0/cash/0");
}

TEST_F(registry_contributions, AChangeFromALaterMonthKeepsTheHistory) {
  must_import(ImportKind::contributions, std::string(kHeader) + "H-001,12.50,card,3,2026-01\n");
  // Same row again and the change from April (January + 3 months): one unchanged, one new.
  auto report = must_import(ImportKind::contributions, std::string(kHeader) +
                                                           "H-001,12.50,card,3,2026-01\n"
                                                           "H-001,20.00,transfer,0,2026-04\n");
  EXPECT_EQ(report.unchanged, 1u);
  EXPECT_EQ(report.inserted, 1u);
  EXPECT_EQ(history("H-001"), "2026-01=1250/card/3 2026-04=2000/transfer/0");
  auto again = must_import(ImportKind::contributions, std::string(kHeader) +
                                                          "H-001,12.50,card,3,2026-01\n"
                                                          "H-001,20.00,transfer,0,2026-04\n");
  EXPECT_EQ(again.unchanged, 2u);
  EXPECT_EQ(again.inserted, 0u);
}

TEST_F(registry_contributions, AChangeInsideTheLockInIsRefused) {
  must_import(ImportKind::contributions, std::string(kHeader) + "H-001,12.50,card,3,2025-11\n");
  const std::string before = row_counts();
  EXPECT_EQ(
      import_error(ImportKind::contributions, std::string(kHeader) + "H-002,5.00,card,0,2026-02\n"
                                                                     "H-001,8.00,card,0,2026-01\n"),
      "contributions.csv:3: column from: household \"H-001\" committed from 2025-11 for 3 "
      "months (lock-in); the change from 2026-01 can start in 2026-02 at the earliest");
  EXPECT_EQ(row_counts(), before);
  // A version slipped in before a recorded one must leave it its lock-in too.
  EXPECT_EQ(
      import_error(ImportKind::contributions, std::string(kHeader) + "H-001,8.00,card,6,2025-08\n"),
      "contributions.csv:2: column from: household \"H-001\" committed from 2025-08 for 6 "
      "months (lock-in); the change from 2025-11 can start in 2026-02 at the earliest");
}

TEST_F(registry_contributions, LockInIsCheckedBetweenRowsOfOneFile) {
  EXPECT_EQ(import_error(ImportKind::contributions, std::string(kHeader) +
                                                        "H-001,10.00,card,3,2026-01\n"
                                                        "H-001,15.00,card,3,2026-03\n"
                                                        "H-001,15.00,card,3,2026-06\n"),
            "contributions.csv:3: column from: household \"H-001\" committed from 2026-01 for 3 "
            "months (lock-in); the change from 2026-03 can start in 2026-04 at the earliest");
}

TEST_F(registry_contributions, ARecordedVersionIsNeverOverwritten) {
  must_import(ImportKind::contributions, std::string(kHeader) + "H-001,12.50,card,3,2026-01\n");
  EXPECT_EQ(import_error(ImportKind::contributions,
                         std::string(kHeader) + "H-001,13.00,card,3,2026-01\n"),
            "contributions.csv:2: column from: household \"H-001\" already has a commitment from "
            "2026-01 (12.50 EUR, card, lock-in 3 months); recorded versions are kept as they "
            "are: write the change as a new row from a later month");
  EXPECT_EQ(history("H-001"), "2026-01=1250/card/3");
}

TEST_F(registry_contributions, EveryFieldIsChecked) {
  EXPECT_EQ(
      import_error(ImportKind::contributions, std::string(kHeader) + "H-404,12.50,card,3,2026-01\n"
                                                                     "H-001,-1,cheque,-2,2026-13\n"
                                                                     "H-002,abc,card,x,26-01\n"
                                                                     "H-003,1,card,0,2026-01\n"
                                                                     "H-003,2,card,0,2026-01\n"),
      "contributions.csv:3: column amount: \"-1\" is negative\n"
      "contributions.csv:3: column method: \"cheque\" is not one of card, sepa_debit, "
      "transfer, cash\n"
      "contributions.csv:3: column lock_in_months: -2 is less than 0\n"
      "contributions.csv:3: column from: \"2026-13\" is not a month YYYY-MM\n"
      "contributions.csv:4: column amount: \"abc\" is not an amount or is too large\n"
      "contributions.csv:4: column lock_in_months: \"x\" is not a whole number\n"
      "contributions.csv:4: column from: \"26-01\" is not a month YYYY-MM\n"
      "contributions.csv:6: column from: household \"H-003\" from 2026-01 already appears "
      "on line 5\n"
      "contributions.csv:2: column household_id: no household \"H-404\" in caisse "
      "nantes-ouest (import the households first)");
}

}  // namespace
}  // namespace caisse::host::registry
