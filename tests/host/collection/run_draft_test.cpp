// Drafting a month's run: who is debited, with which sequence type and amendment, ids fixed
// once, problems listed, and a 350-household month.
#include <set>

#include "collection_fixture.hpp"

namespace caisse::host::collection {
namespace {

const Month kJan{2026, 1};
const Month kFeb{2026, 2};
const Month kMar{2026, 3};
const Month kApr{2026, 4};

class collection_run_draft : public CollectionTest {
 protected:
  void SetUp() override {
    CollectionTest::SetUp();
    households("H-001,1,0,self,2025-12-01,\nH-002,2,1,ccas,2025-12-01,\n");
    contributions("H-001,15.00,sepa_debit,0,2026-01\nH-002,7.50,sepa_debit,0,2026-01\n");
    mandates("RUM-001,H-001,Camille Martin," + std::string(kIbanA) + ",AGRIFRPP882,2025-12-10\n" +
             "RUM-002,H-002,Léa Dupont," + kIbanB + ",,2025-12-12\n");
  }

  // The debit of `household` in the drafted run.
  static const Debit& debit_of(const DraftedRun& run, const std::string& household) {
    for (const auto& d : run.run.batch.debits) {
      if (d.household_id == household) return d;
    }
    throw std::runtime_error("no debit for " + household);
  }

  static std::string sequences(const DraftedRun& run) {
    std::string out;
    for (const auto& d : run.run.batch.debits) {
      out += (out.empty() ? "" : " ") + d.household_id + "=" + std::string(sepa_code(d.sequence));
    }
    return out;
  }
};

TEST_F(collection_run_draft, ADebitCarriesWhatThePain008LineNeeds) {
  const DraftedRun jan = draft(kJan, on(2026, 1, 5));
  EXPECT_EQ(jan.added, 2u);
  EXPECT_TRUE(jan.problems.empty());
  EXPECT_EQ(jan.run.collector, "sepa");
  EXPECT_EQ(jan.run.state, RunState::drafted);
  EXPECT_EQ(jan.run.batch.message_id, "nantes-ouest-202601-SDD");
  EXPECT_EQ(jan.run.batch.created_at, "2026-11-24T10:00:00");
  EXPECT_EQ(jan.run.batch.collection_date, "2026-01-05");
  ASSERT_EQ(jan.run.batch.debits.size(), 2u);
  const Debit& d = jan.run.batch.debits[0];
  EXPECT_EQ(d.household_id, "H-001");
  EXPECT_EQ(d.end_to_end_id, "nantes-ouest-202601-H-001");
  EXPECT_EQ(d.mandate_id, "RUM-001");
  EXPECT_EQ(d.mandate_signed_on, "2025-12-10");
  EXPECT_EQ(d.sequence, SequenceType::first);
  EXPECT_EQ(d.debtor_name, "Camille Martin");
  EXPECT_EQ(d.debtor_iban, kIbanA);
  EXPECT_EQ(d.debtor_bic, "AGRIFRPP882");
  EXPECT_EQ(d.amount.minor, 1500);
  EXPECT_EQ(d.amount.currency, "EUR");
  EXPECT_EQ(d.remittance, "Cotisation caisse alimentaire 2026-01");
  EXPECT_EQ(d.amended_mandate_id, "");
  EXPECT_EQ(d.amended_debtor_iban, "");
  EXPECT_EQ(d.state, DebitState::to_collect);
  EXPECT_EQ(jan.run.batch.debits[1].amount.minor, 750);
  EXPECT_EQ(jan.run.batch.debits[1].debtor_bic, "");
}

TEST_F(collection_run_draft, SequenceTypesOverAMandatesLifeWithAnAmendmentReportedOnce) {
  EXPECT_EQ(sequences(draft(kJan, on(2026, 1, 5))), "H-001=FRST H-002=FRST");
  EXPECT_EQ(sequences(draft(kFeb, on(2026, 2, 5))), "H-001=RCUR H-002=RCUR");
  // H-001 moves to another bank (SMNDA), H-002's reference is renamed.
  mandates("RUM-001,H-001,Camille Martin," + std::string(kIbanC) + ",,2025-12-10\n" +
           "RUM-002-B,H-002,Léa Dupont," + kIbanB + ",,2025-12-12\n");
  const DraftedRun mar = draft(kMar, on(2026, 3, 5));
  // The 2016 rulebook: RCUR after an amendment, even to another bank.
  EXPECT_EQ(sequences(mar), "H-001=RCUR H-002=RCUR");
  EXPECT_EQ(debit_of(mar, "H-001").debtor_iban, kIbanC);
  EXPECT_EQ(debit_of(mar, "H-001").amended_debtor_iban, kIbanA);
  EXPECT_EQ(debit_of(mar, "H-001").amended_mandate_id, "");
  EXPECT_EQ(debit_of(mar, "H-002").mandate_id, "RUM-002-B");
  EXPECT_EQ(debit_of(mar, "H-002").amended_mandate_id, "RUM-002");
  EXPECT_EQ(debit_of(mar, "H-002").amended_debtor_iban, "");
  // Told once: April carries nothing.
  const DraftedRun apr = draft(kApr, on(2026, 4, 5));
  EXPECT_EQ(debit_of(apr, "H-001").amended_debtor_iban, "");
  EXPECT_EQ(debit_of(apr, "H-002").amended_mandate_id, "");
}

TEST_F(collection_run_draft, TwoAmendmentsBeforeADebitReportWhatTheBankKnows) {
  draft(kJan, on(2026, 1, 5));
  mandates("RUM-001,H-001,Camille Martin," + std::string(kIbanB) + ",,2025-12-10\n");
  mandates("RUM-001,H-001,Camille Martin," + std::string(kIbanC) + ",,2025-12-10\n");
  EXPECT_EQ(debit_of(draft(kFeb, on(2026, 2, 5)), "H-001").amended_debtor_iban, kIbanA);
}

TEST_F(collection_run_draft, DraftingTheSameMonthAgainGivesTheSameDebitsAndAddsNewcomers) {
  households("H-003,1,0,self,2025-12-01,\n");
  contributions("H-003,20.00,sepa_debit,0,2026-01\n");
  const DraftedRun first = draft(kJan, on(2026, 1, 5));
  ASSERT_EQ(first.problems.size(), 1u);
  EXPECT_EQ(first.problems[0].household_id, "H-003");
  EXPECT_EQ(first.problems[0].message,
            "household \"H-003\" pays by sepa_debit and has no mandate: import one "
            "(mandates.csv)");
  mandates("RUM-003,H-003,Jo Petit," + std::string(kIbanC) + ",,2025-12-20\n");
  const DraftedRun second = draft(kJan, on(2026, 1, 5));
  EXPECT_EQ(second.added, 1u);
  EXPECT_TRUE(second.problems.empty());
  ASSERT_EQ(second.run.batch.debits.size(), 3u);
  EXPECT_EQ(second.run.batch.debits[0].end_to_end_id, first.run.batch.debits[0].end_to_end_id);
  EXPECT_EQ(second.run.batch.debits[0].sequence, SequenceType::first);
  EXPECT_EQ(sepa_code(second.run.batch.debits[2].sequence), "FRST");
  const std::string before = snapshot();
  const DraftedRun third = draft(kJan, on(2026, 1, 5));
  EXPECT_EQ(third.added, 0u);
  EXPECT_EQ(snapshot(), before);
}

TEST_F(collection_run_draft, AWrittenRunIsFrozenAndSaysWhoIsLeftOut) {
  households("H-003,1,0,self,2025-12-01,\n");
  contributions("H-003,20.00,sepa_debit,0,2026-01\n");
  draft(kJan, on(2026, 1, 5));
  ASSERT_EQ(mark_file_written(db(), caisse(), kJan).value().state, RunState::file_written);
  mandates("RUM-003,H-003,Jo Petit," + std::string(kIbanC) + ",,2025-12-20\n");
  const DraftedRun again = draft(kJan, on(2026, 1, 5));
  EXPECT_EQ(again.added, 0u);
  EXPECT_EQ(again.run.batch.debits.size(), 2u);
  ASSERT_EQ(again.problems.size(), 1u);
  EXPECT_EQ(again.problems[0].message,
            "household \"H-003\" is not in the run of 2026-01, whose file is already written: "
            "collect this month by other means");
  EXPECT_FALSE(mandate("H-003").first_collection_done);
}

TEST_F(collection_run_draft, AnotherCollectorOrDateForAMonthIsRefused) {
  draft(kJan, on(2026, 1, 5));
  DraftRequest request;
  request.month = kJan;
  request.collection_date = on(2026, 1, 5);
  request.collector = "sepa-bank2";
  auto refused = draft_run(db(), caisse(), request);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::conflict);
  EXPECT_EQ(refused.error().message,
            "the direct-debit run of 2026-01 of caisse nantes-ouest is drafted for collector sepa "
            "and collection on 2026-01-05, not for sepa-bank2 on 2026-01-05");
}

TEST_F(collection_run_draft, OnlyHouseholdsPayingAboveZeroBySepaWhileActiveAreDebited) {
  households(
      "H-003,1,0,self,2025-12-01,2026-01-31\nH-004,1,0,self,2025-12-01,\n"
      "H-005,1,0,self,2025-12-01,\n");
  contributions(
      "H-003,9.00,sepa_debit,0,2026-01\nH-004,0,sepa_debit,0,2026-01\n"
      "H-005,9.00,card,0,2026-01\nH-001,15.00,transfer,0,2026-02\n");
  mandates("RUM-003,H-003,A B," + std::string(kIbanC) + ",,2025-12-20\n" + "RUM-004,H-004,C D," +
           french_iban(4) + ",,2025-12-20\n" + "RUM-005,H-005,E F," + french_iban(5) +
           ",,2025-12-20\n");
  EXPECT_EQ(sequences(draft(kJan, on(2026, 1, 5))), "H-001=FRST H-002=FRST H-003=FRST");
  // February: H-001 pays by transfer now, H-003 left at the end of January.
  EXPECT_EQ(sequences(draft(kFeb, on(2026, 2, 5))), "H-002=RCUR");
}

TEST_F(collection_run_draft, AMandateUnusedForThirtySixMonthsLapses) {
  households("H-003,1,0,self,2022-11-01,\nH-004,1,0,self,2022-11-01,\n");
  // H-003 last collected 2022-12-05, H-004 2023-01-06; both pay in cash in between.
  contributions(
      "H-003,5.00,sepa_debit,0,2022-12\nH-003,5.00,cash,0,2023-01\n"
      "H-003,5.00,sepa_debit,0,2026-01\n"
      "H-004,5.00,sepa_debit,0,2023-01\nH-004,5.00,cash,0,2023-02\n"
      "H-004,5.00,sepa_debit,0,2026-01\n");
  mandates("RUM-003,H-003,A B," + std::string(kIbanC) + ",,2022-11-20\n" + "RUM-004,H-004,C D," +
           french_iban(4) + ",,2022-11-20\n");
  draft(Month{2022, 12}, on(2022, 12, 5));
  draft(Month{2023, 1}, on(2023, 1, 6));
  const DraftedRun jan = draft(kJan, on(2026, 1, 5));
  EXPECT_EQ(sequences(jan), "H-001=FRST H-002=FRST H-004=RCUR");
  ASSERT_EQ(jan.problems.size(), 1u);
  EXPECT_EQ(jan.problems[0].household_id, "H-003");
  EXPECT_EQ(jan.problems[0].message,
            "mandate \"RUM-003\" lapsed on 2025-12-05: no collection since 2022-12-05 (a mandate "
            "unused for 36 months is void); the member must sign a new mandate");
  EXPECT_EQ(mandate("H-003").status, MandateStatus::lapsed);
  EXPECT_EQ(mandate("H-004").last_collected_on, on(2026, 1, 5));
}

TEST_F(collection_run_draft, AnIdTooLongForSepaIsHashedTo35) {
  const std::string id = "household_with_a_long_id-0001";
  households(id + ",1,0,self,2025-12-01,\n");
  contributions(id + ",3.00,sepa_debit,0,2026-01\n");
  mandates("RUM-L1," + id + ",A B," + std::string(kIbanC) + ",,2025-12-20\n");
  const std::string e2e = debit_of(draft(kJan, on(2026, 1, 5)), id).end_to_end_id;
  EXPECT_EQ(e2e.size(), 35u);
  EXPECT_EQ(e2e.substr(0, 22), "nantes-ouest-202601-h-");
}

// A caisse with nothing but the 350 households below.
using collection_run_month = CollectionTest;

// 350 households: 7 pay by card (every 50th), 3 pay 0 (every 97th), 9 have no mandate
// (H-0341..H-0349): 331 debits.
TEST_F(collection_run_month, AMonthOf350HouseholdsHasUniqueIdsAndExactSums) {
  std::string household_rows;
  std::string contribution_rows;
  std::string mandate_rows;
  std::int64_t expected_sum = 0;
  std::size_t expected_debits = 0;
  std::set<std::string> without_mandate;
  for (int i = 1; i <= 350; ++i) {
    char id[8];
    std::snprintf(id, sizeof id, "H-%04d", i);
    const std::int64_t cents = i % 97 == 0 ? 0 : 100 + (i * 37) % 5000;
    const bool card = i % 50 == 0;
    household_rows += std::string(id) + ",1,0,self,2025-12-01,\n";
    contribution_rows += std::string(id) + "," + euros(cents) + "," +
                         (card ? "card" : "sepa_debit") + ",0,2026-01\n";
    const bool mandate = !(i > 340 && i < 350);
    if (mandate) {
      mandate_rows += "RUM-" + std::string(id) + "," + id + ",Member " + std::to_string(i) + "," +
                      french_iban(i) + ",,2025-12-15\n";
    } else {
      without_mandate.insert(id);
    }
    if (!card && cents > 0 && mandate) {
      expected_sum += cents;
      ++expected_debits;
    }
  }
  households(household_rows);
  contributions(contribution_rows);
  ASSERT_EQ(mandates(mandate_rows).inserted, 341u);

  const DraftedRun run = draft(kJan, on(2026, 1, 5));
  EXPECT_EQ(expected_debits, 331u);
  ASSERT_EQ(run.run.batch.debits.size(), expected_debits);
  std::set<std::string> ids;
  std::int64_t sum = 0;
  for (const Debit& d : run.run.batch.debits) {
    EXPECT_LE(d.end_to_end_id.size(), 35u);
    ids.insert(d.end_to_end_id);
    sum += d.amount.minor;
    EXPECT_EQ(d.sequence, SequenceType::first);
  }
  EXPECT_EQ(ids.size(), expected_debits);
  EXPECT_EQ(sum, expected_sum);
  std::set<std::string> problems;
  for (const auto& p : run.problems) problems.insert(p.household_id);
  EXPECT_EQ(problems, without_mandate);

  const DraftedRun again = draft(kJan, on(2026, 1, 5));
  EXPECT_EQ(again.added, 0u);
  ASSERT_EQ(again.run.batch.debits.size(), run.run.batch.debits.size());
  for (std::size_t i = 0; i < run.run.batch.debits.size(); ++i) {
    const Debit& a = run.run.batch.debits[i];
    const Debit& b = again.run.batch.debits[i];
    EXPECT_EQ(std::tie(a.end_to_end_id, a.mandate_id, a.debtor_iban, a.amount.minor, a.remittance),
              std::tie(b.end_to_end_id, b.mandate_id, b.debtor_iban, b.amount.minor, b.remittance));
    EXPECT_EQ(a.sequence, b.sequence);
  }
  EXPECT_EQ(again.run.batch.message_id, run.run.batch.message_id);
  // What the collector plugin receives: the same debits, in the same order.
  const plugins::DebitBatch batch = for_collector(again.run.batch);
  ASSERT_EQ(batch.debits.size(), expected_debits);
  EXPECT_EQ(batch.debits.back().end_to_end_id, run.run.batch.debits.back().end_to_end_id);
  EXPECT_EQ(batch.message_id, "nantes-ouest-202601-SDD");
  EXPECT_EQ(again.run.batch.created_at, run.run.batch.created_at);
}

}  // namespace
}  // namespace caisse::host::collection
