// Exports: the import format exactly, so export -> import changes nothing; members' personal
// data only on request.
#include "registry_fixture.hpp"

namespace caisse::host::registry {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kMembers =
    "member_id,household_id,name,email,iban\n"
    "M-1,H-001,Camille Martin,camille@example.org,FR7630006000011234567890189\n"
    "M-2,H-002,\"Dupont, Léa\",,\n"
    "M-3,H-002,\"=HYPERLINK(\"\"x\"\")\",,\n";

constexpr const char* kContributions =
    "household_id,amount,method,lock_in_months,from\n"
    "H-001,12.50,card,3,2026-01\n"
    "H-001,20.00,transfer,0,2026-04\n"
    "H-002,5.00,cash,0,2026-02\n";

class registry_export : public RegistryTest {
 protected:
  void SetUp() override {
    RegistryTest::SetUp();
    must_import(ImportKind::households, kHouseholds);
    must_import(ImportKind::members, kMembers);
    must_import(ImportKind::contributions, kContributions);
    must_import(ImportKind::funders, kFunders);
  }

  std::string exported(ExportKind kind, ExportOptions options = {}) {
    auto text = export_csv(db(), "nantes-ouest", kind, options);
    if (!text) {
      ADD_FAILURE() << text.error().message;
      return "";
    }
    return *text;
  }

  void expect_round_trip(ExportKind kind, ImportKind as, std::size_t rows) {
    const std::string before = row_counts();
    auto report = must_import(as, exported(kind, {true}));
    EXPECT_EQ(report.file_lines, rows);
    EXPECT_EQ(report.unchanged, rows);
    EXPECT_EQ(report.inserted + report.updated, 0u);
    EXPECT_EQ(row_counts(), before);
  }
};

TEST_F(registry_export, HouseholdsAreWrittenInTheImportFormat) {
  EXPECT_EQ(exported(ExportKind::households), kHouseholds);
}

TEST_F(registry_export, ContributionsKeepEveryVersionInEuros) {
  EXPECT_EQ(exported(ExportKind::contributions), kContributions);
}

TEST_F(registry_export, FundersQuoteWhatNeedsIt) {
  EXPECT_EQ(exported(ExportKind::funders), kFunders);
}

TEST_F(registry_export, EveryExportImportsBackUnchanged) {
  expect_round_trip(ExportKind::households, ImportKind::households, 3);
  expect_round_trip(ExportKind::members, ImportKind::members, 3);
  expect_round_trip(ExportKind::contributions, ImportKind::contributions, 3);
  expect_round_trip(ExportKind::funders, ImportKind::funders, 2);
}

TEST_F(registry_export, MembersWithoutPersonalDataHaveIdsOnly) {
  const std::string text = exported(ExportKind::members);
  EXPECT_EQ(text, "member_id,household_id\nM-1,H-001\nM-2,H-002\nM-3,H-002\n");
  EXPECT_THAT(text, Not(HasSubstr("FR76")));
  EXPECT_THAT(text, Not(HasSubstr("Camille")));
  EXPECT_THAT(text, Not(HasSubstr("@")));
}

TEST_F(registry_export, MembersWithPersonalDataNeutraliseFormulas) {
  const std::string text = exported(ExportKind::members, {true});
  EXPECT_THAT(text, HasSubstr("M-1,H-001,Camille Martin,camille@example.org,"
                              "FR7630006000011234567890189\n"));
  EXPECT_THAT(text, HasSubstr("M-2,H-002,\"Dupont, Léa\",,\n"));
  EXPECT_THAT(text, HasSubstr("M-3,H-002,\"'=HYPERLINK(\"\"x\"\")\",,\n"));
  // Imported back, the name is the one typed in, without the apostrophe.
  must_import(ImportKind::members, text);
  EXPECT_EQ(scalar("SELECT name FROM registry_members WHERE id = 'M-3'"), "=HYPERLINK(\"x\")");
}

TEST_F(registry_export, AnotherCaisseExportsNothingOfThis) {
  auto text = export_csv(db(), "pays-de-retz", ExportKind::members, {true});
  ASSERT_TRUE(text);
  EXPECT_EQ(*text, "member_id,household_id,name,email,iban\n");
}

}  // namespace
}  // namespace caisse::host::registry
