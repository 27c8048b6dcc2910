// Which expectation a bank statement line settles, decided from the line and the caisse's
// expectations alone (no database), so that the rules can be read and tested as they are:
//   1. money out carrying a return reason, or the EndToEndId of a debit already paid: that
//      debit came back (a return);
//   2. money in with the EndToEndId of a debit not yet paid, of the same amount: that debit;
//   3. money in naming a run's message id (remittance or bank reference) and equal to the sum
//      of the run's debits not yet paid nor rejected: the run's batch credit;
//   4. money in naming a funder (its id as a word, or its name): co-funding from that funder;
//   5. money in naming a household id as a word: a contribution by transfer;
//   6. anything else waits for an operator.
#pragma once

#include <string>
#include <vector>

#include "bank/expected_money.hpp"
#include "plugins/payment_values.hpp"

namespace caisse::host::bank {

enum class MatchKind { none, debit_paid, run_paid, debit_returned, grant, contribution };

struct LineMatch {
  MatchKind kind = MatchKind::none;
  std::vector<std::string> debits;  // end_to_end_ids, for the debit kinds
  std::string funder_id;
  std::string household_id;
  std::string rule;  // which rule matched ("end_to_end_id", "run message id"...)
};

LineMatch match_line(const plugins::StatementEntry& line, const ExpectedMoney& expected);

// The words of a free text, lower-cased: runs of letters, digits, '-' and '_'.
std::vector<std::string> words_of(std::string_view text);

}  // namespace caisse::host::bank
