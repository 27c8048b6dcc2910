// Where a month's direct-debit run stands, for the operator: how many debits and how much in
// each state, and every rejected or returned debit with its reason in plain words.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collection/run.hpp"
#include "core/month.hpp"
#include "core/result.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::collection {

struct StateTotal {
  DebitState state = DebitState::to_collect;
  std::int64_t count = 0;
  std::int64_t amount_minor = 0;  // EUR cents
};

struct UnpaidDebit {
  std::string household_id;
  std::string end_to_end_id;
  std::string mandate_id;
  std::int64_t amount_minor = 0;
  DebitState state = DebitState::rejected;  // rejected or returned
  std::string reason_code;
  std::string reason_en;  // "account closed"
  std::string reason_fr;  // "compte clôturé"
  bool may_present_again = false;
};

struct RunSummary {
  Month month;
  std::string collector;
  RunState state = RunState::drafted;
  std::string message_id;
  std::string collection_date;
  std::int64_t debits = 0;
  std::int64_t amount_minor = 0;  // of every debit of the run
  // One per debit state, in the order of DebitState, zeros included.
  std::array<StateTotal, 5> by_state{};
  std::vector<UnpaidDebit> unpaid;  // ordered by household id
};

// The summary of the caisse's run of `month`, or nullopt when there is none.
Result<std::optional<RunSummary>> run_summary(store::PgConnection& db, std::string_view caisse_id,
                                              Month month);

}  // namespace caisse::host::collection
