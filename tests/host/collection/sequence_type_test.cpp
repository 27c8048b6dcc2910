// The sequence-type rule and the 36-month lapse, on mandates built by hand.
#include "collection/sequence_type.hpp"

#include <gtest/gtest.h>

namespace caisse::host::collection {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

csv::Date on(int y, unsigned m, unsigned d) {
  return csv::Date{year{y}, month{m}, day{d}};
}

Mandate signed_on(csv::Date date) {
  Mandate m;
  m.household_id = "H-001";
  m.mandate_id = "RUM-1";
  m.debtor_name = "Camille Martin";
  m.iban = "FR7630006000011234567890189";
  m.signed_on = date;
  return m;
}

// The mandate after a collection due on `date` was presented.
void collected(Mandate& m, csv::Date date) {
  m.first_collection_done = true;
  m.last_collected_on = date;
}

std::string refusal(const Mandate& m, csv::Date date) {
  auto sequence = sequence_for(m, date);
  if (sequence) return "collectable as " + std::string(sepa_code(*sequence));
  EXPECT_EQ(sequence.error().kind, ErrorKind::conflict);
  return sequence.error().message;
}

TEST(collection_sequence_type, FirstCollectionIsFrstThenRcur) {
  Mandate m = signed_on(on(2026, 1, 10));
  EXPECT_EQ(sequence_for(m, on(2026, 2, 5)).value(), SequenceType::first);
  collected(m, on(2026, 2, 5));
  EXPECT_EQ(sequence_for(m, on(2026, 3, 5)).value(), SequenceType::recurring);
  collected(m, on(2026, 3, 5));
  EXPECT_EQ(sequence_for(m, on(2026, 4, 5)).value(), SequenceType::recurring);
}

TEST(collection_sequence_type, OneOffIsOoffOnceOnly) {
  Mandate m = signed_on(on(2026, 1, 10));
  m.kind = MandateKind::one_off;
  EXPECT_EQ(sequence_for(m, on(2026, 2, 5)).value(), SequenceType::one_off);
  collected(m, on(2026, 2, 5));
  EXPECT_EQ(refusal(m, on(2026, 3, 5)),
            "mandate \"RUM-1\" is a one-off mandate, already collected on 2026-02-05");
}

TEST(collection_sequence_type, SepaCodesRoundTrip) {
  for (auto type :
       {SequenceType::first, SequenceType::recurring, SequenceType::one_off, SequenceType::final}) {
    EXPECT_EQ(parse_sepa_code(sepa_code(type)).value(), type);
  }
  EXPECT_EQ(sepa_code(SequenceType::first), "FRST");
  EXPECT_EQ(sepa_code(SequenceType::final), "FNAL");
  EXPECT_FALSE(parse_sepa_code("RPRE"));
}

TEST(collection_sequence_type, PlusMonthsKeepsTheDayOrTakesTheMonthsLast) {
  EXPECT_EQ(plus_months(on(2023, 1, 5), 36), on(2026, 1, 5));
  EXPECT_EQ(plus_months(on(2024, 2, 29), 36), on(2027, 2, 28));
  EXPECT_EQ(plus_months(on(2023, 1, 31), 1), on(2023, 2, 28));
  EXPECT_EQ(plus_months(on(2025, 11, 30), 3), on(2026, 2, 28));
}

// `m` is collectable the day before `day` and lapsed on it, the refusal saying `since`.
void expect_lapse_on(const Mandate& m, csv::Date day, const std::string& since) {
  EXPECT_EQ(lapses_on(m), day);
  EXPECT_TRUE(sequence_for(m, csv::Date(std::chrono::sys_days(day) - std::chrono::days(1))));
  EXPECT_EQ(refusal(m, day), "mandate \"RUM-1\" lapsed on " + csv::format_date(day) + ": " + since +
                                 " (a mandate unused for 36 months is void); the member must "
                                 "sign a new mandate");
}

TEST(collection_sequence_type, UnusedForThirtySixMonthsIsLapsed) {
  Mandate m = signed_on(on(2022, 6, 1));
  collected(m, on(2023, 1, 5));
  expect_lapse_on(m, on(2026, 1, 5), "no collection since 2023-01-05");
  EXPECT_EQ(sequence_for(m, on(2026, 1, 4)).value(), SequenceType::recurring);
}

TEST(collection_sequence_type, NeverCollectedLapsesThirtySixMonthsAfterSignature) {
  expect_lapse_on(signed_on(on(2022, 3, 31)), on(2025, 3, 31),
                  "signed on 2022-03-31 and never collected");
}

TEST(collection_sequence_type, StatusesOtherThanActiveAreRefusedWithTheirReason) {
  Mandate m = signed_on(on(2026, 1, 10));
  m.status = MandateStatus::revoked;
  m.status_reason = "MD01";
  EXPECT_EQ(refusal(m, on(2026, 2, 5)),
            "mandate \"RUM-1\" is revoked (MD01): the member must sign a new mandate");
  m.status = MandateStatus::needs_bank_details;
  m.status_reason = "AC04";
  EXPECT_EQ(refusal(m, on(2026, 2, 5)),
            "mandate \"RUM-1\" needs new bank details (AC04): import the member's new IBAN");
  m.status = MandateStatus::on_hold;
  m.status_reason = "MS02";
  EXPECT_EQ(refusal(m, on(2026, 2, 5)),
            "mandate \"RUM-1\" is on hold (MS02): reinstate it once the member agrees to be "
            "debited");
  m.status = MandateStatus::lapsed;
  m.status_reason = "";
  EXPECT_EQ(refusal(m, on(2026, 2, 5)),
            "mandate \"RUM-1\" lapsed on 2029-01-10: signed on 2026-01-10 and never collected (a "
            "mandate unused for 36 months is void); the member must sign a new mandate");
}

TEST(collection_sequence_type, SignedAfterTheCollectionDateIsRefused) {
  Mandate m = signed_on(on(2026, 11, 10));
  EXPECT_EQ(refusal(m, on(2026, 11, 5)),
            "mandate \"RUM-1\" is signed on 2026-11-10, after the collection date 2026-11-05");
  EXPECT_EQ(sequence_for(m, on(2026, 11, 10)).value(), SequenceType::first);
}

}  // namespace
}  // namespace caisse::host::collection
