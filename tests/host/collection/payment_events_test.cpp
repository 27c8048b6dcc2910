// The bank's answers applied to debits and mandates: the four reason codes' effects, replays
// that change nothing, contradictions reported, and the run's summary.
#include "collection_fixture.hpp"

namespace caisse::host::collection {
namespace {

const Month kJan{2026, 1};
const Month kFeb{2026, 2};

std::string e2e(const std::string& household, Month month = kJan) {
  return end_to_end_id("nantes-ouest", month, household);
}

class collection_payment_events : public CollectionTest {
 protected:
  // Four households debited in January (10, 20, 30, 40 EUR), the run submitted.
  void SetUp() override {
    CollectionTest::SetUp();
    households(
        "H-001,1,0,self,2025-12-01,\nH-002,1,0,self,2025-12-01,\n"
        "H-003,1,0,self,2025-12-01,\nH-004,1,0,self,2025-12-01,\n");
    contributions(
        "H-001,10.00,sepa_debit,0,2026-01\nH-002,20.00,sepa_debit,0,2026-01\n"
        "H-003,30.00,sepa_debit,0,2026-01\nH-004,40.00,sepa_debit,0,2026-01\n");
    mandates("RUM-001,H-001,A B," + french_iban(1) + ",,2025-12-10\n" + "RUM-002,H-002,C D," +
             french_iban(2) + ",,2025-12-10\n" + "RUM-003,H-003,E F," + french_iban(3) +
             ",,2025-12-10\n" + "RUM-004,H-004,G H," + french_iban(4) + ",,2025-12-10\n");
    draft(kJan, on(2026, 1, 5));
    EXPECT_TRUE(mark_file_written(db(), caisse(), kJan));
    EXPECT_TRUE(mark_submitted(db(), caisse(), kJan));
  }

  DebitState state_of(const std::string& end_to_end) {
    auto found = find_debit(db(), caisse(), end_to_end);
    if (!found || !*found) throw std::runtime_error("no debit " + end_to_end);
    return (*found)->debit.state;
  }

  // The pain.002 of January: one reject of each kind.
  std::vector<PaymentEvent> january_rejects() {
    return {event("RPT-1/1", e2e("H-001"), PaymentState::failed, "AC04"),
            event("RPT-1/2", e2e("H-002"), PaymentState::failed, "MD01"),
            event("RPT-1/3", e2e("H-003"), PaymentState::failed, "AM04"),
            event("RPT-1/4", e2e("H-004"), PaymentState::failed, "MS02")};
  }
};

TEST_F(collection_payment_events, SubmittingMovesTheRunAndItsDebits) {
  const collection::Run run = load_run(db(), caisse(), kJan).value().value();
  EXPECT_EQ(run.state, RunState::submitted);
  for (const Debit& d : run.batch.debits) EXPECT_EQ(d.state, DebitState::submitted);
}

TEST_F(collection_payment_events, TheFourReasonCodesActOnTheMandate) {
  const auto applied = apply(january_rejects());
  ASSERT_EQ(applied.size(), 4u);
  for (const auto& a : applied) EXPECT_EQ(a.outcome, EventOutcome::applied) << a.message;
  EXPECT_EQ(applied[0].message,
            "debit nantes-ouest-202601-H-001: submitted -> rejected, AC04 account closed / compte "
            "clôturé; mandate \"RUM-001\" now needs_bank_details");
  EXPECT_EQ(applied[2].message,
            "debit nantes-ouest-202601-H-003: submitted -> rejected, AM04 insufficient funds / "
            "provision insuffisante; may be presented again in a later run");
  EXPECT_EQ(mandate("H-001").status, MandateStatus::needs_bank_details);
  EXPECT_EQ(mandate("H-001").status_reason, "AC04");
  EXPECT_EQ(mandate("H-002").status, MandateStatus::revoked);
  EXPECT_EQ(mandate("H-003").status, MandateStatus::active);
  EXPECT_EQ(mandate("H-004").status, MandateStatus::on_hold);
  for (const char* h : {"H-001", "H-002", "H-003", "H-004"}) {
    EXPECT_EQ(state_of(e2e(h)), DebitState::rejected);
    // The rejected FRST never reached the debtor's bank: the next one is FRST again.
    EXPECT_FALSE(mandate(h).first_collection_done);
  }

  // February: only the AM04 household is collected; the others are problems saying why.
  const DraftedRun feb = draft(kFeb, on(2026, 2, 5));
  ASSERT_EQ(feb.run.batch.debits.size(), 1u);
  EXPECT_EQ(feb.run.batch.debits[0].household_id, "H-003");
  EXPECT_EQ(feb.run.batch.debits[0].sequence, SequenceType::first);
  ASSERT_EQ(feb.problems.size(), 3u);
  EXPECT_EQ(feb.problems[0].message,
            "mandate \"RUM-001\" needs new bank details (AC04): import the member's new IBAN");
  EXPECT_EQ(feb.problems[1].message,
            "mandate \"RUM-002\" is revoked (MD01): the member must sign a new mandate");
  EXPECT_EQ(feb.problems[2].message,
            "mandate \"RUM-004\" is on hold (MS02): reinstate it once the member agrees to be "
            "debited");
}

TEST_F(collection_payment_events, ANewIbanAfterAc04MakesTheMandateCollectableAsAnAmendment) {
  apply(january_rejects());
  mandates("RUM-001,H-001,A B," + french_iban(101) + ",,2025-12-10\n");
  EXPECT_EQ(mandate("H-001").status, MandateStatus::active);
  const DraftedRun feb = draft(kFeb, on(2026, 2, 5));
  ASSERT_EQ(feb.run.batch.debits[0].household_id, "H-001");
  EXPECT_EQ(feb.run.batch.debits[0].amended_debtor_iban, french_iban(1));
}

TEST_F(collection_payment_events, ALateRejectLeavesTheNewBankDetailsAlone) {
  mandates("RUM-001,H-001,A B," + french_iban(101) + ",,2025-12-10\n");
  const auto applied = apply({event("RPT-9/1", e2e("H-001"), PaymentState::failed, "AC04")});
  EXPECT_EQ(applied[0].message,
            "debit nantes-ouest-202601-H-001: submitted -> rejected, AC04 account closed / compte "
            "clôturé; the household's mandate changed since, left as it is");
  EXPECT_EQ(mandate("H-001").status, MandateStatus::active);
}

TEST_F(collection_payment_events, TheSameReportTwiceChangesNothing) {
  apply(january_rejects());
  const std::string before = snapshot();
  const auto again = apply(january_rejects());
  for (const auto& a : again) EXPECT_EQ(a.outcome, EventOutcome::duplicate);
  EXPECT_EQ(again[0].message,
            "event \"RPT-1/1\" was applied before (applied: debit nantes-ouest-202601-H-001: "
            "submitted -> rejected, AC04 account closed / compte clôturé; mandate \"RUM-001\" now "
            "needs_bank_details)");
  EXPECT_EQ(snapshot(), before);
  // The same news under another id (a camt return of the same reject) is old news.
  const auto other = apply({event("CAMT-7", e2e("H-002"), PaymentState::failed, "MD01")});
  EXPECT_EQ(other[0].outcome, EventOutcome::unchanged);
  EXPECT_EQ(mandate("H-002").status, MandateStatus::revoked);
}

TEST_F(collection_payment_events, PaidThenReturnedKeepsTheMandateForAnMd06Refund) {
  auto paid = event("STMT-1", e2e("H-001"), PaymentState::paid);
  paid.amount = {1000, "EUR"};
  EXPECT_EQ(apply({paid})[0].outcome, EventOutcome::applied);
  EXPECT_EQ(state_of(e2e("H-001")), DebitState::paid);
  EXPECT_TRUE(mandate("H-001").first_collection_done);
  EXPECT_EQ(apply({event("STMT-2", e2e("H-001"), PaymentState::refunded, "MD06")})[0].outcome,
            EventOutcome::applied);
  EXPECT_EQ(state_of(e2e("H-001")), DebitState::returned);
  EXPECT_EQ(mandate("H-001").status, MandateStatus::active);
  // A return after settlement reached the debtor's bank: the next one is RCUR.
  EXPECT_TRUE(mandate("H-001").first_collection_done);
}

TEST_F(collection_payment_events, ContradictionsAndUnknownDebitsChangeNothing) {
  apply({event("STMT-1", e2e("H-001"), PaymentState::paid)});
  auto wrong_amount = event("STMT-2", e2e("H-002"), PaymentState::paid);
  wrong_amount.amount = {1999, "EUR"};
  const auto applied =
      apply({event("RPT-2/1", e2e("H-001"), PaymentState::failed, "AC04"), wrong_amount,
             event("RPT-2/2", "nantes-ouest-202601-H-999", PaymentState::failed, "AC04"),
             event("", e2e("H-003"), PaymentState::failed, "AC04")});
  EXPECT_EQ(applied[0].outcome, EventOutcome::conflict);
  EXPECT_EQ(applied[0].message, "debit nantes-ouest-202601-H-001: paid, the event says failed");
  EXPECT_EQ(applied[1].outcome, EventOutcome::conflict);
  EXPECT_EQ(applied[1].message,
            "debit nantes-ouest-202601-H-002: the event says 19.99 EUR, the debit is 20.00 EUR");
  EXPECT_EQ(applied[2].outcome, EventOutcome::unknown_debit);
  EXPECT_EQ(applied[2].message,
            "no debit of caisse nantes-ouest has EndToEndId \"nantes-ouest-202601-H-999\"");
  EXPECT_EQ(applied[3].outcome, EventOutcome::conflict);
  EXPECT_EQ(state_of(e2e("H-001")), DebitState::paid);
  EXPECT_EQ(state_of(e2e("H-002")), DebitState::submitted);
  EXPECT_EQ(state_of(e2e("H-003")), DebitState::submitted);
  EXPECT_EQ(mandate("H-001").status, MandateStatus::active);
}

TEST_F(collection_payment_events, AnAmendmentCarriedByARejectedDebitIsToldAgain) {
  mandates("RUM-003-B,H-003,E F," + french_iban(3) + ",,2025-12-10\n");
  const DraftedRun feb = draft(kFeb, on(2026, 2, 5));
  EXPECT_EQ(feb.run.batch.debits[2].amended_mandate_id, "RUM-003");
  apply({event("RPT-3/1", e2e("H-003", kFeb), PaymentState::failed, "AM04")});
  const DraftedRun mar = draft(Month{2026, 3}, on(2026, 3, 5));
  EXPECT_EQ(mar.run.batch.debits[2].household_id, "H-003");
  EXPECT_EQ(mar.run.batch.debits[2].amended_mandate_id, "RUM-003");
  const DraftedRun apr = draft(Month{2026, 4}, on(2026, 4, 5));
  EXPECT_EQ(apr.run.batch.debits[2].amended_mandate_id, "");
}

TEST_F(collection_payment_events, TheSummaryCountsAndSumsByStateWithReasonWords) {
  apply({event("RPT-1/1", e2e("H-001"), PaymentState::failed, "AC04"),
         event("STMT-1", e2e("H-002"), PaymentState::paid),
         event("STMT-2", e2e("H-003"), PaymentState::paid),
         event("STMT-3", e2e("H-003"), PaymentState::refunded, "MD06")});
  const RunSummary s = run_summary(db(), caisse(), kJan).value().value();
  EXPECT_EQ(s.state, RunState::submitted);
  EXPECT_EQ(s.message_id, "nantes-ouest-202601-SDD");
  EXPECT_EQ(s.debits, 4);
  EXPECT_EQ(s.amount_minor, 10000);
  auto total = [&](DebitState state) {
    for (const auto& t : s.by_state) {
      if (t.state == state) return std::make_pair(t.count, t.amount_minor);
    }
    return std::make_pair(std::int64_t{-1}, std::int64_t{-1});
  };
  EXPECT_EQ(total(DebitState::to_collect), std::make_pair(std::int64_t{0}, std::int64_t{0}));
  EXPECT_EQ(total(DebitState::submitted), std::make_pair(std::int64_t{1}, std::int64_t{4000}));
  EXPECT_EQ(total(DebitState::paid), std::make_pair(std::int64_t{1}, std::int64_t{2000}));
  EXPECT_EQ(total(DebitState::rejected), std::make_pair(std::int64_t{1}, std::int64_t{1000}));
  EXPECT_EQ(total(DebitState::returned), std::make_pair(std::int64_t{1}, std::int64_t{3000}));
  ASSERT_EQ(s.unpaid.size(), 2u);
  EXPECT_EQ(s.unpaid[0].household_id, "H-001");
  EXPECT_EQ(s.unpaid[0].reason_code, "AC04");
  EXPECT_EQ(s.unpaid[0].reason_en, "account closed");
  EXPECT_EQ(s.unpaid[0].reason_fr, "compte clôturé");
  EXPECT_EQ(s.unpaid[1].state, DebitState::returned);
  EXPECT_EQ(s.unpaid[1].reason_fr, "remboursement demandé par le membre");
  EXPECT_FALSE(run_summary(db(), caisse(), kFeb).value());
}

TEST_F(collection_payment_events, ReconciliationFindsADebitByEndToEndIdOrMandate) {
  draft(kFeb, on(2026, 2, 5));
  const auto found = find_debit(db(), caisse(), e2e("H-002")).value();
  ASSERT_TRUE(found);
  EXPECT_EQ(found->month, kJan);
  EXPECT_EQ(found->debit.amount.minor, 2000);
  const auto by_mandate = debits_of_mandate(db(), caisse(), "RUM-002").value();
  ASSERT_EQ(by_mandate.size(), 2u);
  EXPECT_EQ(by_mandate[0].month, kFeb);
  EXPECT_EQ(by_mandate[1].debit.end_to_end_id, e2e("H-002"));
  EXPECT_FALSE(find_debit(db(), caisse(), "nope").value());
}

TEST(collection_payment_transitions, FollowTheDebitsLife) {
  using D = DebitState;
  using P = PaymentState;
  EXPECT_EQ(transition(D::to_collect, P::pending).to, D::submitted);
  EXPECT_FALSE(transition(D::paid, P::pending).to);
  EXPECT_EQ(transition(D::submitted, P::paid).to, D::paid);
  EXPECT_EQ(transition(D::rejected, P::paid).outcome, EventOutcome::conflict);
  EXPECT_EQ(transition(D::submitted, P::failed).to, D::rejected);
  EXPECT_EQ(transition(D::rejected, P::failed).outcome, EventOutcome::unchanged);
  EXPECT_EQ(transition(D::paid, P::failed).outcome, EventOutcome::conflict);
  EXPECT_EQ(transition(D::paid, P::refunded).to, D::returned);
  EXPECT_EQ(transition(D::returned, P::refunded).outcome, EventOutcome::unchanged);
  EXPECT_EQ(transition(D::rejected, P::refunded).outcome, EventOutcome::conflict);
}

}  // namespace
}  // namespace caisse::host::collection
