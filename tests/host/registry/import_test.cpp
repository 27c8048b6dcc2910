// Households, members and funders: import, strict errors, all or nothing, replays, updates and
// the wall between caisses.
#include "registry/import.hpp"

#include "registry_fixture.hpp"

namespace caisse::host::registry {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

using registry_import = RegistryTest;

TEST(registry_kinds, ParseAndPrint) {
  EXPECT_EQ(*parse_import_kind("receipts"), ImportKind::receipts);
  EXPECT_EQ(to_string(ImportKind::contributions), "contributions");
  EXPECT_EQ(*parse_import_kind("merchants"), ImportKind::merchants);
  auto bad = parse_import_kind("products");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::invalid);
  EXPECT_EQ(*parse_export_kind("funders"), ExportKind::funders);
  EXPECT_EQ(*parse_export_kind("merchants"), ExportKind::merchants);
  EXPECT_FALSE(parse_export_kind("receipts"));
}

TEST_F(registry_import, ImportsHouseholdsWithTheirValues) {
  auto report = must_import(ImportKind::households, kHouseholds);
  EXPECT_EQ(report.kind, ImportKind::households);
  EXPECT_EQ(report.file_lines, 3u);
  EXPECT_EQ(report.inserted, 3u);
  EXPECT_EQ(report.updated, 0u);
  EXPECT_EQ(report.unchanged, 0u);
  EXPECT_EQ(scalar("SELECT string_agg(id || ':' || adults || ':' || children || ':' || joined_via"
                   " || ':' || joined_on || ':' || coalesce(left_on::text, '-'), ' ' ORDER BY id)"
                   " FROM registry_households WHERE caisse_id = 'nantes-ouest'"),
            "H-001:1:0:self:2026-01-15:- H-002:2:1:ccas:2026-02-01:2026-10-31 "
            "H-003:1:2:association:2026-11-30:-");
}

TEST_F(registry_import, ReimportingTheSameFileChangesNothing) {
  must_import(ImportKind::households, kHouseholds);
  const std::string updated_at = scalar("SELECT max(updated_at)::text FROM registry_households");
  auto again = must_import(ImportKind::households, kHouseholds);
  EXPECT_EQ(again.inserted, 0u);
  EXPECT_EQ(again.updated, 0u);
  EXPECT_EQ(again.unchanged, 3u);
  EXPECT_EQ(scalar("SELECT max(updated_at)::text FROM registry_households"), updated_at);
}

TEST_F(registry_import, ChangedValuesAreCountedAsUpdates) {
  must_import(ImportKind::households, kHouseholds);
  auto report = must_import(ImportKind::households,
                            "household_id,adults,children,joined_via,joined_on,left_on\n"
                            "H-001,1,0,self,2026-01-15,2026-12-31\n"  // left
                            "H-002,2,1,ccas,2026-02-01,2026-10-31\n"  // same
                            "H-004,3,0,lottery,2026-12-01,\n");       // new
  EXPECT_EQ(report.inserted, 1u);
  EXPECT_EQ(report.updated, 1u);
  EXPECT_EQ(report.unchanged, 1u);
  EXPECT_EQ(scalar("SELECT left_on FROM registry_households WHERE id = 'H-001'"), "2026-12-31");
  EXPECT_EQ(scalar("SELECT count(*) FROM registry_households"), "4");
}

TEST_F(registry_import, EveryHouseholdProblemIsNamedByLineAndColumn) {
  const std::string message =
      import_error(ImportKind::households,
                   "household_id,adults,children,joined_via,joined_on,left_on\n"
                   "H-001,deux,0,self,2026-01-15,\n"
                   "H 002,0,-1,mairie,2026-02-30,\n"
                   "H-003,1,0,self,2026-03-01,2026-02-28\n"
                   "H-001,1,0,self,2026-01-15,\n");
  EXPECT_EQ(message,
            "households.csv:2: column adults: \"deux\" is not a whole number\n"
            "households.csv:3: column household_id: \"H 002\" is not an id (1 to 64 letters "
            "A-Z a-z, digits, _ or -)\n"
            "households.csv:3: column adults: 0 is less than 1\n"
            "households.csv:3: column children: -1 is less than 0\n"
            "households.csv:3: column joined_via: \"mairie\" is not one of self, association, "
            "ccas, social_service, lottery, other\n"
            "households.csv:3: column joined_on: \"2026-02-30\" is not a date YYYY-MM-DD\n"
            "households.csv:4: column left_on: 2026-02-28 is before joined_on 2026-03-01\n"
            "households.csv:5: column household_id: \"H-001\" already appears on line 2");
}

TEST_F(registry_import, AFileWithOneBadLineChangesNothing) {
  must_import(ImportKind::households, kHouseholds);
  const std::string before = row_counts();
  const std::string message =
      import_error(ImportKind::households,
                   "household_id,adults,children,joined_via,joined_on,left_on\n"
                   "H-001,4,0,self,2026-01-15,\n"
                   "H-010,1,0,self,2026-01-15,\n"
                   "H-011,1,0,self,2026-01-15,\n"
                   "H-012,1,x,self,2026-01-15,\n");
  EXPECT_EQ(message, "households.csv:5: column children: \"x\" is not a whole number");
  EXPECT_EQ(row_counts(), before);
  EXPECT_EQ(scalar("SELECT adults FROM registry_households WHERE id = 'H-001'"), "1");
}

TEST_F(registry_import, StructuralErrorsOfTheFileComeBackAsTheyAre) {
  EXPECT_EQ(import_error(ImportKind::households, "household_id,adults\nH-1,1\n"),
            "households.csv:1: missing column \"children\"\n"
            "households.csv:1: missing column \"joined_via\"\n"
            "households.csv:1: missing column \"joined_on\"\n"
            "households.csv:1: missing column \"left_on\"");
}

TEST_F(registry_import, TheSameHouseholdIdInTwoCaissesNamesTwoHouseholds) {
  must_import(ImportKind::households, kHouseholds, nantes_);
  auto retz = must_import(ImportKind::households,
                          "household_id,adults,children,joined_via,joined_on,left_on\n"
                          "H-001,4,3,other,2025-06-01,\n",
                          retz_);
  EXPECT_EQ(retz.inserted, 1u);  // not an update of Nantes' H-001
  EXPECT_EQ(scalar("SELECT adults FROM registry_households"
                   " WHERE caisse_id = 'nantes-ouest' AND id = 'H-001'"),
            "1");
  EXPECT_EQ(scalar("SELECT adults FROM registry_households"
                   " WHERE caisse_id = 'pays-de-retz' AND id = 'H-001'"),
            "4");
  // A member of Pays de Retz cannot join Nantes' H-002.
  auto member = import_csv(db(), retz_, ImportKind::members, "members.csv",
                           "member_id,household_id,name,email,iban\n"
                           "M-1,H-002,Camille Martin,,\n");
  ASSERT_FALSE(member);
  EXPECT_EQ(member.error().message,
            "members.csv:2: column household_id: no household \"H-002\" in caisse pays-de-retz "
            "(import the households first)");
  // Exports stay within their caisse.
  auto exported = export_csv(db(), "pays-de-retz", ExportKind::households);
  ASSERT_TRUE(exported) << exported.error().message;
  EXPECT_EQ(*exported,
            "household_id,adults,children,joined_via,joined_on,left_on\n"
            "H-001,4,3,other,2025-06-01,\n");
}

TEST_F(registry_import, ImportsMembersWithNormalizedIbans) {
  must_import(ImportKind::households, kHouseholds);
  auto report = must_import(ImportKind::members,
                            "member_id,household_id,name,email,iban\n"
                            "M-1,H-001,Camille Martin,camille@example.org,"
                            "fr76 3000 6000 0112 3456 7890 189\n"
                            "M-2,H-002,\"Dupont, Léa\",,\n");
  EXPECT_EQ(report.inserted, 2u);
  EXPECT_EQ(scalar("SELECT iban FROM registry_members WHERE id = 'M-1'"),
            "FR7630006000011234567890189");
  EXPECT_EQ(scalar("SELECT name FROM registry_members WHERE id = 'M-2'"), "Dupont, Léa");
  EXPECT_EQ(scalar("SELECT coalesce(email, 'none') FROM registry_members WHERE id = 'M-2'"),
            "none");
}

TEST_F(registry_import, MemberErrorsNeverQuoteNamesEmailsOrFullIbans) {
  must_import(ImportKind::households, kHouseholds);
  const std::string message = import_error(ImportKind::members,
                                           "member_id,household_id,name,email,iban\n"
                                           "M-1,H-001, Camille Martin,camille at example.org,"
                                           "FR7630006000011234567890188\n"
                                           "M-2,H-404,,,\n");
  EXPECT_EQ(message,
            "members.csv:2: column name: starts or ends with a space\n"
            "members.csv:2: column email: is not an email address (expected name@example.org)\n"
            "members.csv:2: column iban: \"FR76*******************0188\": wrong check digits (a "
            "character is mistyped or missing)\n"
            "members.csv:3: column name: is empty\n"
            "members.csv:3: column household_id: no household \"H-404\" in caisse nantes-ouest "
            "(import the households first)");
  EXPECT_THAT(message, Not(HasSubstr("Camille")));
  EXPECT_THAT(message, Not(HasSubstr("30006000011234567890188")));
  EXPECT_EQ(scalar("SELECT count(*) FROM registry_members"), "0");
}

TEST_F(registry_import, ImportsFundersAndListsThoseForOperationsOnly) {
  auto report = must_import(ImportKind::funders, kFunders);
  EXPECT_EQ(report.inserted, 2u);
  EXPECT_EQ(scalar("SELECT pledged_minor FROM registry_funders WHERE id = 'ccas-nantes'"),
            "3650000");
  EXPECT_EQ(scalar("SELECT name FROM registry_funders WHERE id = 'fondation-x'"),
            "Fondation X, Paris");
  must_import(ImportKind::funders,
              "funder_id,name,kind,earmark,pledged_amount,note\n"
              "metropole,Métropole,public,operations,,\n",
              retz_);
  auto operations = operations_only_funders(db(), "nantes-ouest");
  ASSERT_TRUE(operations) << operations.error().message;
  EXPECT_EQ(*operations, (std::set<std::string>{"fondation-x"}));
  EXPECT_EQ(*operations_only_funders(db(), "pays-de-retz"), (std::set<std::string>{"metropole"}));
  EXPECT_TRUE(operations_only_funders(db(), "elsewhere")->empty());
}

TEST_F(registry_import, FunderErrorsNameLineAndColumn) {
  EXPECT_EQ(import_error(ImportKind::funders,
                         "funder_id,name,kind,earmark,pledged_amount,note\n"
                         "caf,CAF,state,salaries,-5,\n"
                         "msa,,public,allocations,12.345,\n"),
            "funders.csv:2: column kind: \"state\" is not one of public, private, foundation, "
            "other\n"
            "funders.csv:2: column earmark: \"salaries\" is not one of allocations, operations\n"
            "funders.csv:2: column pledged_amount: \"-5\" is negative\n"
            "funders.csv:3: column name: is empty\n"
            "funders.csv:3: column pledged_amount: \"12.345\" has more than 2 decimals");
}

}  // namespace
}  // namespace caisse::host::registry
