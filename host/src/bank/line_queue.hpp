// The operator's side of reconciliation: the statement lines no rule matched, and what an
// operator says each one is (a household's contribution, a funder's co-funding, or not the
// caisse's business, such as bank fees). A decision is booked like a rule's, once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/caisse_file.hpp"
#include "core/result.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::bank {

struct QueuedLine {
  std::int64_t id = 0;
  std::string booking_date;
  std::int64_t amount_minor = 0;
  std::string currency;
  std::string counterparty_name;
  std::string remittance;
  std::string end_to_end_id;
  std::string return_reason;
  std::string location;
  std::string status;      // unmatched, matched, ignored
  std::string matched_as;  // what it was matched to, for the others
};

// The caisse's lines with `status` ("" for every status), oldest first, at most `limit`.
Result<std::vector<QueuedLine>> statement_lines(store::PgConnection& db,
                                                const std::string& caisse_id,
                                                const std::string& status, int limit);

struct OperatorDecision {
  std::optional<std::string> household_id;  // a contribution of this household, or
  std::optional<std::string> funder_id;     // co-funding from this funder, or
  // a payout from a payment provider: money it held for the caisse (booked on
  // bank:psp:<instance> when each payment was confirmed) moving to the bank, or
  std::optional<std::string> provider_instance;
  bool ignore = false;  // not the caisse's business
  std::string note;     // why, for the auditor
  std::string actor;
};

// Applies `decision` to unmatched line `line_id`. Errors: not_found (no such line), conflict
// (already matched or ignored), invalid (money out cannot be a receipt; unknown household,
// funder or provider; not exactly one of the four choices).
Result<void> decide_queued_line(store::PgConnection& db, const config::CaisseConfig& caisse,
                                std::int64_t line_id, const OperatorDecision& decision);

}  // namespace caisse::host::bank
