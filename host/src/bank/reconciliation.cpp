#include "bank/reconciliation.hpp"

#include "collection/payment_events.hpp"
#include "digest/sha256.hpp"
#include "ledger/date.hpp"
#include "registry/receipt_posting.hpp"

namespace caisse::host::bank {
namespace {

// Tells the debit what the bank did, with what it means for its mandate (collection/).
Result<void> settle_debit(store::PgConnection& db, const std::string& caisse_id,
                          const StatementLine& line, const ExpectedDebit& debit,
                          plugins::PaymentState state) {
  plugins::PaymentEvent event;
  event.event_id = "statement:" + line.line_key;
  event.payment_ref = debit.end_to_end_id;
  event.state = state;
  // The debit's own amount: a batch credit's line carries the sum of several debits.
  event.amount = {debit.amount_minor, line.entry.amount.currency};
  event.reason_code = line.entry.return_reason;
  event.occurred_at = line.entry.booking_date;
  event.location = line.entry.location;
  auto applied = collection::apply_debit_event(db, caisse_id, event);
  if (!applied) return applied.error();
  if (!*applied) return make_error("no debit " + debit.end_to_end_id);
  if ((*applied)->outcome == collection::EventOutcome::conflict) {
    return make_error((*applied)->message, ErrorKind::conflict);
  }
  return {};
}

Result<std::int64_t> book_debit_paid(store::PgConnection& db, const config::CaisseConfig& caisse,
                                     const StatementLine& line, ExpectedDebit& debit,
                                     ledger::Date date) {
  registry::NewReceipt receipt{debit_receipt_reference(debit.end_to_end_id),
                               date,
                               debit.household_id,
                               std::nullopt,
                               debit.amount_minor,
                               "",
                               "statement:" + line.entry.location};
  auto recorded = registry::record_receipt(db, caisse, receipt);
  if (!recorded) return recorded.error();
  auto settled = settle_debit(db, caisse.id, line, debit, plugins::PaymentState::paid);
  if (!settled) return settled.error();
  debit.state = "paid";
  return recorded->entry_id;
}

}  // namespace

std::string line_receipt_reference(const std::string& line_key) {
  return "bank/" + digest::to_hex(digest::sha256(line_key)).substr(0, 40);
}

std::string debit_receipt_reference(std::string_view end_to_end_id) {
  return registry::receipt_reference("sepa/", end_to_end_id);
}

Result<LineDecision> apply_match(store::PgConnection& db, const config::CaisseConfig& caisse,
                                 const StatementLine& line, const LineMatch& match,
                                 ExpectedMoney& expected) {
  auto date = ledger::parse_date(line.entry.booking_date);
  if (!date) return make_error(line.entry.location + ": " + date.error().message);
  LineDecision decision{"matched", "", "rule:" + match.rule, std::nullopt, ""};
  switch (match.kind) {
    case MatchKind::none:
      return make_error("apply_match called without a match");
    case MatchKind::debit_paid:
    case MatchKind::run_paid: {
      for (const std::string& id : match.debits) {
        auto entry = book_debit_paid(db, caisse, line, expected.debits.at(id), *date);
        if (!entry) return entry.error();
        if (!decision.entry_id) decision.entry_id = *entry;
      }
      decision.matched_as = match.kind == MatchKind::debit_paid
                                ? "debit " + match.debits.front()
                                : "run of " + std::to_string(match.debits.size()) + " debits";
      if (match.debits.size() > 1) decision.entry_id.reset();  // one line, many entries
      return decision;
    }
    case MatchKind::debit_returned: {
      ExpectedDebit& debit = expected.debits.at(match.debits.front());
      const std::string why = line.entry.return_reason.empty()
                                  ? "returned by the bank"
                                  : "returned by the bank (" + line.entry.return_reason + ")";
      auto reversed = registry::reverse_receipt(
          db, caisse, debit_receipt_reference(debit.end_to_end_id), *date, why);
      if (!reversed) return reversed.error();
      auto settled = settle_debit(db, caisse.id, line, debit, plugins::PaymentState::refunded);
      if (!settled) return settled.error();
      debit.state = "returned";
      decision.matched_as = "return of debit " + debit.end_to_end_id;
      decision.entry_id = reversed->entry_id;
      return decision;
    }
    case MatchKind::grant:
    case MatchKind::contribution: {
      const bool grant = match.kind == MatchKind::grant;
      registry::NewReceipt receipt{line_receipt_reference(line.line_key),
                                   *date,
                                   grant ? std::nullopt : std::optional(match.household_id),
                                   grant ? std::optional(match.funder_id) : std::nullopt,
                                   line.entry.amount.minor,
                                   "",
                                   "statement:" + line.entry.location};
      auto recorded = registry::record_receipt(db, caisse, receipt);
      if (!recorded) return recorded.error();
      decision.matched_as = grant ? "grant " + match.funder_id : "household " + match.household_id;
      decision.entry_id = recorded->entry_id;
      return decision;
    }
  }
  return make_error("unknown match kind");
}

}  // namespace caisse::host::bank
