#include "bank/line_queue.hpp"

#include "bank/reconciliation.hpp"
#include "bank/statement_store.hpp"
#include "collection/collection_lock.hpp"
#include "ledger/chart.hpp"
#include "ledger/date.hpp"
#include "ledger/journal.hpp"
#include "registry/receipt_posting.hpp"

namespace caisse::host::bank {
namespace {

// bank +x, bank:psp:<instance> -x: what the provider held reaches the caisse's account. The
// provider's account must exist and hold at least x, or the line is not its payout.
Result<std::int64_t> provider_payout(store::PgConnection& db, const config::CaisseConfig& caisse,
                                     const std::string& instance, const std::string& line_key,
                                     const std::string& location, std::int64_t amount,
                                     ledger::Date date) {
  const ledger::AccountRef clearing{ledger::AccountKind::bank, "psp:" + instance};
  auto held = db.exec_params(
      "SELECT b.balance_minor FROM ledger_accounts a JOIN ledger_account_balances b"
      "    ON b.account_id = a.id"
      " WHERE a.caisse_id = $1 AND a.kind = 'bank' AND a.key = $2",
      {caisse.id, clearing.key});
  if (!held) return held.error();
  if (held->rows() == 0) {
    return make_error(
        "no payment provider \"" + instance + "\" has booked payments in caisse " + caisse.id,
        ErrorKind::invalid);
  }
  const std::int64_t balance = std::stoll(std::string(held->get(0, 0)));
  if (balance < amount) {
    return make_error("provider " + instance + " holds " + std::to_string(balance) +
                          " cents for the caisse, less than this line's " + std::to_string(amount),
                      ErrorKind::invalid);
  }
  ledger::NewEntry entry{
      caisse.id,
      "payout/" + line_receipt_reference(line_key),
      date,
      "Payout from " + instance + " to the bank",
      "statement:" + location,
      {{{ledger::AccountKind::bank, ""}, {amount, "EUR"}}, {clearing, {-amount, "EUR"}}}};
  auto posted = ledger::post(db, entry);
  if (!posted) return posted.error();
  return posted->entry.id;
}

}  // namespace

Result<std::vector<QueuedLine>> statement_lines(store::PgConnection& db,
                                                const std::string& caisse_id,
                                                const std::string& status, int limit) {
  auto rows = db.exec_params(
      "SELECT id, to_char(booking_date, 'YYYY-MM-DD'), amount_minor, currency,"
      "       coalesce(counterparty_name, ''), coalesce(remittance, ''),"
      "       coalesce(end_to_end_id, ''), coalesce(return_reason, ''), location, status,"
      "       coalesce(matched_as, '')"
      "  FROM statement_lines WHERE caisse_id = $1 AND ($2 = '' OR status = $2)"
      " ORDER BY booking_date, id LIMIT $3::integer",
      {caisse_id, status, std::to_string(limit)});
  if (!rows) return rows.error();
  std::vector<QueuedLine> lines;
  for (int r = 0; r < rows->rows(); ++r) {
    QueuedLine line;
    line.id = std::stoll(std::string(rows->get(r, 0)));
    line.booking_date = rows->get(r, 1);
    line.amount_minor = std::stoll(std::string(rows->get(r, 2)));
    line.currency = rows->get(r, 3);
    line.counterparty_name = rows->get(r, 4);
    line.remittance = rows->get(r, 5);
    line.end_to_end_id = rows->get(r, 6);
    line.return_reason = rows->get(r, 7);
    line.location = rows->get(r, 8);
    line.status = rows->get(r, 9);
    line.matched_as = rows->get(r, 10);
    lines.push_back(std::move(line));
  }
  return lines;
}

Result<void> decide_queued_line(store::PgConnection& db, const config::CaisseConfig& caisse,
                                std::int64_t line_id, const OperatorDecision& decision) {
  const int choices = (decision.household_id ? 1 : 0) + (decision.funder_id ? 1 : 0) +
                      (decision.provider_instance ? 1 : 0) + (decision.ignore ? 1 : 0);
  if (choices != 1) {
    return make_error("say exactly one of household, funder, provider or ignore",
                      ErrorKind::invalid);
  }
  auto transaction = collection::detail::begin_locked(db, caisse.id);
  if (!transaction) return transaction.error();
  auto line = db.exec_params(
      "SELECT status, amount_minor, to_char(booking_date, 'YYYY-MM-DD'), line_key, location"
      "  FROM statement_lines WHERE caisse_id = $1 AND id = $2::bigint FOR UPDATE",
      {caisse.id, std::to_string(line_id)});
  if (!line) return line.error();
  if (line->rows() == 0) {
    return make_error("caisse " + caisse.id + " has no statement line " + std::to_string(line_id),
                      ErrorKind::not_found);
  }
  if (line->get(0, 0) != "unmatched") {
    return make_error(
        "statement line " + std::to_string(line_id) + " is already " + std::string(line->get(0, 0)),
        ErrorKind::conflict);
  }
  const std::string actor = "operator:" + decision.actor;
  LineDecision decided{"ignored", "", actor, std::nullopt, decision.note};
  if (!decision.ignore) {
    const std::int64_t amount = std::stoll(std::string(line->get(0, 1)));
    if (amount < 0) {
      return make_error("statement line " + std::to_string(line_id) +
                            " is money out: it cannot be a receipt (ignore it, with a note)",
                        ErrorKind::invalid);
    }
    auto date = ledger::parse_date(line->get(0, 2));
    if (!date) return date.error();
    if (decision.provider_instance) {
      auto moved =
          provider_payout(db, caisse, *decision.provider_instance, std::string(line->get(0, 3)),
                          std::string(line->get(0, 4)), amount, *date);
      if (!moved) return moved.error();
      decided.status = "matched";
      decided.matched_as = "payout from " + *decision.provider_instance;
      decided.entry_id = *moved;
      if (auto written = decide_line(db, caisse.id, line_id, decided); !written) return written;
      return transaction->commit();
    }
    registry::NewReceipt receipt{line_receipt_reference(std::string(line->get(0, 3))),
                                 *date,
                                 decision.household_id,
                                 decision.funder_id,
                                 amount,
                                 "",
                                 "statement:" + std::string(line->get(0, 4))};
    auto recorded = registry::record_receipt(db, caisse, receipt);
    if (!recorded) return make_error(recorded.error().message, ErrorKind::invalid);
    decided.status = "matched";
    decided.matched_as = decision.household_id ? "household " + *decision.household_id
                                               : "grant " + *decision.funder_id;
    decided.entry_id = recorded->entry_id;
  }
  if (auto written = decide_line(db, caisse.id, line_id, decided); !written) return written;
  return transaction->commit();
}

}  // namespace caisse::host::bank
