// Bonus cycles: the bonus of a month computed from the stored purchases (only purchases at
// accredited merchants flagged bonus count, the rule's cap applies), paid once through the same
// outbox as allocations, with a due date and the lateness of lines still open after it; and the
// migration that made existing cycles allocations.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cycle/allocation_cycle.hpp"
#include "cycle/bonus_draft.hpp"
#include "cycle_fakes.hpp"
#include "merchants/tagged_purchases.hpp"
#include "pg_test_env.hpp"
#include "store/migrations.hpp"

namespace caisse::host::cycle {
namespace {

using ::testing::HasSubstr;
using namespace std::chrono;

constexpr Month kNovember{2026, 11};

store::PgConnection connected(const char* label) {
  auto db = store::PgConnection::connect(caisse::testing::fresh_database(label));
  if (!db) throw std::runtime_error(db.error().message);
  return std::move(db.value());
}

void exec(store::PgConnection& db, const std::string& sql) {
  auto done = db.exec(sql);
  if (!done) throw std::runtime_error(done.error().message + "\n" + sql);
}

// tagged_purchases_bonus with Vital'im's parameters: +50 %, at most 25.00 a month.
class VitalimRule final : public BonusRule {
 public:
  std::string version() const override { return "tagged_purchases_bonus test (5000 bp, cap 2500)"; }
  Result<std::int64_t> bonus(const plugins::BonusInput& in) override {
    inputs.push_back(in);
    return std::min<std::int64_t>(in.tagged_purchases_minor * 5000 / 10000, 2500);
  }
  std::vector<plugins::BonusInput> inputs;
};

// Three merchants: an organic shop earning a bonus, a supermarket that does not, and a farm
// flagged bonus but suspended. Four households, and November's purchases.
constexpr const char* kMonth = R"sql(
INSERT INTO registry_households (caisse_id, id, adults, children, joined_via, joined_on) VALUES
  ('gers', 'H-001', 1, 0, 'self', '2026-01-01'), ('gers', 'H-002', 2, 1, 'self', '2026-01-01'),
  ('gers', 'H-003', 1, 1, 'self', '2026-01-01'), ('gers', 'H-004', 1, 0, 'self', '2026-01-01');
INSERT INTO registry_merchants (caisse_id, id, name, accredited, listed_accredited, bonus) VALUES
  ('gers', 'M-BIO', 'Biocoop', true, true, true), ('gers', 'M-SUP', 'Supermarché', true, true, false),
  ('gers', 'M-FERME', 'Ferme', false, false, true);
INSERT INTO purchases (caisse_id, instance, external_ref, household_id, merchant_ref, merchant_id,
                       amount_minor, currency, paid_at, merchant_accredited) VALUES
  -- H-001: 20.00 + 10.00 at the organic shop earn 15.00; the supermarket earns nothing.
  ('gers', 'upcoop', 'T1', 'H-001', 'a-bio', 'M-BIO', 2000, 'UPC', '2026-11-03 10:00+00', true),
  ('gers', 'upcoop', 'T2', 'H-001', 'a-bio', 'M-BIO', 1000, 'UPC', '2026-11-20 10:00+00', true),
  ('gers', 'upcoop', 'T3', 'H-001', 'a-sup', 'M-SUP', 5000, 'UPC', '2026-11-21 10:00+00', true),
  -- H-002: 80.00 would earn 40.00, capped at 25.00.
  ('gers', 'upcoop', 'T4', 'H-002', 'a-bio', 'M-BIO', 8000, 'UPC', '2026-11-30 23:59+00', true),
  -- H-003: at the farm while suspended, and at the shop in October and December (UTC): nothing.
  ('gers', 'upcoop', 'T5', 'H-003', 'a-ferme', 'M-FERME', 4000, 'UPC', '2026-11-10 10:00+00', false),
  ('gers', 'upcoop', 'T6', 'H-003', 'a-bio', 'M-BIO', 3000, 'UPC', '2026-10-31 23:30+00', true),
  ('gers', 'upcoop', 'T7', 'H-003', 'a-bio', 'M-BIO', 3000, 'UPC', '2026-12-01 00:00+00', true),
  -- H-004: 49.99 earn 24.995, rounded down by the rule.
  ('gers', 'upcoop', 'T8', 'H-004', 'a-bio', 'M-BIO', 4999, 'UPC', '2026-11-15 10:00+00', true),
  -- A payer the registry does not know earns nothing; so does a payment by no household.
  ('gers', 'upcoop', 'T9', 'X-999', 'a-bio', 'M-BIO', 9000, 'UPC', '2026-11-15 10:00+00', true),
  ('gers', 'upcoop', 'T10', NULL, 'a-bio', 'M-BIO', 9000, 'UPC', '2026-11-15 10:00+00', true);
)sql";

class BonusCycleTest : public ::testing::Test {
 protected:
  BonusCycleTest()
      : db_(connected("bonus")),
        ledger_(db_),
        purchases_(db_, "gers", "UPC"),
        bonus_("gers", "UPC", 2, db_, CycleKind::bonus, [this] { return today_; }) {
    auto migrated = store::migrate(db_, store::builtin_migrations());
    if (!migrated) throw std::runtime_error(migrated.error().message);
    exec(db_, kMonth);
  }

  Result<CycleSummary> compute(std::string_view actor = "alice") {
    BonusDraft draft(purchases_, rule_, "UPC");
    return bonus_.compute(kNovember, actor, draft, bonus_due_on(kNovember, 10));
  }

  std::vector<CycleLine> lines() {
    std::vector<CycleLine> all;
    auto listed = bonus_.for_each_line(kNovember, 100, [&](const std::vector<CycleLine>& batch) {
      all.insert(all.end(), batch.begin(), batch.end());
      return Result<void>{};
    });
    EXPECT_TRUE(listed.ok());
    return all;
  }

  void approve_and_fund() {
    ASSERT_TRUE(compute().ok());
    ASSERT_TRUE(bonus_.approve(kNovember, "bob").ok());
    ledger_.funds = 100000;
    ASSERT_TRUE(bonus_.fund(kNovember, ledger_).ok());
  }

  store::PgConnection db_;
  TableLedger ledger_;
  merchants::StoredTaggedPurchases purchases_;
  VitalimRule rule_;
  ScriptedBackend backend_;
  ledger::Date today_{2026y / 12 / 5};
  AllocationCycle bonus_;
};

TEST_F(BonusCycleTest, BonusIsComputedFromPurchasesAtAccreditedBonusMerchantsWithTheCap) {
  auto s = compute();
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->kind, CycleKind::bonus);
  EXPECT_EQ(s->household_count, 3u);  // H-003 earned nothing: no line
  EXPECT_EQ(s->total_minor, 1500 + 2500 + 2499);
  auto all = lines();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].household_id, "H-001");
  EXPECT_EQ(all[0].amount_minor, 1500);
  EXPECT_EQ(all[0].operation_id, "bonus/gers/2026-11/H-001");
  EXPECT_EQ(all[0].rule_version, rule_.version());
  EXPECT_EQ(all[1].household_id, "H-002");
  EXPECT_EQ(all[1].amount_minor, 2500);
  EXPECT_EQ(all[2].household_id, "H-004");
  EXPECT_EQ(all[2].amount_minor, 2499);
  // The rule saw each household's month of tagged purchases with its composition.
  ASSERT_EQ(rule_.inputs.size(), 3u);
  EXPECT_EQ(rule_.inputs[0].tagged_purchases_minor, 3000);
  EXPECT_EQ(rule_.inputs[1].tagged_purchases_minor, 8000);
  EXPECT_EQ(rule_.inputs[1].adults, 2u);
  EXPECT_EQ(rule_.inputs[1].children, 1u);
  EXPECT_EQ(rule_.inputs[1].month, "2026-11");
  EXPECT_EQ(rule_.inputs[1].currency, "UPC");
}

TEST_F(BonusCycleTest, DispatchTwiceAndALostAnswerCreditEachHouseholdOnce) {
  approve_and_fund();
  backend_.lose_next_answer = true;
  auto lost = bonus_.dispatch(kNovember, backend_, ledger_);
  ASSERT_FALSE(lost.ok());
  EXPECT_THAT(lost.error().message, HasSubstr("bonus cycle 2026-11 of gers: dispatch stopped"));
  auto again = bonus_.dispatch(kNovember, backend_, ledger_);  // UNKNOWN lines are not resent
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(backend_.credit_calls, 1);
  auto reconciled = bonus_.reconcile(kNovember, backend_, ledger_);
  ASSERT_TRUE(reconciled.ok());
  EXPECT_EQ(reconciled->state, CycleState::settled);
  ASSERT_TRUE(bonus_.dispatch(kNovember, backend_, ledger_).ok());
  EXPECT_EQ(backend_.credit_calls, 1);
  ASSERT_EQ(backend_.credits_applied.size(), 3u);
  for (const auto& [operation, times] : backend_.credits_applied) {
    EXPECT_EQ(times, 1) << operation;
    EXPECT_THAT(operation, HasSubstr("bonus/gers/2026-11/"));
  }
  EXPECT_EQ(ledger_.issued(), 6499);
  ASSERT_TRUE(bonus_.close(kNovember).ok());
}

TEST_F(BonusCycleTest, DueDateIsTenDaysAfterTheMonthAndOpenLinesAfterItAreLate) {
  EXPECT_EQ(ledger::format_date(bonus_due_on(kNovember, 10)), "2026-12-10");
  EXPECT_EQ(ledger::format_date(bonus_due_on({2026, 2}, 0)), "2026-02-28");
  auto s = compute();
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->due_on, "2026-12-10");
  EXPECT_FALSE(s->late);  // 5 December
  today_ = 2026y / 12 / 10;
  EXPECT_FALSE(bonus_.summary(kNovember)->late);  // due today: not late yet
  today_ = 2026y / 12 / 13;
  auto late = bonus_.summary(kNovember);
  ASSERT_TRUE(late->late);
  EXPECT_EQ(late->late->lines, 3u);
  EXPECT_EQ(late->late->amount_minor, 6499);
  EXPECT_EQ(late->late->days, 3);

  ASSERT_TRUE(bonus_.approve(kNovember, "bob").ok());
  ledger_.funds = 100000;
  ASSERT_TRUE(bonus_.fund(kNovember, ledger_).ok());
  backend_.decline = {"H-002"};
  backend_.lose_next_answer = true;
  EXPECT_FALSE(bonus_.dispatch(kNovember, backend_, ledger_).ok());
  late = bonus_.summary(kNovember);
  ASSERT_TRUE(late->late);  // UNKNOWN lines are still not paid
  EXPECT_EQ(late->late->lines, 3u);
  // The backend never took H-002's line (its answer was lost): back to NOT_SENT, still late.
  auto reconciled = bonus_.reconcile(kNovember, backend_, ledger_);
  ASSERT_TRUE(reconciled.ok());
  ASSERT_TRUE(reconciled->late);
  EXPECT_EQ(reconciled->late->lines, 1u);
  EXPECT_EQ(reconciled->late->amount_minor, 2500);
  auto settled = bonus_.dispatch(kNovember, backend_, ledger_);
  ASSERT_TRUE(settled.ok());
  EXPECT_EQ(settled->state, CycleState::settled);
  EXPECT_FALSE(settled->late);  // every line final, even the declined one
}

TEST_F(BonusCycleTest, AllocationAndBonusOfTheSameMonthAreTwoCyclesPaidOnceEach) {
  AllocationCycle allocation("gers", "UPC", 2, db_);
  VectorHouseholds households({{"H-001", 1, 0}, {"H-002", 2, 1}});
  PerPersonRule per_person{10000};
  ASSERT_TRUE(allocation.compute(kNovember, "alice", households, per_person, ledger_).ok());
  approve_and_fund();
  ASSERT_TRUE(allocation.approve(kNovember, "bob").ok());
  ASSERT_TRUE(allocation.fund(kNovember, ledger_).ok());
  ASSERT_TRUE(allocation.dispatch(kNovember, backend_, ledger_).ok());
  ASSERT_TRUE(bonus_.dispatch(kNovember, backend_, ledger_).ok());
  EXPECT_EQ(backend_.credits_applied.count("alloc/gers/2026-11/H-001"), 1u);
  EXPECT_EQ(backend_.credits_applied.count("bonus/gers/2026-11/H-001"), 1u);
  EXPECT_EQ(allocation.summary(kNovember)->total_minor, 40000);
  EXPECT_FALSE(allocation.summary(kNovember)->due_on);
  EXPECT_EQ(bonus_.summary(kNovember)->total_minor, 6499);
  EXPECT_EQ(ledger_.issued(), 40000 + 6499);
  // Recomputing one never touches the other's lines.
  auto refused = compute("carol");
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.error().message, HasSubstr("bonus cycle 2026-11 of gers is settled"));
}

TEST_F(BonusCycleTest, ApprovalNeedsASecondOperator) {
  ASSERT_TRUE(compute().ok());
  auto self = bonus_.approve(kNovember, "alice");
  ASSERT_FALSE(self.ok());
  EXPECT_THAT(self.error().message, HasSubstr("approval needs a second operator: alice computed "
                                              "bonus cycle 2026-11 of gers"));
}

TEST(BonusCycleMigration, CyclesStoredBeforeBecomeAllocationsAndKeepTheirLines) {
  auto db = connected("bonus_migration");
  auto all = store::builtin_migrations();
  std::size_t before = 0;
  while (before < all.size() && all[before].version < 10) ++before;
  ASSERT_TRUE(store::migrate(db, all.subspan(0, before)).ok());
  exec(db,
       "INSERT INTO cycles (caisse_id, month, state, currency, rule_version, household_count,"
       " total_minor, computed_by, computed_at) VALUES"
       " ('gers', '2026-11', 'computed', 'UPC', 'r', 1, 10000, 'alice', now());"
       "INSERT INTO cycle_lines (caisse_id, month, household_id, amount_minor, rule_version,"
       " operation_id) VALUES ('gers', '2026-11', 'H-001', 10000, 'r', 'alloc/gers/2026-11/H-001');"
       "INSERT INTO registry_merchants (caisse_id, id, name, accredited)"
       " VALUES ('gers', 'M-BIO', 'Biocoop', true);");
  auto migrated = store::migrate(db, all);
  ASSERT_TRUE(migrated.ok()) << migrated.error().message;
  AllocationCycle allocation("gers", "UPC", 2, db);
  auto s = allocation.summary(kNovember);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->kind, CycleKind::allocation);
  EXPECT_EQ(s->total_minor, 10000);
  EXPECT_EQ(s->by_status[LineStatus::not_sent].lines, 1u);
  EXPECT_FALSE(s->due_on);
  auto flag = db.exec("SELECT bonus FROM registry_merchants");
  ASSERT_TRUE(flag.ok());
  EXPECT_EQ(flag->get(0, 0), "f");
  AllocationCycle bonus("gers", "UPC", 2, db, CycleKind::bonus);
  EXPECT_EQ(bonus.summary(kNovember).error().kind, ErrorKind::not_found);
}

}  // namespace
}  // namespace caisse::host::cycle
