#include "cycle/allocation_cycle.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cycle_fakes.hpp"
#include "pg_test_env.hpp"
#include "store/migrations.hpp"

namespace caisse::host::cycle {
namespace {

using ::testing::HasSubstr;

constexpr Month kNovember{2026, 11};

store::PgConnection migrated(const char* label) {
  auto db = store::PgConnection::connect(caisse::testing::fresh_database(label));
  if (!db) throw std::runtime_error(db.error().message);
  auto done = store::migrate(*db, store::builtin_migrations());
  if (!done) throw std::runtime_error(done.error().message);
  return std::move(db.value());
}

// Three households: 1, 3 and 2 people -> 100 + 300 + 200 = 600.00 MONA at 100.00 per person.
std::vector<Household> three_households() {
  return {{"H-001", 1, 0}, {"H-002", 2, 1}, {"H-003", 1, 1}};
}

class AllocationCycleTest : public ::testing::Test {
 protected:
  AllocationCycleTest()
      : db_(migrated("cycle")), ledger_(db_), cycle_("montpellier", "MONA", 2, db_) {}

  CycleSummary compute_approve_fund() {
    EXPECT_TRUE(cycle_.compute(kNovember, "alice", households_, rule_, ledger_).ok());
    EXPECT_TRUE(cycle_.approve(kNovember, "bob").ok());
    ledger_.funds = 60000;
    auto funded = cycle_.fund(kNovember, ledger_);
    EXPECT_TRUE(funded.ok()) << funded.error().message;
    return *funded;
  }

  std::uint64_t lines(LineStatus status) {
    auto s = cycle_.summary(kNovember);
    return s->by_status.count(status) ? s->by_status[status].lines : 0;
  }

  store::PgConnection db_;
  VectorHouseholds households_{three_households()};
  PerPersonRule rule_{10000};
  ScriptedBackend backend_;
  TableLedger ledger_;
  AllocationCycle cycle_;
};

TEST_F(AllocationCycleTest, ComputeWritesOneLinePerHouseholdWithItsRuleVersionAndTheTotal) {
  auto s = cycle_.compute(kNovember, "alice", households_, rule_, ledger_);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->state, CycleState::computed);
  EXPECT_EQ(s->household_count, 3u);
  EXPECT_EQ(s->total_minor, 60000);
  EXPECT_EQ(s->computed_by, "alice");
  std::vector<CycleLine> all;
  ASSERT_TRUE(cycle_
                  .for_each_line(kNovember, 2,
                                 [&](const std::vector<CycleLine>& batch) {
                                   all.insert(all.end(), batch.begin(), batch.end());
                                   return Result<void>{};
                                 })
                  .ok());
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[1].household_id, "H-002");
  EXPECT_EQ(all[1].amount_minor, 30000);
  EXPECT_EQ(all[1].operation_id, "alloc/montpellier/2026-11/H-002");
  EXPECT_EQ(all[1].rule_version, rule_.version());
  EXPECT_EQ(all[1].status, LineStatus::not_sent);
}

TEST_F(AllocationCycleTest, DraftCanBeRecomputedButNotOnceApproved) {
  ASSERT_TRUE(cycle_.compute(kNovember, "alice", households_, rule_, ledger_).ok());
  PerPersonRule richer{12000};
  auto again = cycle_.compute(kNovember, "carol", households_, richer, ledger_);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->total_minor, 72000);
  EXPECT_EQ(again->by_status[LineStatus::not_sent].lines, 3u);
  ASSERT_TRUE(cycle_.approve(kNovember, "bob").ok());
  auto refused = cycle_.compute(kNovember, "alice", households_, rule_, ledger_);
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.error().message, HasSubstr("is approved: only a draft"));
}

TEST_F(AllocationCycleTest, ApprovalNeedsASecondOperatorAndApprovingTwiceChangesNothing) {
  ASSERT_TRUE(cycle_.compute(kNovember, "alice", households_, rule_, ledger_).ok());
  auto self = cycle_.approve(kNovember, "alice");
  ASSERT_FALSE(self.ok());
  EXPECT_THAT(self.error().message, HasSubstr("approval needs a second operator: alice computed"));
  auto approved = cycle_.approve(kNovember, "bob");
  ASSERT_TRUE(approved.ok());
  EXPECT_EQ(approved->approved_by, "bob");
  auto again = cycle_.approve(kNovember, "dan");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->approved_by, "bob");
  EXPECT_EQ(again->approved_at, approved->approved_at);
}

TEST_F(AllocationCycleTest, FundingIsBlockedWithTheShortfallUntilTheMoneyIsThere) {
  ASSERT_TRUE(cycle_.compute(kNovember, "alice", households_, rule_, ledger_).ok());
  EXPECT_FALSE(cycle_.fund(kNovember, ledger_).ok());  // not approved yet
  ASSERT_TRUE(cycle_.approve(kNovember, "bob").ok());
  ledger_.funds = 45000;
  auto blocked = cycle_.fund(kNovember, ledger_);
  ASSERT_FALSE(blocked.ok());
  EXPECT_THAT(blocked.error().message, HasSubstr("funds 450.00, total 600.00, shortfall 150.00"));
  auto s = cycle_.summary(kNovember);
  EXPECT_EQ(s->state, CycleState::approved);
  EXPECT_EQ(s->shortfall_minor, 15000);
  EXPECT_FALSE(cycle_.dispatch(kNovember, backend_, ledger_).ok());
  ledger_.funds = 60000;
  auto funded = cycle_.fund(kNovember, ledger_);
  ASSERT_TRUE(funded.ok()) << funded.error().message;
  EXPECT_EQ(funded->state, CycleState::funded);
  EXPECT_FALSE(funded->shortfall_minor.has_value());
}

TEST_F(AllocationCycleTest, DispatchCreditsEveryHouseholdOnceAndSettles) {
  compute_approve_fund();
  auto s = cycle_.dispatch(kNovember, backend_, ledger_, 2);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->state, CycleState::settled);
  EXPECT_EQ(s->by_status[LineStatus::succeeded].lines, 3u);
  EXPECT_EQ(backend_.credit_calls, 2);  // batches of 2: 2 + 1
  EXPECT_EQ(ledger_.issued(), 60000);
}

TEST_F(AllocationCycleTest, DispatchTwiceCreditsOnce) {
  compute_approve_fund();
  ASSERT_TRUE(cycle_.dispatch(kNovember, backend_, ledger_).ok());
  ASSERT_TRUE(cycle_.dispatch(kNovember, backend_, ledger_).ok());
  EXPECT_EQ(backend_.credit_calls, 1);
  for (const auto& [id, times] : backend_.credits_applied) EXPECT_EQ(times, 1) << id;
  EXPECT_EQ(ledger_.issued(), 60000);
}

TEST_F(AllocationCycleTest, LostAnswerLeavesLinesUnknownAndTheJanitorSettlesWithoutResending) {
  compute_approve_fund();
  backend_.lose_next_answer = true;
  auto stopped = cycle_.dispatch(kNovember, backend_, ledger_);
  ASSERT_FALSE(stopped.ok());
  EXPECT_THAT(stopped.error().message, HasSubstr("3 line(s) UNKNOWN"));
  EXPECT_EQ(lines(LineStatus::unknown), 3u);
  EXPECT_EQ(ledger_.issued(), 0);
  // Dispatching again must not resend UNKNOWN lines.
  ASSERT_TRUE(cycle_.dispatch(kNovember, backend_, ledger_).ok());
  EXPECT_EQ(backend_.credit_calls, 1);
  auto s = cycle_.reconcile(kNovember, backend_, ledger_);
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->state, CycleState::settled);
  for (const auto& [id, times] : backend_.credits_applied) EXPECT_EQ(times, 1) << id;
  EXPECT_EQ(ledger_.issued(), 60000);
}

TEST_F(AllocationCycleTest, UnreachableBackendKeepsLinesUnknownUntilItAnswers) {
  compute_approve_fund();
  backend_.unreachable = true;
  EXPECT_FALSE(cycle_.dispatch(kNovember, backend_, ledger_).ok());
  auto still = cycle_.reconcile(kNovember, backend_, ledger_);
  ASSERT_TRUE(still.ok());
  EXPECT_EQ(lines(LineStatus::unknown), 3u);
  backend_.unreachable = false;
  // The backend never received them: they become NOT_SENT, and only then are they sent again.
  ASSERT_TRUE(cycle_.reconcile(kNovember, backend_, ledger_).ok());
  EXPECT_EQ(lines(LineStatus::not_sent), 3u);
  auto s = cycle_.dispatch(kNovember, backend_, ledger_);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->state, CycleState::settled);
  EXPECT_EQ(ledger_.issued(), 60000);
}

TEST_F(AllocationCycleTest, DeclinedLinesAreFinalAndNotCredited) {
  compute_approve_fund();
  backend_.decline = {"H-002"};
  auto s = cycle_.dispatch(kNovember, backend_, ledger_);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->state, CycleState::settled);
  EXPECT_EQ(s->by_status[LineStatus::declined].lines, 1u);
  EXPECT_EQ(ledger_.issued(), 30000);  // 100 + 200
}

TEST_F(AllocationCycleTest, LineTheBackendDidNotTakeIsSentOnTheNextDispatch) {
  compute_approve_fund();
  backend_.not_received = {"H-003"};
  auto first = cycle_.dispatch(kNovember, backend_, ledger_);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->state, CycleState::dispatched);
  EXPECT_EQ(lines(LineStatus::not_sent), 1u);
  auto second = cycle_.dispatch(kNovember, backend_, ledger_);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->state, CycleState::settled);
  EXPECT_EQ(backend_.credits_applied.at("alloc/montpellier/2026-11/H-003"), 1);
}

TEST_F(AllocationCycleTest, ClosesOnlyOnceSettledAndClosingTwiceChangesNothing) {
  compute_approve_fund();
  auto early = cycle_.close(kNovember);
  ASSERT_FALSE(early.ok());
  EXPECT_THAT(early.error().message,
              HasSubstr("can be closed once settled (still open: 3 NOT_SENT)"));
  ASSERT_TRUE(cycle_.dispatch(kNovember, backend_, ledger_).ok());
  ASSERT_EQ(cycle_.close(kNovember)->state, CycleState::closed);
  ASSERT_EQ(cycle_.close(kNovember)->state, CycleState::closed);
}

TEST_F(AllocationCycleTest, CaissesDoNotSeeEachOthersCycles) {
  compute_approve_fund();
  AllocationCycle nantes("nantes-ouest", "MNK", 2, db_);
  EXPECT_THAT(nantes.summary(kNovember).error().message,
              HasSubstr("no cycle 2026-11 of nantes-ouest"));
  VectorHouseholds one{{{"H-001", 2, 0}}};
  ASSERT_TRUE(nantes.compute(kNovember, "erin", one, rule_, ledger_).ok());
  EXPECT_EQ(nantes.summary(kNovember)->total_minor, 20000);
  EXPECT_EQ(cycle_.summary(kNovember)->total_minor, 60000);
  EXPECT_EQ(cycle_.summary(kNovember)->household_count, 3u);
}

}  // namespace
}  // namespace caisse::host::cycle
