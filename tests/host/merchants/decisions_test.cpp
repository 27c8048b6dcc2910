// Committee decisions: checked, recorded once, the source of the payment gate, pushed to the
// backends, and judged by the report (purchases at a suspended merchant, overdue
// re-evaluations).
#include "merchants/decisions.hpp"

#include "conventionnement_fixture.hpp"
#include "merchants/merchant_sync.hpp"
#include "merchants/overdue_evaluations.hpp"
#include "merchants/purchase_import.hpp"
#include "merchants/purchase_report.hpp"
#include "registry/merchants_gate.hpp"

namespace caisse::host::merchants {
namespace {

using MerchantsDecisions = ConventionnementTest;

// A decision by consensus on M-001, dated 2026-10-05, to be completed by each test.
Decision draft(const std::string& kind) {
  Decision d;
  d.merchant_id = "M-001";
  d.decision = kind;
  d.method = "consensus";
  d.decided_on = "2026-10-05";
  d.valid_from = "2026-10-05";
  d.recorded_by = "committee";
  return d;
}

std::string problems_of(const Decision& d) {
  auto checked = check_decision(d);
  return checked ? "" : checked.error().message;
}

TEST(MerchantsDecisionCheck, VoteCountsMustBeGivenAndCarryTheMotion) {
  Decision d = draft("suspend");
  d.method = "vote";
  EXPECT_EQ(problems_of(d),
            "votes: a decision by vote gives its counts (in_favour, against, abstaining)");
  d.votes = Votes{4, 4, 1};
  EXPECT_EQ(problems_of(d),
            "votes: 4 in favour and 4 against: the motion was not carried, so there is no "
            "decision to record");
  d.votes = Votes{5, -1, 1};
  EXPECT_EQ(problems_of(d), "votes.against: -1 is not a number of people (0 to 10000)");
  d.votes = Votes{5, 3, 1};
  EXPECT_EQ(problems_of(d), "");
  d.method = "consensus";
  EXPECT_EQ(problems_of(d), "votes: a decision by consensus has no vote counts");
}

TEST(MerchantsDecisionCheck, DatesMustExistAndFollowEachOther) {
  Decision d = draft("accredit");
  d.valid_from = "2026-10-01";
  d.valid_until = "2026-09-30";
  EXPECT_EQ(problems_of(d),
            "valid_from: 2026-10-01 is before decided_on 2026-10-05 (a decision does not apply "
            "to the past)\n"
            "valid_until: 2026-09-30 is before valid_from 2026-10-01\n"
            "next_evaluation_on: an accreditation says when the merchant is evaluated again");
  d.decision = "accredite";
  d.valid_from = "2026-02-30";
  d.valid_until.reset();
  EXPECT_EQ(problems_of(d),
            "decision: \"accredite\" is not one of accredit, refuse, suspend\n"
            "valid_from: \"2026-02-30\" is not a date YYYY-MM-DD");
}

TEST_F(MerchantsDecisions, SuspensionIsPushedAndAPurchaseImportedAfterIsFlagged) {
  import_merchants(kMerchants);
  CurrencyInstance moneko = backend("moneko");
  auto recorded = record(decision("M-001", "suspend", "2026-11-05"), "2026-11-06");
  ASSERT_TRUE(recorded.fresh);
  ASSERT_EQ(recorded.changes.size(), 1u);
  EXPECT_EQ(recorded.changes[0].merchant_id, "M-001");
  EXPECT_TRUE(recorded.changes[0].gate_flipped);
  EXPECT_FALSE(recorded.changes[0].accredited);
  EXPECT_EQ(recorded.changes[0].standing, "suspended");

  ASSERT_EQ(sync_merchants(db(), caisse_.id, {moneko})[0].status, CallStatus::ok);
  EXPECT_EQ(pushed_to("moneko"),
            "M-001;Épicerie du Coin;acc-1;no\n"
            "M-002;Boulangerie Martin;acc-2;no\n"
            "M-003;Ferme des Landes, GAEC;acc-3;yes\n");

  backend_holds("moneko", std::string("T-1;H-001;acc-1;1250;MONEKO;") + kNov20 + "\n" +
                              "T-2;H-002;acc-3;400;MONEKO;" + kNov20 + "\n");
  ASSERT_EQ(import_purchases(db(), caisse_, {moneko}, month_period(Month{2026, 11}))[0].status,
            CallStatus::ok);
  auto report = purchase_report(db(), caisse_.id, Month{2026, 11});
  ASSERT_TRUE(report) << report.error().message;
  ASSERT_EQ(report->flagged.size(), 1u);
  EXPECT_EQ(report->flagged[0].external_ref, "T-1");
  EXPECT_EQ(report->flagged[0].reason, FlagReason::merchant_suspended);
  EXPECT_EQ(report->totals.flagged_amount_minor, 1250);
}

TEST_F(MerchantsDecisions, TheSameDecisionTwiceIsRecognisedAnotherTheSameDayIsAConflict) {
  import_merchants(kMerchants);
  Decision d = decision("M-002", "accredit", "2026-11-05");
  d.method = "vote";
  d.votes = Votes{7, 2, 1};
  auto first = record(d, "2026-11-06");
  auto again = record(d, "2026-11-06");
  EXPECT_TRUE(first.fresh);
  EXPECT_FALSE(again.fresh);
  EXPECT_EQ(again.id, first.id);
  EXPECT_TRUE(again.changes.empty());
  EXPECT_EQ(scalar("SELECT count(*) FROM merchant_decisions"), "1");

  d.decision = "refuse";
  auto other = record_decision(db(), caisse_.id, d, "2026-11-06");
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().kind, ErrorKind::conflict);
  EXPECT_EQ(other.error().message,
            "merchant M-002 already has a decision of 2026-11-05 (decision " +
                std::to_string(first.id) +
                ": accredit); decisions are never rewritten: record the new one with the day it "
                "was taken");
}

TEST_F(MerchantsDecisions, AnAccreditationExpiresAfterItsLastDay) {
  import_merchants(kMerchants);
  Decision d = decision("M-002", "accredit", "2026-03-01");
  d.valid_until = "2026-06-30";
  record(d, "2026-03-01");
  EXPECT_EQ(gate("M-002"), "t");

  auto last_day = registry::refresh_merchant_gates(db(), caisse_.id, "2026-06-30", "refresh");
  ASSERT_TRUE(last_day) << last_day.error().message;
  EXPECT_TRUE(last_day->empty());
  auto after = registry::refresh_merchant_gates(db(), caisse_.id, "2026-07-01", "refresh");
  ASSERT_TRUE(after) << after.error().message;
  ASSERT_EQ(after->size(), 1u);
  EXPECT_EQ((*after)[0].standing, "expired");
  EXPECT_TRUE((*after)[0].gate_flipped);
  EXPECT_EQ(gate("M-002"), "f");
}

TEST_F(MerchantsDecisions, ADecisionTakesEffectOnItsValidFromDay) {
  import_merchants(kMerchants);
  Decision d = decision("M-001", "suspend", "2026-03-01");
  d.valid_from = "2026-04-01";
  EXPECT_TRUE(record(d, "2026-03-01").changes.empty());
  EXPECT_EQ(gate("M-001"), "t");
  auto started = registry::refresh_merchant_gates(db(), caisse_.id, "2026-04-01", "refresh");
  ASSERT_TRUE(started) << started.error().message;
  EXPECT_TRUE(registry::any_gate_flipped(*started));
  EXPECT_EQ(gate("M-001"), "f");
}

TEST_F(MerchantsDecisions, UnknownMerchantOrEvaluationIsRefusedNamingIt) {
  import_merchants(kMerchants);
  auto unknown =
      record_decision(db(), caisse_.id, decision("M-404", "refuse", "2026-11-05"), "2026-11-06");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().message, "merchant_id: no merchant \"M-404\" in caisse nantes-ouest");
  Decision d = decision("M-001", "refuse", "2026-11-05");
  d.evaluation_ids = {999};
  auto no_evaluation = record_decision(db(), caisse_.id, d, "2026-11-06");
  ASSERT_FALSE(no_evaluation);
  EXPECT_EQ(no_evaluation.error().message,
            "evaluation_ids: 999: no such evaluation in caisse nantes-ouest");
  EXPECT_EQ(scalar("SELECT count(*) FROM merchant_decisions"), "0");
}

TEST_F(MerchantsDecisions, OverdueReEvaluationsAreListedFromTheDayAfter) {
  import_merchants(kMerchants);
  Decision d = decision("M-003", "accredit", "2026-01-10");
  d.next_evaluation_on = "2026-07-01";
  const auto id = record(d, "2026-01-10").id;
  auto on_the_day = overdue_evaluations(db(), caisse_.id, "2026-07-01");
  ASSERT_TRUE(on_the_day) << on_the_day.error().message;
  EXPECT_TRUE(on_the_day->empty());
  auto late = overdue_evaluations(db(), caisse_.id, "2026-07-02");
  ASSERT_TRUE(late) << late.error().message;
  ASSERT_EQ(late->size(), 1u);
  EXPECT_EQ((*late)[0].merchant_id, "M-003");
  EXPECT_EQ((*late)[0].name, "Ferme des Landes, GAEC");
  EXPECT_EQ((*late)[0].decision_id, id);
  EXPECT_EQ((*late)[0].next_evaluation_on, "2026-07-01");
  EXPECT_EQ((*late)[0].last_evaluated_on, "");
}

TEST_F(MerchantsDecisions, DecisionsCannotBeRewritten) {
  import_merchants(kMerchants);
  record(decision("M-001", "suspend", "2026-11-05"), "2026-11-06");
  auto changed = db().exec("UPDATE merchant_decisions SET decision = 'accredit'");
  ASSERT_FALSE(changed);
  EXPECT_NE(changed.error().message.find("merchant_decisions is append-only"), std::string::npos)
      << changed.error().message;
}

}  // namespace
}  // namespace caisse::host::merchants
