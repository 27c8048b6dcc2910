#include "inbound/payment_events.hpp"

#include "collection/collection_lock.hpp"
#include "collection/payment_events.hpp"
#include "collection/run_store.hpp"
#include "ledger/date.hpp"
#include "registry/receipt_posting.hpp"

namespace caisse::host::inbound {
namespace {

std::string_view state_name(plugins::PaymentState state) {
  switch (state) {
    case plugins::PaymentState::pending:
      return "pending";
    case plugins::PaymentState::paid:
      return "paid";
    case plugins::PaymentState::failed:
      return "failed";
    case plugins::PaymentState::refunded:
      return "refunded";
  }
  return "pending";
}

// The day an event happened: the date part of occurred_at, or today when it has none.
Result<ledger::Date> event_date(store::PgConnection& db, const plugins::PaymentEvent& event) {
  if (event.occurred_at.size() >= 10) {
    if (auto date = ledger::parse_date(std::string_view(event.occurred_at).substr(0, 10))) {
      return date;
    }
  }
  auto today = db.exec_params("SELECT to_char(current_date, 'YYYY-MM-DD')", {});
  if (!today) return today.error();
  return ledger::parse_date(today->get(0, 0));
}

// An event about a debit the caisse presented (nullopt when payment_ref names none). A reject
// or a return goes to the debit and its mandate (collection/); a debit is paid only when the
// statement shows the money, so a bank's "settled" is recorded and changes nothing yet.
Result<std::optional<std::string>> debit_effect(store::PgConnection& db,
                                                const std::string& caisse_id,
                                                const plugins::PaymentEvent& event) {
  auto debit = collection::find_debit(db, caisse_id, event.payment_ref);
  if (!debit) return debit.error();
  if (!*debit) return std::optional<std::string>{};
  if (event.state == plugins::PaymentState::paid || event.state == plugins::PaymentState::pending) {
    return std::optional<std::string>("debit " + event.payment_ref + " " +
                                      std::string(state_name(event.state)) +
                                      " at the bank; booked when the statement shows the money");
  }
  auto applied = collection::apply_debit_event(db, caisse_id, event);
  if (!applied) return applied.error();
  return std::optional<std::string>((*applied)->message);
}

// "msg:<MsgId>" and "pmtinf:<MsgId>-<FRST|RCUR|OOFF|FNAL>" name a whole file or one block of it
// (a status report's group status, adapters/sepa/README.md): the EndToEndIds of its debits,
// nullopt when payment_ref names no group.
Result<std::optional<std::vector<std::string>>> debits_of_group(store::PgConnection& db,
                                                                const std::string& caisse_id,
                                                                const std::string& payment_ref) {
  std::string message_id;
  std::string sequence;
  if (payment_ref.rfind("msg:", 0) == 0) {
    message_id = payment_ref.substr(4);
  } else if (payment_ref.rfind("pmtinf:", 0) == 0) {
    const std::string block = payment_ref.substr(7);
    const auto dash = block.rfind('-');
    if (dash == std::string::npos) return std::optional<std::vector<std::string>>{};
    message_id = block.substr(0, dash);
    sequence = block.substr(dash + 1);
  } else {
    return std::optional<std::vector<std::string>>{};
  }
  auto rows = db.exec_params(
      "SELECT d.end_to_end_id FROM collection_debits d"
      "  JOIN collection_runs r USING (caisse_id, month)"
      " WHERE d.caisse_id = $1 AND r.message_id = $2 AND ($3 = '' OR d.sequence_type = $3)"
      " ORDER BY d.end_to_end_id",
      {caisse_id, message_id, sequence});
  if (!rows) return rows.error();
  std::vector<std::string> ids;
  for (int r = 0; r < rows->rows(); ++r) ids.emplace_back(rows->get(r, 0));
  return std::optional(std::move(ids));
}

Result<std::optional<std::string>> group_effect(store::PgConnection& db,
                                                const std::string& caisse_id,
                                                const plugins::PaymentEvent& event) {
  auto ids = debits_of_group(db, caisse_id, event.payment_ref);
  if (!ids) return ids.error();
  if (!*ids) return std::optional<std::string>{};
  if ((*ids)->empty()) {
    return std::optional<std::string>(event.payment_ref + " names no debit the caisse sent");
  }
  std::size_t moved = 0;
  for (const std::string& id : **ids) {
    plugins::PaymentEvent one = event;
    one.payment_ref = id;
    auto effect = debit_effect(db, caisse_id, one);
    if (!effect) return effect.error();
    ++moved;
  }
  return std::optional<std::string>(
      std::to_string(moved) + " debits of " + event.payment_ref + " " +
      std::string(state_name(event.state)) +
      (event.reason_code.empty() ? "" : " (" + event.reason_code + ")"));
}

Result<std::string> provider_effect(store::PgConnection& db, const config::CaisseConfig& caisse,
                                    const std::string& instance,
                                    const plugins::PaymentEvent& event) {
  const std::string reference = provider_receipt_reference(instance, event.payment_ref);
  if (event.state == plugins::PaymentState::paid) {
    if (event.payer_ref.empty()) return std::string("paid, but no household named: not booked");
    if (event.amount.currency != "EUR" || event.amount.minor <= 0) {
      return std::string("paid, but without an amount in EUR: not booked");
    }
    auto known =
        db.exec_params("SELECT 1 FROM registry_households WHERE caisse_id = $1 AND id = $2",
                       {caisse.id, event.payer_ref});
    if (!known) return known.error();
    if (known->rows() == 0) {
      return "paid by \"" + event.payer_ref + "\", not a household of the caisse: not booked";
    }
    auto date = event_date(db, event);
    if (!date) return date.error();
    registry::NewReceipt receipt{reference,
                                 *date,
                                 event.payer_ref,
                                 std::nullopt,
                                 event.amount.minor,
                                 "psp:" + instance,
                                 "provider:" + instance + ":" + event.event_id};
    auto recorded = registry::record_receipt(db, caisse, receipt);
    if (!recorded) return recorded.error();
    return "contribution booked as receipt " + reference;
  }
  if (event.state == plugins::PaymentState::refunded) {
    auto date = event_date(db, event);
    if (!date) return date.error();
    auto reversed = registry::reverse_receipt(
        db, caisse, reference, *date,
        "refunded by " + instance + " (" +
            (event.reason_code.empty() ? std::string("refund") : event.reason_code) + ")");
    if (!reversed && reversed.error().kind == ErrorKind::not_found) {
      return std::string("refunded, but never booked: nothing to reverse");
    }
    if (!reversed) return reversed.error();
    return "receipt " + reference + " reversed";
  }
  return std::string(state_name(event.state)) + ": recorded";
}

}  // namespace

std::string provider_receipt_reference(const std::string& instance,
                                       const std::string& payment_ref) {
  return registry::receipt_reference("psp/" + instance + "/", payment_ref);
}

Result<std::vector<RecordedEvent>> record_payment_events(
    store::PgConnection& db, const config::CaisseConfig& caisse, const std::string& instance,
    const std::string& source, const std::vector<plugins::PaymentEvent>& events) {
  auto transaction = collection::detail::begin_locked(db, caisse.id);
  if (!transaction) return transaction.error();
  std::vector<RecordedEvent> recorded;
  for (const plugins::PaymentEvent& event : events) {
    auto seen = db.exec_params(
        "SELECT effect FROM payment_events WHERE caisse_id = $1 AND instance = $2 AND event_id = "
        "$3",
        {caisse.id, instance, event.event_id});
    if (!seen) return seen.error();
    if (seen->rows() > 0) {
      recorded.push_back({event.event_id, false, std::string(seen->get(0, 0))});
      continue;
    }
    auto on_debit = group_effect(db, caisse.id, event);
    if (on_debit && !*on_debit) on_debit = debit_effect(db, caisse.id, event);
    if (!on_debit) return on_debit.error();
    std::string effect;
    if (*on_debit) {
      effect = **on_debit;
    } else {
      auto on_provider = provider_effect(db, caisse, instance, event);
      if (!on_provider) {
        return make_error("event " + event.event_id + ": " + on_provider.error().message,
                          on_provider.error().kind);
      }
      effect = *on_provider;
    }
    auto inserted = db.exec_params(
        "INSERT INTO payment_events (caisse_id, instance, event_id, source, payment_ref, payer_ref,"
        "    state, amount_minor, currency, reason_code, occurred_at, location, effect)"
        " VALUES ($1, $2, $3, $4, $5, nullif($6, ''), $7, $8::bigint, nullif($9, ''),"
        "         nullif($10, ''), nullif($11, ''), nullif($12, ''), $13)",
        {caisse.id, instance, event.event_id, source, event.payment_ref, event.payer_ref,
         std::string(state_name(event.state)), std::to_string(event.amount.minor),
         event.amount.currency, event.reason_code, event.occurred_at, event.location, effect});
    if (!inserted) return inserted.error();
    recorded.push_back({event.event_id, true, effect});
  }
  if (auto committed = transaction->commit(); !committed) return committed.error();
  return recorded;
}

}  // namespace caisse::host::inbound
