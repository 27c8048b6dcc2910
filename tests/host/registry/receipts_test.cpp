// Receipts: recorded once, posted to the ledger as balanced entries the cycle's funding check
// reads (ledger::money_in, as cycle::BookLedger does).
#include "ledger/balances.hpp"
#include "ledger/invariants.hpp"
#include "ledger/journal.hpp"
#include "registry_fixture.hpp"

namespace caisse::host::registry {
namespace {

using ::testing::HasSubstr;

constexpr const char* kHeader = "reference,date,source,household_id,funder_id,amount\n";
constexpr const char* kReceipts =
    "reference,date,source,household_id,funder_id,amount\n"
    "VIR-2026-11-001,2026-11-03,contribution,H-001,,15.00\n"
    "VIR-2026-11-002,2026-11-04,contribution,H-002,,7.50\n"
    "CCAS-2026-11,2026-11-05,grant,,ccas-nantes,300.00\n"
    "FX-2026-11,2026-11-06,grant,,fondation-x,1000.00\n";

ledger::Date day(int y, unsigned m, unsigned d) {
  return ledger::Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

class registry_receipts : public RegistryTest {
 protected:
  void SetUp() override {
    RegistryTest::SetUp();
    must_import(ImportKind::households, kHouseholds);
    must_import(ImportKind::funders, kFunders);
  }

  std::int64_t balance_of(const ledger::AccountRef& account,
                          const std::string& caisse = "nantes-ouest") {
    auto found = ledger::balance(db(), caisse, account);
    if (!found) throw std::runtime_error(found.error().message);
    return found->minor;
  }
};

TEST_F(registry_receipts, PostsBalancedEntriesToTheLedger) {
  auto report = must_import(ImportKind::receipts, kReceipts);
  EXPECT_EQ(report.inserted, 4u);
  EXPECT_EQ(balance_of({ledger::AccountKind::bank, ""}), 132250);
  EXPECT_EQ(balance_of({ledger::AccountKind::contributions, ""}), -2250);
  EXPECT_EQ(balance_of({ledger::AccountKind::grant, "ccas-nantes"}), -30000);
  EXPECT_EQ(balance_of({ledger::AccountKind::grant, "fondation-x"}), -100000);
  EXPECT_EQ(scalar("SELECT count(*) FROM ledger_entries WHERE caisse_id = 'nantes-ouest'"), "4");
  auto entry = ledger::find_entry(db(), "nantes-ouest", "receipt/CCAS-2026-11");
  ASSERT_TRUE(entry && entry->has_value());
  EXPECT_EQ((*entry)->date, day(2026, 11, 5));
  ASSERT_EQ((*entry)->lines.size(), 2u);
  EXPECT_EQ((*entry)->lines[0].amount.minor + (*entry)->lines[1].amount.minor, 0);
  EXPECT_EQ(scalar("SELECT entry_id FROM registry_receipts WHERE reference = 'CCAS-2026-11'"),
            std::to_string((*entry)->id));
  auto check = ledger::check_invariants(db(), "nantes-ouest");
  ASSERT_TRUE(check) << check.error().message;
  EXPECT_TRUE(check->ok()) << ledger::render_text(*check);
}

TEST_F(registry_receipts, MoneyInSeesContributionsAndGrantsPerFunder) {
  must_import(ImportKind::receipts, kReceipts);
  auto received =
      ledger::money_in(db(), "nantes-ouest", {day(2026, 11, 1), day(2026, 11, 30)}, "EUR");
  ASSERT_TRUE(received) << received.error().message;
  EXPECT_EQ(received->contributions, (money::Money{2250, "EUR"}));
  ASSERT_EQ(received->grants.size(), 2u);
  EXPECT_EQ(received->grants[0].funder_id, "ccas-nantes");
  EXPECT_EQ(received->grants[0].amount, (money::Money{30000, "EUR"}));
  EXPECT_EQ(received->grants[1].funder_id, "fondation-x");
  EXPECT_EQ(received->grants[1].amount, (money::Money{100000, "EUR"}));
  // What BookLedger would count for allocations: contributions and grants not earmarked for
  // operations (fondation-x is).
  auto operations = operations_only_funders(db(), "nantes-ouest");
  ASSERT_TRUE(operations);
  std::int64_t for_allocations = received->contributions.minor;
  for (const auto& grant : received->grants) {
    if (operations->count(grant.funder_id) == 0) for_allocations += grant.amount.minor;
  }
  EXPECT_EQ(for_allocations, 32250);
}

TEST_F(registry_receipts, ReplayingAFilePostsNothingAgain) {
  must_import(ImportKind::receipts, kReceipts);
  const std::string before = row_counts();
  auto again = must_import(ImportKind::receipts, kReceipts);
  EXPECT_EQ(again.unchanged, 4u);
  EXPECT_EQ(again.inserted, 0u);
  EXPECT_EQ(row_counts(), before);
  EXPECT_EQ(balance_of({ledger::AccountKind::bank, ""}), 132250);
}

TEST_F(registry_receipts, TheSameReferenceWithOtherContentIsRefused) {
  must_import(ImportKind::receipts, kReceipts);
  const std::string before = row_counts();
  const std::string message =
      import_error(ImportKind::receipts, std::string(kHeader) +
                                             "NEW-1,2026-11-20,contribution,H-003,,5.00\n"
                                             "VIR-2026-11-001,2026-11-03,contribution,H-001,,"
                                             "16.00\n");
  EXPECT_EQ(message,
            "receipts.csv:3: column reference: \"VIR-2026-11-001\" is already recorded with other "
            "content (amount \"15.00\" recorded, \"16.00\" in the file); a receipt is never "
            "changed: correct it with a reversal in the ledger and a new reference");
  EXPECT_EQ(row_counts(), before);  // NEW-1 was not posted either
}

TEST_F(registry_receipts, EveryFieldIsChecked) {
  const std::string message =
      import_error(ImportKind::receipts, std::string(kHeader) +
                                             "R 1,2026-11-31,gift,,,0\n"
                                             "R-2,2026-11-03,contribution,,ccas-nantes,5\n"
                                             "R-3,2026-11-03,grant,H-001,,5\n"
                                             "R-4,2026-11-03,contribution,H-404,,5\n"
                                             "R-5,2026-11-03,grant,,caf,5\n"
                                             "R-4,2026-11-03,contribution,H-001,,5\n");
  EXPECT_EQ(message,
            "receipts.csv:2: column reference: \"R 1\" is not a reference (1 to 100 letters, "
            "digits, _ - . / or :)\n"
            "receipts.csv:2: column date: \"2026-11-31\" is not a date YYYY-MM-DD\n"
            "receipts.csv:2: column source: \"gift\" is not one of contribution, grant\n"
            "receipts.csv:2: column amount: \"0\" is not a positive amount\n"
            "receipts.csv:3: column household_id: is empty; a contribution names its household\n"
            "receipts.csv:3: column funder_id: must be empty for a contribution\n"
            "receipts.csv:4: column funder_id: is empty; a grant names its funder\n"
            "receipts.csv:4: column household_id: must be empty for a grant\n"
            "receipts.csv:7: column reference: \"R-4\" already appears on line 5\n"
            "receipts.csv:5: column household_id: no household \"H-404\" in caisse nantes-ouest "
            "(import the households first)\n"
            "receipts.csv:6: column funder_id: no funder \"caf\" in caisse nantes-ouest (import "
            "the funders first)");
  EXPECT_EQ(scalar("SELECT count(*) FROM ledger_entries"), "0");
}

TEST_F(registry_receipts, ACaisseCannotPayIntoAnotherOnesHouseholdsOrBook) {
  must_import(ImportKind::receipts, kReceipts);
  auto retz = import_csv(db(), retz_, ImportKind::receipts, "receipts.csv", kReceipts);
  ASSERT_FALSE(retz);
  EXPECT_THAT(retz.error().message,
              HasSubstr("receipts.csv:2: column household_id: no household \"H-001\" in caisse "
                        "pays-de-retz"));
  EXPECT_EQ(scalar("SELECT count(*) FROM ledger_entries WHERE caisse_id = 'pays-de-retz'"), "0");
  // The same references in Pays de Retz are its own receipts.
  must_import(ImportKind::households, kHouseholds, retz_);
  must_import(ImportKind::funders, kFunders, retz_);
  auto own = must_import(ImportKind::receipts, kReceipts, retz_);
  EXPECT_EQ(own.inserted, 4u);
  EXPECT_EQ(balance_of({ledger::AccountKind::bank, ""}, "pays-de-retz"), 132250);
  EXPECT_EQ(balance_of({ledger::AccountKind::bank, ""}, "nantes-ouest"), 132250);
}

}  // namespace
}  // namespace caisse::host::registry
