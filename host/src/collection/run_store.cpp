#include "collection/run_store.hpp"

#include <charconv>

#include "collection/collection_lock.hpp"

namespace caisse::host::collection {
namespace {

constexpr const char* kDebitColumns =
    "d.month, d.household_id, d.end_to_end_id, d.mandate_id, d.mandate_signed_on,"
    " d.sequence_type, d.debtor_name, d.debtor_iban, coalesce(d.debtor_bic, ''),"
    " d.amount_minor, d.currency, d.remittance, coalesce(d.amended_mandate_id, ''),"
    " coalesce(d.amended_iban, ''), d.state, coalesce(d.reason_code, '')";

Result<std::int64_t> whole_number(std::string_view text) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    return make_error("collection: \"" + std::string(text) + "\" is not a whole number");
  }
  return value;
}

Result<DebitRecord> read_debit(const store::PgResult& rows, int r) {
  auto month = parse_month(rows.get(r, 0));
  if (!month) return month.error();
  auto sequence = parse_sepa_code(rows.get(r, 5));
  if (!sequence) return sequence.error();
  auto amount = whole_number(rows.get(r, 9));
  if (!amount) return amount.error();
  auto state = parse_debit_state(rows.get(r, 14));
  if (!state) return state.error();
  DebitRecord record{*month, {}};
  Debit& d = record.debit;
  d.household_id = rows.get(r, 1);
  d.end_to_end_id = rows.get(r, 2);
  d.mandate_id = rows.get(r, 3);
  d.mandate_signed_on = rows.get(r, 4);
  d.sequence = *sequence;
  d.debtor_name = rows.get(r, 6);
  d.debtor_iban = rows.get(r, 7);
  d.debtor_bic = rows.get(r, 8);
  d.amount = plugins::Money{*amount, std::string(rows.get(r, 10))};
  d.remittance = rows.get(r, 11);
  d.amended_mandate_id = rows.get(r, 12);
  d.amended_debtor_iban = rows.get(r, 13);
  d.state = *state;
  d.reason_code = rows.get(r, 15);
  return record;
}

Result<std::vector<DebitRecord>> select_debits(
    store::PgConnection& db, const std::string& where,
    const std::vector<std::optional<std::string>>& params) {
  auto rows = db.exec_params(
      std::string("SELECT ") + kDebitColumns + " FROM collection_debits d WHERE " + where, params);
  if (!rows) return rows.error();
  std::vector<DebitRecord> debits;
  debits.reserve(static_cast<std::size_t>(rows->rows()));
  for (int r = 0; r < rows->rows(); ++r) {
    auto debit = read_debit(*rows, r);
    if (!debit) return debit.error();
    debits.push_back(std::move(debit.value()));
  }
  return debits;
}

Error no_run(std::string_view caisse_id, Month month) {
  return make_error(
      "caisse " + std::string(caisse_id) + " has no direct-debit run for " + month.to_string(),
      ErrorKind::not_found);
}

// Moves the run to `state` from one of `from` (a run already there is left as it is).
Result<Run> move_run(store::PgConnection& db, std::string_view caisse_id, Month month,
                     RunState state, const std::string& from_states) {
  auto moved = db.exec_params(
      "UPDATE collection_runs SET state = $3, updated_at = now()"
      " WHERE caisse_id = $1 AND month = $2 AND state = ANY($4::text[])",
      {std::string(caisse_id), month.to_string(), std::string(to_string(state)), from_states});
  if (!moved) return moved.error();
  auto run = load_run(db, caisse_id, month);
  if (!run) return run.error();
  if (!*run) return no_run(caisse_id, month);
  return std::move(**run);
}

}  // namespace

Result<std::optional<Run>> load_run(store::PgConnection& db, std::string_view caisse_id,
                                    Month month) {
  auto header = db.exec_params(
      "SELECT collector, message_id, collection_date,"
      "       to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS'), state"
      "  FROM collection_runs WHERE caisse_id = $1 AND month = $2",
      {std::string(caisse_id), month.to_string()});
  if (!header) return header.error();
  if (header->rows() == 0) return std::optional<Run>();
  auto state = parse_run_state(header->get(0, 4));
  if (!state) return state.error();
  Run run;
  run.caisse_id = caisse_id;
  run.month = month;
  run.collector = header->get(0, 0);
  run.state = *state;
  run.batch.message_id = header->get(0, 1);
  run.batch.collection_date = header->get(0, 2);
  run.batch.created_at = header->get(0, 3);
  auto debits = select_debits(db, "d.caisse_id = $1 AND d.month = $2 ORDER BY d.household_id",
                              {std::string(caisse_id), month.to_string()});
  if (!debits) return debits.error();
  run.batch.debits.reserve(debits->size());
  for (auto& record : *debits) run.batch.debits.push_back(std::move(record.debit));
  return std::optional<Run>(std::move(run));
}

Result<Run> mark_file_written(store::PgConnection& db, std::string_view caisse_id, Month month) {
  auto transaction = detail::begin_locked(db, caisse_id);
  if (!transaction) return transaction.error();
  auto run = move_run(db, caisse_id, month, RunState::file_written, "{drafted}");
  if (!run) return run.error();
  if (auto committed = transaction->commit(); !committed) return committed.error();
  return run;
}

Result<Run> mark_submitted(store::PgConnection& db, std::string_view caisse_id, Month month) {
  auto transaction = detail::begin_locked(db, caisse_id);
  if (!transaction) return transaction.error();
  auto run = load_run(db, caisse_id, month);
  if (!run) return run.error();
  if (!*run) return no_run(caisse_id, month);
  if ((*run)->state == RunState::drafted) {
    return make_error("the direct-debit run of " + month.to_string() + " of caisse " +
                          std::string(caisse_id) +
                          " has no file yet: write it before submitting it",
                      ErrorKind::conflict);
  }
  auto debits = db.exec_params(
      "UPDATE collection_debits SET state = 'submitted', updated_at = now()"
      " WHERE caisse_id = $1 AND month = $2 AND state = 'to_collect'",
      {std::string(caisse_id), month.to_string()});
  if (!debits) return debits.error();
  auto submitted = move_run(db, caisse_id, month, RunState::submitted, "{file_written}");
  if (!submitted) return submitted.error();
  if (auto committed = transaction->commit(); !committed) return committed.error();
  return submitted;
}

Result<std::optional<DebitRecord>> find_debit(store::PgConnection& db, std::string_view caisse_id,
                                              std::string_view end_to_end_id) {
  auto debits = select_debits(db, "d.caisse_id = $1 AND d.end_to_end_id = $2",
                              {std::string(caisse_id), std::string(end_to_end_id)});
  if (!debits) return debits.error();
  if (debits->empty()) return std::optional<DebitRecord>();
  return std::optional<DebitRecord>(std::move(debits->front()));
}

Result<std::vector<DebitRecord>> debits_of_mandate(store::PgConnection& db,
                                                   std::string_view caisse_id,
                                                   std::string_view mandate_id) {
  return select_debits(db, "d.caisse_id = $1 AND d.mandate_id = $2 ORDER BY d.month DESC",
                       {std::string(caisse_id), std::string(mandate_id)});
}

}  // namespace caisse::host::collection
