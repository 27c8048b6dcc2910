// A caisse's monthly cycle as a state machine persisted in PostgreSQL (tables `cycles` and
// `cycle_lines`, migrations 0004 and 0010). One class runs both kinds of cycle (CycleKind): the
// month's allocations, and the bonus earned by the month's purchases at bonus merchants; they
// differ only in how the draft is computed and in the bonus' due date. Every step is a transaction
// and every step can be replayed: approving twice, dispatching twice or reconciling the same
// outcomes twice changes nothing. A crash at any point leaves lines either untouched (NOT_SENT) or
// UNKNOWN, and UNKNOWN lines are never sent again blindly: reconcile() asks the currency backend
// what became of them.
//
// The lines are the outbox. Before a batch is handed to the currency adapter its lines are
// marked UNKNOWN in a committed transaction, so the deterministic operation id (the idempotency
// key) is on disk before the call; the outcome and, for a credited line, the ledger posting are
// then written together.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/month.hpp"
#include "core/result.hpp"
#include "cycle/cycle_ports.hpp"
#include "cycle/cycle_state.hpp"
#include "ledger/date.hpp"

namespace caisse::host::cycle {

struct StatusTotals {
  std::uint64_t lines = 0;
  std::int64_t amount_minor = 0;
};

// A bonus cycle's lines that are not final after their due date.
struct Lateness {
  std::uint64_t lines = 0;
  std::int64_t amount_minor = 0;
  std::int64_t days = 0;  // days since the due date, >= 1
};

struct CycleSummary {
  CycleKind kind = CycleKind::allocation;
  std::string caisse_id;
  Month month;
  CycleState state = CycleState::computed;
  std::string currency;
  std::string rule_version;
  std::uint64_t household_count = 0;
  std::int64_t total_minor = 0;
  std::string computed_by;
  std::string computed_at;  // ISO 8601, UTC
  std::optional<std::string> approved_by;
  std::optional<std::string> approved_at;
  std::optional<std::int64_t> funds_minor;      // at the last funding check
  std::optional<std::int64_t> shortfall_minor;  // set while funding is blocked
  std::map<LineStatus, StatusTotals> by_status;
  std::optional<std::string> due_on;  // YYYY-MM-DD; bonus cycles only
  std::optional<Lateness> late;       // set when lines are still open after due_on
};

struct CycleLine {
  std::string household_id;
  std::int64_t amount_minor = 0;
  std::string rule_version;
  std::string operation_id;
  LineStatus status = LineStatus::not_sent;
  int attempts = 0;
  std::string external_ref;
  std::string message;
};

using CycleLineBatch = std::function<Result<void>(const std::vector<CycleLine>&)>;

// "alloc/montpellier/2026-11/H-0042", "bonus/montpellier/2026-11/H-0042": the same line
// always gets the same id, and a household's allocation and bonus of a month never share one.
std::string operation_id(CycleKind kind, std::string_view caisse_id, Month month,
                         std::string_view household_id);

// Today's date (UTC); injected so that tests fix the day lateness is judged on.
using Today = std::function<ledger::Date()>;
ledger::Date system_today();

class AllocationCycle {
 public:
  // `minor_unit`: the currency's decimals, for messages. `db` is used by one thread at a time
  // and must outlive the object. `today` judges whether a bonus is late.
  AllocationCycle(std::string caisse_id, std::string currency, int minor_unit,
                  store::PgConnection& db, CycleKind kind = CycleKind::allocation,
                  Today today = system_today);

  // Creates the month's draft, or recomputes it while it is still a draft. Refused once the
  // cycle is approved. An allocation cycle: one line per household of `households`.
  Result<CycleSummary> compute(Month month, std::string_view actor, HouseholdSource& households,
                               AllocationRule& rule, CycleLedger& ledger);

  // The same for any draft (a bonus cycle: BonusDraft), with the cycle's due date if it has one.
  Result<CycleSummary> compute(Month month, std::string_view actor, DraftSource& draft,
                               std::optional<ledger::Date> due_on = std::nullopt);

  // By an operator other than the one who computed it. Approving an approved cycle is a no-op.
  Result<CycleSummary> approve(Month month, std::string_view actor);

  // Moves to funded when the funds cover the total; otherwise records the shortfall and returns
  // an error that states it. A funded cycle stays funded.
  Result<CycleSummary> fund(Month month, CycleLedger& ledger);

  // Sends every NOT_SENT line once, in batches; resumes a dispatch that was interrupted. Lines
  // the backend says it did not receive stay NOT_SENT for the next dispatch; lines whose outcome
  // is unknown wait for reconcile(). Settles the cycle when every line is final.
  Result<CycleSummary> dispatch(Month month, CurrencyGateway& gateway, CycleLedger& ledger,
                                std::size_t batch_size = 500);

  // The janitor: asks the backend about each PENDING or UNKNOWN line and records the answer.
  Result<CycleSummary> reconcile(Month month, CurrencyGateway& gateway, CycleLedger& ledger,
                                 std::size_t batch_size = 500);

  // Only once settled. Closing a closed cycle is a no-op.
  Result<CycleSummary> close(Month month);

  Result<CycleSummary> summary(Month month);

  CycleKind kind() const { return kind_; }

  // Every line, ordered by household id, in batches.
  Result<void> for_each_line(Month month, std::size_t batch_size, const CycleLineBatch& batch);

 private:
  Result<void> settle_if_done(Month month);
  Result<void> record_outcome(const CycleLine& line, const plugins::OperationResult& result,
                              CycleLedger& ledger, Month month);

  std::string describe(Month month) const;

  std::string caisse_id_;
  std::string currency_;
  int minor_unit_;
  store::PgConnection& db_;
  CycleKind kind_;
  std::string kind_name_;  // as stored in cycles.kind, bound to every query
  Today today_;
};

}  // namespace caisse::host::cycle
