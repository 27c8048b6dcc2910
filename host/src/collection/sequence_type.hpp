// Which sequence type a debit carries (pain.008 SeqTp), and whether a mandate may be collected
// at all on a date. Pure functions: no database, no clock.
//
// The rule follows the EPC SDD Core rulebook as in force since November 2016 (payments.md §1.3):
//   * a recurrent mandate's first collection is FRST, every later one RCUR. The 2016 rulebook
//     also accepts RCUR first, but FRST is accepted by every bank, old profile or new, so the
//     host sends it; a FRST rejected before settlement makes the next one FRST again.
//   * after an amendment, even to an account at another bank (SMNDA), the next collection is
//     RCUR: the 2016 rulebook dropped the FRST that change of bank used to require. The
//     amendment itself travels in the debit (AmdmntInd, OrgnlDbtrAcct).
//   * a one-off mandate is collected once, as OOFF.
//   * a mandate with no collection presented for 36 months is void (caduc, Banque de France),
//     counted from the due date of the last collection presented, even one rejected or
//     returned, or from the signature when it was never collected.
#pragma once

#include <string_view>

#include "collection/mandate.hpp"
#include "core/result.hpp"
#include "csv/iso_date.hpp"
#include "plugins/payment_values.hpp"

namespace caisse::host::collection {

// The host's value of caisse_sequence_type_t, which a collector plugin's write_debits receives.
using SequenceType = plugins::SequenceType;

// "FRST", "RCUR", "OOFF", "FNAL".
std::string_view sepa_code(SequenceType type);
Result<SequenceType> parse_sepa_code(std::string_view code);

constexpr int kLapseMonths = 36;

// `date` plus `months` calendar months; a day the target month lacks (31, 29 February) becomes
// its last day.
csv::Date plus_months(csv::Date date, int months);

// The first day `mandate` is void if nothing is collected before: kLapseMonths after its last
// collection, or after its signature when it was never collected.
csv::Date lapses_on(const Mandate& mandate);

// The sequence type of a collection of `mandate` due on `collection_date`, or why it cannot be
// collected (ErrorKind::conflict), naming the mandate:
//   mandate "RUM-1" lapsed on 2026-01-05: no collection since 2023-01-05 (a mandate unused for
//   36 months is void); the member must sign a new mandate
// Refused: a revoked or lapsed mandate, one that reaches its lapse date by `collection_date`,
// one waiting for bank details or on hold, one signed after `collection_date`, a one-off
// mandate already collected.
Result<SequenceType> sequence_for(const Mandate& mandate, csv::Date collection_date);

}  // namespace caisse::host::collection
