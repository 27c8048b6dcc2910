#include "collection/payment_events.hpp"

#include "collection/collection_lock.hpp"
#include "collection/mandate_store.hpp"
#include "collection/reason_codes.hpp"
#include "collection/run_store.hpp"
#include "collection/word_table.hpp"
#include "money/money.hpp"

namespace caisse::host::collection {
namespace {

constexpr detail::WordTable<EventOutcome, 5> kOutcomes = {{
    {EventOutcome::applied, "applied"},
    {EventOutcome::unchanged, "unchanged"},
    {EventOutcome::duplicate, "duplicate"},
    {EventOutcome::unknown_debit, "unknown_debit"},
    {EventOutcome::conflict, "conflict"},
}};

constexpr detail::WordTable<PaymentState, 4> kPaymentStates = {{
    {PaymentState::pending, "pending"},
    {PaymentState::paid, "paid"},
    {PaymentState::failed, "failed"},
    {PaymentState::refunded, "refunded"},
}};

constexpr int kEuroMinorUnit = 2;

std::string euros(std::int64_t minor, std::string_view currency) {
  return money::format_decimal(minor, kEuroMinorUnit) + " " + std::string(currency);
}

// The stored outcome of an event applied before, or nullopt.
Result<std::optional<std::string>> earlier(store::PgConnection& db, std::string_view caisse_id,
                                           const std::string& event_id) {
  auto rows =
      db.exec_params("SELECT outcome FROM collection_events WHERE caisse_id = $1 AND event_id = $2",
                     {std::string(caisse_id), event_id});
  if (!rows) return rows.error();
  if (rows->rows() == 0) return std::optional<std::string>();
  return std::optional<std::string>(std::string(rows->get(0, 0)));
}

Result<void> record(store::PgConnection& db, std::string_view caisse_id, const PaymentEvent& event,
                    const AppliedEvent& applied) {
  auto done = db.exec_params(
      "INSERT INTO collection_events"
      "    (caisse_id, event_id, end_to_end_id, state, reason_code, location, outcome)"
      " VALUES ($1, $2, $3, $4, NULLIF($5, ''), NULLIF($6, ''), $7)",
      {std::string(caisse_id), event.event_id, event.payment_ref,
       std::string(detail::word_of(kPaymentStates, event.state)), event.reason_code, event.location,
       std::string(to_string(applied.outcome)) + ": " + applied.message});
  if (!done) return done.error();
  return {};
}

// What a reject or return does to the mandate the debit was presented under: nothing when the
// household's mandate has changed since (other reference or account), otherwise the reason's
// effect. A status only moves forward: revoked and lapsed stay; a hold or a wait for bank
// details does not replace another.
Result<std::string> follow_reason(store::PgConnection& db, std::string_view caisse_id,
                                  const Debit& debit, DebitState to) {
  auto mandate = mandate_of(db, caisse_id, debit.household_id);
  if (!mandate) return mandate.error();
  if (mandate->mandate_id != debit.mandate_id || mandate->iban != debit.debtor_iban) {
    return std::string("; the household's mandate changed since, left as it is");
  }
  std::string effect;
  if (to == DebitState::rejected) {
    // Nothing reached the debtor's bank: a first collection is still to be made, and the
    // amendments this debit carried are still to be told.
    auto undone = db.exec_params(
        "UPDATE collection_mandate_history SET reported_by = NULL"
        " WHERE caisse_id = $1 AND reported_by = $2",
        {std::string(caisse_id), debit.end_to_end_id});
    if (!undone) return undone.error();
    if (debit.sequence == SequenceType::first) {
      auto again = db.exec_params(
          "UPDATE collection_mandates SET first_collection_done = false, updated_at = now()"
          " WHERE caisse_id = $1 AND household_id = $2",
          {std::string(caisse_id), debit.household_id});
      if (!again) return again.error();
    }
  }
  const ReasonWords words = reason_words(debit.reason_code);
  const auto status = status_after(words.effect);
  const bool moves =
      status && (mandate->status == MandateStatus::active ||
                 (*status == MandateStatus::revoked && mandate->status != MandateStatus::lapsed &&
                  mandate->status != MandateStatus::revoked));
  if (moves) {
    auto set = set_mandate_status(db, caisse_id, debit.household_id, *status, debit.reason_code);
    if (!set) return set.error();
    effect = "; mandate \"" + mandate->mandate_id + "\" now " + std::string(to_string(*status));
  }
  if (words.may_present_again) effect += "; may be presented again in a later run";
  return effect;
}

Result<AppliedEvent> apply_one(store::PgConnection& db, std::string_view caisse_id,
                               const PaymentEvent& event) {
  AppliedEvent applied{event.event_id, event.payment_ref, EventOutcome::duplicate, ""};
  if (event.event_id.empty()) {
    // Without an id it could never be told from a second delivery of itself.
    applied.outcome = EventOutcome::conflict;
    applied.message = "an event about \"" + event.payment_ref + "\" has no event id: not applied";
    return applied;
  }
  auto seen = earlier(db, caisse_id, event.event_id);
  if (!seen) return seen.error();
  if (*seen) {
    applied.message = "event \"" + event.event_id + "\" was applied before (" + **seen + ")";
    return applied;
  }
  auto on_debit = apply_debit_event(db, caisse_id, event);
  if (!on_debit) return on_debit.error();
  if (!*on_debit) {
    applied.outcome = EventOutcome::unknown_debit;
    applied.message = "no debit of caisse " + std::string(caisse_id) + " has EndToEndId \"" +
                      event.payment_ref + "\"";
    return applied;
  }
  applied = std::move(**on_debit);
  if (auto recorded = record(db, caisse_id, event, applied); !recorded) return recorded.error();
  return applied;
}

}  // namespace

Result<std::optional<AppliedEvent>> apply_debit_event(store::PgConnection& db,
                                                      std::string_view caisse_id,
                                                      const PaymentEvent& event) {
  auto found = find_debit(db, caisse_id, event.payment_ref);
  if (!found) return found.error();
  if (!*found) return std::optional<AppliedEvent>();
  AppliedEvent applied{event.event_id, event.payment_ref, EventOutcome::applied, ""};
  Debit debit = (*found)->debit;
  const std::string name = "debit " + debit.end_to_end_id + ": ";
  const bool other_amount = event.amount.minor != 0 && event.amount.minor != debit.amount.minor;
  const bool other_currency =
      !event.amount.currency.empty() && event.amount.currency != debit.amount.currency;
  const Transition next = transition(debit.state, event.state);
  if (other_amount || other_currency) {
    applied.outcome = EventOutcome::conflict;
    applied.message = name + "the event says " + euros(event.amount.minor, event.amount.currency) +
                      ", the debit is " + euros(debit.amount.minor, debit.amount.currency);
  } else if (!next.to) {
    applied.outcome = next.outcome;
    applied.message = name + std::string(to_string(debit.state)) + ", the event says " +
                      std::string(detail::word_of(kPaymentStates, event.state));
  } else {
    const bool unpaid = *next.to == DebitState::rejected || *next.to == DebitState::returned;
    applied.outcome = EventOutcome::applied;
    applied.message =
        name + std::string(to_string(debit.state)) + " -> " + std::string(to_string(*next.to));
    debit.reason_code = unpaid ? event.reason_code : debit.reason_code;
    auto moved = db.exec_params(
        "UPDATE collection_debits SET state = $3, reason_code = NULLIF($4, ''), updated_at = now()"
        " WHERE caisse_id = $1 AND end_to_end_id = $2",
        {std::string(caisse_id), debit.end_to_end_id, std::string(to_string(*next.to)),
         debit.reason_code});
    if (!moved) return moved.error();
    if (unpaid && !event.reason_code.empty()) {
      const ReasonWords words = reason_words(event.reason_code);
      applied.message += ", " + event.reason_code + " " + std::string(words.english) + " / " +
                         std::string(words.french);
    }
    if (unpaid) {
      auto effect = follow_reason(db, caisse_id, debit, *next.to);
      if (!effect) return effect.error();
      applied.message += *effect;
    }
  }
  return std::optional<AppliedEvent>(std::move(applied));
}

std::string_view to_string(EventOutcome outcome) {
  return detail::word_of(kOutcomes, outcome);
}

Transition transition(DebitState from, PaymentState event) {
  const bool open = from == DebitState::to_collect || from == DebitState::submitted;
  auto to = [](DebitState state) { return Transition{state, EventOutcome::applied}; };
  auto stays = [](EventOutcome outcome) { return Transition{std::nullopt, outcome}; };
  switch (event) {
    case PaymentState::pending:
      if (from == DebitState::to_collect) return to(DebitState::submitted);
      return stays(EventOutcome::unchanged);
    case PaymentState::paid:
      if (open) return to(DebitState::paid);
      return stays(from == DebitState::paid ? EventOutcome::unchanged : EventOutcome::conflict);
    case PaymentState::failed:
      if (open) return to(DebitState::rejected);
      return stays(from == DebitState::rejected ? EventOutcome::unchanged : EventOutcome::conflict);
    case PaymentState::refunded:
      if (open || from == DebitState::paid) return to(DebitState::returned);
      return stays(from == DebitState::returned ? EventOutcome::unchanged : EventOutcome::conflict);
  }
  return stays(EventOutcome::conflict);
}

Result<std::vector<AppliedEvent>> apply_events(store::PgConnection& db, std::string_view caisse_id,
                                               std::span<const PaymentEvent> events) {
  auto transaction = detail::begin_locked(db, caisse_id);
  if (!transaction) return transaction.error();
  std::vector<AppliedEvent> outcomes;
  outcomes.reserve(events.size());
  for (const PaymentEvent& event : events) {
    auto applied = apply_one(db, caisse_id, event);
    if (!applied) return applied.error();
    outcomes.push_back(std::move(applied.value()));
  }
  if (auto committed = transaction->commit(); !committed) return committed.error();
  return outcomes;
}

}  // namespace caisse::host::collection
