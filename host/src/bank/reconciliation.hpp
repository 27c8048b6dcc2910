// Books what a matched statement line means (bank/line_matching.hpp decides the match):
// receipts for debits paid, co-funding and transfers, the reversal of a debit's receipt when it
// comes back, and the debit's new state. Runs inside the import's transaction.
#pragma once

#include <cstdint>
#include <string>

#include "bank/expected_money.hpp"
#include "bank/line_matching.hpp"
#include "bank/statement_store.hpp"
#include "config/caisse_file.hpp"
#include "core/result.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::bank {

// The receipt reference a direct debit is booked under once paid: "sepa/<end_to_end_id>".
std::string debit_receipt_reference(std::string_view end_to_end_id);

// The receipt reference any other line is booked under: "bank/" and the start of the digest of
// its line key (receipt references allow fewer characters than a bank reference may hold).
std::string line_receipt_reference(const std::string& line_key);

// Applies `match` to line `line_id` and returns what was decided for the line. `expected` is
// updated (a debit paid is no longer open), so that later lines of the same import see it.
Result<LineDecision> apply_match(store::PgConnection& db, const config::CaisseConfig& caisse,
                                 const StatementLine& line, const LineMatch& match,
                                 ExpectedMoney& expected);

}  // namespace caisse::host::bank
