// Applying the bank's answers about debits: pain.002 status reports (rejects before
// settlement) read by the collector plugin, and returns found in bank statements by the
// reconciliation. Each event names its debit by EndToEndId and is applied once, by its event
// id: the same report or statement read twice changes nothing. No ledger postings: a rejected
// debit never brought money; a paid or returned one is booked by the statement
// reconciliation, which owns the bank account's lines.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "collection/run.hpp"
#include "core/result.hpp"
#include "plugins/payment_values.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::collection {

// What a provider says happened to a payment, as the plugin boundary carries it
// (caisse_payment_event_t): payment_ref is the debit's EndToEndId, amount.minor 0 when the event
// does not say. pending: accepted, not settled; paid: settled; failed: rejected or refused
// before settlement (nothing moved); refunded: given back after settlement (return, refund).
using PaymentEvent = plugins::PaymentEvent;
using PaymentState = plugins::PaymentState;

enum class EventOutcome {
  applied,        // the debit (and maybe its mandate) changed
  unchanged,      // the debit already said so (the same news under another event id)
  duplicate,      // this event id was applied before: nothing done
  unknown_debit,  // no debit of the caisse has this EndToEndId: nothing done, not recorded
  conflict,       // contradicts the debit (a reject of a paid debit, another amount): recorded,
                  // nothing changed; an operator looks
};

std::string_view to_string(EventOutcome outcome);

struct AppliedEvent {
  std::string event_id;
  std::string end_to_end_id;
  EventOutcome outcome = EventOutcome::unknown_debit;
  // For the operator, e.g. "debit nantes-ouest-202611-H-001: submitted -> rejected, AC04
  // account closed / compte clôturé; mandate "RUM-1" now needs_bank_details".
  std::string message;
};

// The state a debit in `from` moves to on an event, or nullopt when it does not move; `outcome`
// says whether that is news, old news or a contradiction. Pure; transitions:
//   pending:  to_collect -> submitted
//   paid:     to_collect, submitted -> paid
//   failed:   to_collect, submitted -> rejected          (after paid or returned: conflict)
//   refunded: to_collect, submitted, paid -> returned    (after rejected: conflict)
struct Transition {
  std::optional<DebitState> to;
  EventOutcome outcome = EventOutcome::unchanged;
};
Transition transition(DebitState from, PaymentState event);

// Applies one event to the debit whose EndToEndId is event.payment_ref, inside the caller's
// transaction, which holds the caisse's collection lock (collection_lock.hpp): for callers that
// keep their own record of events (the daemon's payment_events, the statement
// reconciliation). No deduplication by event id here. nullopt when no debit of the caisse has
// that EndToEndId; otherwise the outcome (applied, unchanged or conflict) with the same effects
// on debit and mandate as apply_events().
Result<std::optional<AppliedEvent>> apply_debit_event(store::PgConnection& db,
                                                      std::string_view caisse_id,
                                                      const PaymentEvent& event);

// Applies `events` in order, all in one transaction on `db` (not inside one), each once by its
// event id (collection_events): for a caller without its own record. A debit rejected
// or returned takes the event's reason code, and its mandate follows the reason
// (reason_codes.hpp): AC04 waits for bank details, MD01 is revoked, MS02 is on hold, AM04
// stays active. Only the mandate the debit was presented under is touched: a household that
// already gave a new IBAN keeps its new details. A rejected FRST makes the next debit FRST
// again, and a rejected debit's amendments are told to the bank again by the next one.
// Errors: a database failure only (nothing changes); bad or unknown events are outcomes.
Result<std::vector<AppliedEvent>> apply_events(store::PgConnection& db, std::string_view caisse_id,
                                               std::span<const PaymentEvent> events);

}  // namespace caisse::host::collection
