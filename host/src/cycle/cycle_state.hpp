// The states of a caisse's monthly allocation cycle, in the only order they can be reached:
//   computed   a draft: one line per household with its amount and the rule version, and totals
//   approved   by an operator other than the one who computed it (who and when are kept)
//   funded     the money received plus co-funding covers the total
//   dispatched the lines are being (or have been) sent to the currency backend
//   settled    every line SUCCEEDED or DECLINED
//   closed     the month is over; its report is final
#pragma once

#include <optional>
#include <string_view>

namespace caisse::host::cycle {

// What a cycle pays. Both kinds share the states, the outbox, the janitor and the ledger; they
// differ in how the draft is computed (cycle_ports.hpp), in the prefix of their operation ids
// (so a household's allocation and its bonus of the same month are two payments, each made
// once) and in the bonus' due date.
//   allocation  the month's food allocation of every active household
//   bonus       the bonus earned by the month's purchases at bonus merchants (docs/bonus.md)
enum class CycleKind { allocation, bonus };

const char* kind_name(CycleKind kind);  // "allocation", "bonus": as stored in cycles.kind
std::optional<CycleKind> parse_kind(std::string_view name);

enum class CycleState { computed, approved, funded, dispatched, settled, closed };

const char* state_name(CycleState state);
std::optional<CycleState> parse_state(std::string_view name);

// What happened to one line at the currency backend. UNKNOWN (the call may or may not have taken
// effect) is never resent: the janitor asks the backend; NOT_SENT is safe to send again.
enum class LineStatus { not_sent, pending, succeeded, declined, unknown };

const char* status_name(LineStatus status);  // "NOT_SENT", "PENDING", ...
std::optional<LineStatus> parse_status(std::string_view name);

// SUCCEEDED and DECLINED are final; the others still need the backend.
constexpr bool is_final(LineStatus status) {
  return status == LineStatus::succeeded || status == LineStatus::declined;
}

}  // namespace caisse::host::cycle
