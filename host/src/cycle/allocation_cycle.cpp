#include "cycle/allocation_cycle.hpp"

#include <charconv>
#include <unordered_set>

#include "money/money.hpp"
#include "store/pg_connection.hpp"
#include "store/text_array.hpp"
#include "store/transaction.hpp"

namespace caisse::host::cycle {
namespace {

using store::PgResult;

std::int64_t to_int64(std::string_view text) {
  std::int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

std::optional<std::string> nullable_text(const PgResult& r, int row, int column) {
  if (r.is_null(row, column)) return std::nullopt;
  return std::string(r.get(row, column));
}

std::optional<std::int64_t> nullable_int(const PgResult& r, int row, int column) {
  if (r.is_null(row, column)) return std::nullopt;
  return to_int64(r.get(row, column));
}

std::string int_array(const std::vector<std::int64_t>& values) {
  std::string out = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    out += std::to_string(values[i]);
  }
  return out + "}";
}

LineStatus line_status(plugins::Outcome outcome) {
  switch (outcome) {
    case plugins::Outcome::succeeded:
      return LineStatus::succeeded;
    case plugins::Outcome::pending:
      return LineStatus::pending;
    case plugins::Outcome::declined:
      return LineStatus::declined;
    case plugins::Outcome::not_sent:
      return LineStatus::not_sent;
    case plugins::Outcome::unknown:
      break;
  }
  return LineStatus::unknown;
}

// The cycle's state, locked for the rest of the transaction; nullopt when there is none.
Result<std::optional<CycleState>> locked_state(store::PgConnection& db, const std::string& caisse,
                                               const std::string& kind, Month month) {
  auto r = db.exec_params(
      "SELECT state FROM cycles WHERE caisse_id = $1 AND month = $2 AND kind = $3 FOR UPDATE",
      {caisse, month.to_string(), kind});
  if (!r) return r.error();
  if (r->rows() == 0) return std::optional<CycleState>{};
  return parse_state(r->get(0, 0));
}

Error no_cycle(const std::string& described) {
  return make_error("no " + described + ": compute it first", ErrorKind::not_found);
}

// The allocation draft: every household active in the month, with what the rule gives it.
class AllocationDraft final : public DraftSource {
 public:
  AllocationDraft(HouseholdSource& households, AllocationRule& rule, std::string currency,
                  std::int64_t contributions, std::uint64_t count)
      : households_(households),
        rule_(rule),
        currency_(std::move(currency)),
        contributions_(contributions),
        count_(count) {}
  std::string rule_version() const override { return rule_.version(); }
  Result<void> for_each_batch(Month month, const DraftBatch& batch) override {
    return households_.for_each_batch(
        month, 1000, [&](const std::vector<Household>& households) -> Result<void> {
          std::vector<DraftLine> lines;
          lines.reserve(households.size());
          for (const auto& household : households) {
            plugins::AllocationInput input{household.id,
                                           household.adults,
                                           household.children,
                                           month.to_string(),
                                           currency_,
                                           contributions_,
                                           count_};
            auto amount = rule_.allocate(input);
            if (!amount)
              return make_error("household " + household.id + ": " + amount.error().message,
                                ErrorKind::invalid);
            lines.push_back({household.id, *amount});
          }
          return batch(lines);
        });
  }

 private:
  HouseholdSource& households_;
  AllocationRule& rule_;
  std::string currency_;
  std::int64_t contributions_;
  std::uint64_t count_;
};

constexpr const char* kLineColumns =
    "household_id, amount_minor, rule_version, operation_id, status, attempts,"
    " coalesce(external_ref, ''), coalesce(message, '')";

std::vector<CycleLine> read_lines(const PgResult& r) {
  std::vector<CycleLine> lines;
  lines.reserve(static_cast<std::size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) {
    lines.push_back(CycleLine{std::string(r.get(i, 0)), to_int64(r.get(i, 1)),
                              std::string(r.get(i, 2)), std::string(r.get(i, 3)),
                              parse_status(r.get(i, 4)).value_or(LineStatus::unknown),
                              static_cast<int>(to_int64(r.get(i, 5))), std::string(r.get(i, 6)),
                              std::string(r.get(i, 7))});
  }
  return lines;
}

// Records the answers about `lines` in the caller's transaction, in a few statements whatever
// the batch size: one UPDATE for every line (a final line never changes again, whatever a late
// or repeated answer says), then the ledger postings of the lines that this UPDATE made
// SUCCEEDED, as one batch, so that a line's status and its posting commit together. A line whose
// answer is null is left as it is.
Result<void> record_outcomes(store::PgConnection& db, CycleKind kind, const std::string& caisse_id,
                             const std::string& currency, Month month,
                             const std::vector<CycleLine>& lines,
                             const std::vector<const plugins::OperationResult*>& answers,
                             CycleLedger& ledger) {
  std::vector<std::string> operations, statuses, refs, messages;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (answers[i] == nullptr) continue;
    operations.push_back(lines[i].operation_id);
    statuses.push_back(status_name(line_status(answers[i]->outcome)));
    refs.push_back(answers[i]->external_ref);
    messages.push_back(answers[i]->message);
  }
  if (operations.empty()) return {};
  auto updated = db.exec_params(
      "UPDATE cycle_lines AS c SET status = u.s, external_ref = nullif(u.r, ''),"
      " message = nullif(u.m, ''), updated_at = now()"
      " FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(o, s, r, m)"
      " WHERE c.operation_id = u.o AND c.status NOT IN ('SUCCEEDED', 'DECLINED')"
      " RETURNING c.operation_id, c.status",
      {store::text_array(operations), store::text_array(statuses), store::text_array(refs),
       store::text_array(messages)});
  if (!updated) return updated.error();
  std::unordered_set<std::string_view> credited;
  for (int row = 0; row < updated->rows(); ++row) {
    if (updated->get(row, 1) == "SUCCEEDED") credited.insert(updated->get(row, 0));
  }
  std::vector<Issuance> issuances;
  for (const auto& line : lines) {
    if (credited.count(line.operation_id) == 0) continue;
    issuances.push_back(Issuance{kind, caisse_id, month, line.household_id, line.operation_id,
                                 line.amount_minor, currency});
  }
  if (issuances.empty()) return {};
  return ledger.record_issuances(db, issuances);
}

// The household id that ends the next window of `batch_size` lines after `after`, whatever their
// status; nullopt past the last line. Lines are then picked by status inside the window, so
// that every batch walks the primary key in household order: a query "the next N lines with
// this status" lets the planner scan and sort every remaining line instead when its statistics
// lag behind the statuses the dispatch is changing, a cost that grows with the cycle's size at
// each batch. For the same reason the status test inside a window is written `status || ''`:
// it keeps the planner off the partial index on open lines (cycle_lines_open), which would
// visit every open line of the cycle to find the window's few.
Result<std::optional<std::string>> window_end(store::PgConnection& db, const std::string& caisse,
                                              const std::string& kind, Month month,
                                              const std::string& after, std::size_t batch_size) {
  auto r = db.exec_params(
      "SELECT max(household_id) FROM (SELECT household_id FROM cycle_lines"
      " WHERE caisse_id = $1 AND month = $2 AND household_id > $3 AND kind = $5"
      " ORDER BY household_id LIMIT $4) AS w",
      {caisse, month.to_string(), after, std::to_string(batch_size), kind});
  if (!r) return r.error();
  if (r->rows() == 0 || r->is_null(0, 0)) return std::optional<std::string>{};
  return std::optional<std::string>(std::string(r->get(0, 0)));
}

// The lines still open after the due date, and by how many days; nullopt when nothing is late
// (no due date, not due yet, or every line final).
std::optional<Lateness> lateness(const CycleSummary& s, ledger::Date today) {
  if (!s.due_on) return std::nullopt;
  auto due = ledger::parse_date(*s.due_on);
  if (!due) return std::nullopt;
  const auto days = (std::chrono::sys_days{today} - std::chrono::sys_days{*due}).count();
  if (days <= 0) return std::nullopt;
  Lateness late{0, 0, days};
  for (const auto& [status, totals] : s.by_status) {
    if (is_final(status)) continue;
    late.lines += totals.lines;
    late.amount_minor += totals.amount_minor;
  }
  if (late.lines == 0) return std::nullopt;
  return late;
}

}  // namespace

std::string operation_id(CycleKind kind, std::string_view caisse_id, Month month,
                         std::string_view household_id) {
  const char* prefix = kind == CycleKind::bonus ? "bonus/" : "alloc/";
  return prefix + std::string(caisse_id) + "/" + month.to_string() + "/" +
         std::string(household_id);
}

ledger::Date system_today() {
  return ledger::Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
}

AllocationCycle::AllocationCycle(std::string caisse_id, std::string currency, int minor_unit,
                                 store::PgConnection& db, CycleKind kind, Today today)
    : caisse_id_(std::move(caisse_id)),
      currency_(std::move(currency)),
      minor_unit_(minor_unit),
      db_(db),
      kind_(kind),
      kind_name_(kind_name(kind)),
      today_(std::move(today)) {}

// "cycle 2026-11 of montpellier", "bonus cycle 2026-11 of montpellier".
std::string AllocationCycle::describe(Month month) const {
  return std::string(kind_ == CycleKind::bonus ? "bonus cycle " : "cycle ") + month.to_string() +
         " of " + caisse_id_;
}

Result<CycleSummary> AllocationCycle::compute(Month month, std::string_view actor,
                                              HouseholdSource& households, AllocationRule& rule,
                                              CycleLedger& ledger) {
  auto count = households.count(month);
  if (!count) return count.error();
  auto contributions = ledger.month_contributions(month);
  if (!contributions) return contributions.error();
  AllocationDraft draft(households, rule, currency_, *contributions, *count);
  return compute(month, actor, draft);
}

Result<CycleSummary> AllocationCycle::compute(Month month, std::string_view actor,
                                              DraftSource& draft,
                                              std::optional<ledger::Date> due_on) {
  auto tx = store::Transaction::begin(db_);
  if (!tx) return tx.error();
  auto state = locked_state(db_, caisse_id_, kind_name_, month);
  if (!state) return state.error();
  if (*state && **state != CycleState::computed) {
    return make_error(describe(month) + " is " + state_name(**state) +
                          ": only a draft (computed) can be computed again",
                      ErrorKind::conflict);
  }
  const std::string version = draft.rule_version();
  const std::optional<std::string> due =
      due_on ? std::optional(ledger::format_date(*due_on)) : std::nullopt;
  auto header = db_.exec_params(
      "INSERT INTO cycles (caisse_id, month, state, currency, rule_version, household_count,"
      " total_minor, computed_by, computed_at, kind, due_on)"
      " VALUES ($1, $2, 'computed', $3, $4, 0, 0, $5, now(), $6, $7::date)"
      " ON CONFLICT (caisse_id, kind, month) DO UPDATE SET currency = $3, rule_version = $4,"
      " household_count = 0, total_minor = 0, computed_by = $5, computed_at = now(),"
      " funds_minor = NULL, shortfall_minor = NULL, due_on = $7::date",
      {caisse_id_, month.to_string(), currency_, version, std::string(actor), kind_name_, due});
  if (!header) return header.error();
  auto cleared =
      db_.exec_params("DELETE FROM cycle_lines WHERE caisse_id = $1 AND month = $2 AND kind = $3",
                      {caisse_id_, month.to_string(), kind_name_});
  if (!cleared) return cleared.error();

  money::Money total{0, currency_};
  std::uint64_t computed = 0;
  auto inserted =
      draft.for_each_batch(month, [&](const std::vector<DraftLine>& batch) -> Result<void> {
        std::vector<std::string> ids, operations;
        std::vector<std::int64_t> amounts;
        for (const auto& line : batch) {
          if (line.amount_minor < 0) {
            return make_error(
                "household " + line.household_id + ": the rule returned a negative amount",
                ErrorKind::invalid);
          }
          auto sum = money::add(total, {line.amount_minor, currency_});
          if (!sum) return make_error("total of " + describe(month) + ": " + sum.error().message);
          total = *sum;
          ids.push_back(line.household_id);
          amounts.push_back(line.amount_minor);
          operations.push_back(operation_id(kind_, caisse_id_, month, line.household_id));
        }
        computed += batch.size();
        auto rows = db_.exec_params(
            "INSERT INTO cycle_lines (caisse_id, month, household_id, amount_minor, rule_version,"
            " operation_id, kind) SELECT $1, $2, h, a, $3, o, $7"
            " FROM unnest($4::text[], $5::bigint[], $6::text[]) AS t(h, a, o)",
            {caisse_id_, month.to_string(), version, store::text_array(ids), int_array(amounts),
             store::text_array(operations), kind_name_});
        if (!rows) return rows.error();
        return {};
      });
  if (!inserted) return inserted.error();
  auto totals = db_.exec_params(
      "UPDATE cycles SET household_count = $3, total_minor = $4 WHERE caisse_id = $1 AND month = "
      "$2 AND kind = $5",
      {caisse_id_, month.to_string(), std::to_string(computed), std::to_string(total.minor),
       kind_name_});
  if (!totals) return totals.error();
  if (auto committed = tx->commit(); !committed) return committed.error();
  return summary(month);
}

Result<CycleSummary> AllocationCycle::approve(Month month, std::string_view actor) {
  auto tx = store::Transaction::begin(db_);
  if (!tx) return tx.error();
  auto r = db_.exec_params(
      "SELECT state, computed_by FROM cycles WHERE caisse_id = $1 AND month = $2 AND kind = $3"
      " FOR UPDATE",
      {caisse_id_, month.to_string(), kind_name_});
  if (!r) return r.error();
  if (r->rows() == 0) return no_cycle(describe(month));
  if (r->get(0, 0) == "computed") {
    if (r->get(0, 1) == actor) {
      return make_error("approval needs a second operator: " + std::string(actor) + " computed " +
                            describe(month),
                        ErrorKind::conflict);
    }
    auto updated = db_.exec_params(
        "UPDATE cycles SET state = 'approved', approved_by = $3, approved_at = now()"
        " WHERE caisse_id = $1 AND month = $2 AND kind = $4",
        {caisse_id_, month.to_string(), std::string(actor), kind_name_});
    if (!updated) return updated.error();
  }
  if (auto committed = tx->commit(); !committed) return committed.error();
  return summary(month);
}

Result<CycleSummary> AllocationCycle::fund(Month month, CycleLedger& ledger) {
  auto current = summary(month);
  if (!current) return current;
  if (current->state == CycleState::computed) {
    return make_error(describe(month) + " must be approved before it is funded",
                      ErrorKind::conflict);
  }
  if (current->state != CycleState::approved) return current;  // already funded: no-op
  auto available = ledger.funds_available(month);
  if (!available) return available.error();
  const bool covered = *available >= current->total_minor;
  // The shortfall is NULL once covered: nothing is missing any more.
  auto updated = db_.exec_params(
      "UPDATE cycles SET state = CASE WHEN $4::bigint IS NULL THEN 'funded' ELSE state END,"
      " funded_at = CASE WHEN $4::bigint IS NULL THEN now() END,"
      " funds_minor = $3, shortfall_minor = $4"
      " WHERE caisse_id = $1 AND month = $2 AND state = 'approved' AND kind = $5",
      {caisse_id_, month.to_string(), std::to_string(*available),
       covered ? std::nullopt
               : std::optional<std::string>(std::to_string(current->total_minor - *available)),
       kind_name_});
  if (!updated) return updated.error();
  if (!covered) {
    return make_error(
        describe(month) + " is blocked: funds " + money::format_decimal(*available, minor_unit_) +
            ", total " + money::format_decimal(current->total_minor, minor_unit_) + ", shortfall " +
            money::format_decimal(current->total_minor - *available, minor_unit_) + " " + currency_,
        ErrorKind::conflict);
  }
  return summary(month);
}

Result<void> AllocationCycle::record_outcome(const CycleLine& line,
                                             const plugins::OperationResult& result,
                                             CycleLedger& ledger, Month month) {
  return record_outcomes(db_, kind_, caisse_id_, currency_, month, {line}, {&result}, ledger);
}

Result<CycleSummary> AllocationCycle::dispatch(Month month, CurrencyGateway& gateway,
                                               CycleLedger& ledger, std::size_t batch_size) {
  auto current = summary(month);
  if (!current) return current;
  if (current->state == CycleState::computed || current->state == CycleState::approved) {
    return make_error(describe(month) + " must be funded before it is dispatched",
                      ErrorKind::conflict);
  }
  if (current->state != CycleState::funded && current->state != CycleState::dispatched) {
    return current;  // settled or closed: nothing left to send
  }
  auto started = db_.exec_params(
      "UPDATE cycles SET state = 'dispatched', dispatched_at = now()"
      " WHERE caisse_id = $1 AND month = $2 AND state = 'funded' AND kind = $3",
      {caisse_id_, month.to_string(), kind_name_});
  if (!started) return started.error();

  const std::string description =
      (kind_ == CycleKind::bonus ? "Bonus " : "Allocation ") + month.to_string();
  std::string after;  // keyset: one pass, so a line the backend did not take waits for next time
  for (;;) {
    auto end = window_end(db_, caisse_id_, kind_name_, month, after, batch_size);
    if (!end) return end.error();
    if (!*end) break;
    auto tx = store::Transaction::begin(db_);
    if (!tx) return tx.error();
    auto picked = db_.exec_params(
        std::string("SELECT ") + kLineColumns +
            " FROM cycle_lines WHERE caisse_id = $1 AND month = $2 AND household_id > $3"
            " AND household_id <= $4 AND kind = $5 AND status || '' = 'NOT_SENT'"
            " ORDER BY household_id FOR UPDATE",
        {caisse_id_, month.to_string(), after, **end, kind_name_});
    if (!picked) return picked.error();
    std::vector<CycleLine> lines = read_lines(*picked);
    after = **end;
    if (lines.empty()) continue;  // nothing to send in this window
    std::vector<std::string> ids;
    for (const auto& line : lines) ids.push_back(line.operation_id);
    // The intent is on disk before the call: a crash from here on leaves UNKNOWN lines.
    auto marked = db_.exec_params(
        "UPDATE cycle_lines SET status = 'UNKNOWN', attempts = attempts + 1,"
        " message = 'sent; waiting for the outcome', updated_at = now()"
        " WHERE operation_id = ANY($1::text[])",
        {store::text_array(ids)});
    if (!marked) return marked.error();
    if (auto committed = tx->commit(); !committed) return committed.error();

    std::vector<plugins::CreditLine> credits;
    for (const auto& line : lines) {
      credits.push_back(
          {line.operation_id, line.household_id, {line.amount_minor, currency_}, description});
    }
    auto results = gateway.credit(credits);
    if (results && results->size() != lines.size()) {
      results = make_error("the adapter answered " + std::to_string(results->size()) +
                           " results for " + std::to_string(lines.size()) + " lines");
    }
    if (!results) {
      auto noted = db_.exec_params(
          "UPDATE cycle_lines SET message = $2 WHERE operation_id = ANY($1::text[])"
          " AND status = 'UNKNOWN'",
          {store::text_array(ids), "outcome unknown: " + results.error().message});
      if (!noted) return noted.error();
      return make_error(
          describe(month) + ": dispatch stopped, " + std::to_string(lines.size()) +
              " line(s) UNKNOWN until the janitor asks the backend: " + results.error().message,
          ErrorKind::unavailable);
    }
    std::vector<const plugins::OperationResult*> answers;
    for (const auto& result : *results) answers.push_back(&result);
    auto outcomes = store::Transaction::begin(db_);
    if (!outcomes) return outcomes.error();
    if (auto recorded =
            record_outcomes(db_, kind_, caisse_id_, currency_, month, lines, answers, ledger);
        !recorded) {
      return recorded.error();
    }
    if (auto committed = outcomes->commit(); !committed) return committed.error();
  }
  if (auto settled = settle_if_done(month); !settled) return settled.error();
  return summary(month);
}

Result<CycleSummary> AllocationCycle::reconcile(Month month, CurrencyGateway& gateway,
                                                CycleLedger& ledger, std::size_t batch_size) {
  auto current = summary(month);
  if (!current) return current;
  if (current->state != CycleState::dispatched) return current;
  std::string after;
  for (;;) {
    auto end = window_end(db_, caisse_id_, kind_name_, month, after, batch_size);
    if (!end) return end.error();
    if (!*end) break;
    auto picked = db_.exec_params(
        std::string("SELECT ") + kLineColumns +
            " FROM cycle_lines WHERE caisse_id = $1 AND month = $2 AND household_id > $3"
            " AND household_id <= $4 AND kind = $5 AND status || '' IN ('PENDING', 'UNKNOWN')"
            " ORDER BY household_id",
        {caisse_id_, month.to_string(), after, **end, kind_name_});
    if (!picked) return picked.error();
    std::vector<CycleLine> lines = read_lines(*picked);
    after = **end;
    if (lines.empty()) continue;  // nothing to ask about in this window
    // Every line of the batch is asked first, outside any transaction; the answers are then
    // recorded together, each line's status with its posting.
    std::vector<std::optional<plugins::OperationResult>> answers;
    answers.reserve(lines.size());
    std::vector<const plugins::OperationResult*> answered;
    for (const auto& line : lines) {
      auto answer = gateway.status(line.operation_id);
      // The backend cannot say now: ask again on the next round.
      answers.push_back(answer ? std::optional(std::move(answer.value())) : std::nullopt);
    }
    for (const auto& answer : answers) answered.push_back(answer ? &*answer : nullptr);
    auto tx = store::Transaction::begin(db_);
    if (!tx) return tx.error();
    if (auto recorded =
            record_outcomes(db_, kind_, caisse_id_, currency_, month, lines, answered, ledger);
        !recorded) {
      return recorded.error();
    }
    if (auto committed = tx->commit(); !committed) return committed.error();
  }
  if (auto settled = settle_if_done(month); !settled) return settled.error();
  return summary(month);
}

Result<void> AllocationCycle::settle_if_done(Month month) {
  auto settled = db_.exec_params(
      "UPDATE cycles SET state = 'settled', settled_at = now()"
      " WHERE caisse_id = $1 AND month = $2 AND kind = $3 AND state = 'dispatched' AND NOT EXISTS ("
      "  SELECT 1 FROM cycle_lines WHERE caisse_id = $1 AND month = $2 AND kind = $3"
      "  AND status NOT IN ('SUCCEEDED', 'DECLINED'))",
      {caisse_id_, month.to_string(), kind_name_});
  if (!settled) return settled.error();
  return {};
}

Result<CycleSummary> AllocationCycle::close(Month month) {
  auto current = summary(month);
  if (!current) return current;
  if (current->state == CycleState::closed) return current;
  if (current->state != CycleState::settled) {
    std::string open;
    for (const auto& [status, totals] : current->by_status) {
      if (!is_final(status)) {
        open +=
            (open.empty() ? "" : ", ") + std::to_string(totals.lines) + " " + status_name(status);
      }
    }
    return make_error(describe(month) + " is " + state_name(current->state) +
                          ": it can be closed once settled" +
                          (open.empty() ? std::string() : " (still open: " + open + ")"),
                      ErrorKind::conflict);
  }
  auto closed = db_.exec_params(
      "UPDATE cycles SET state = 'closed', closed_at = now()"
      " WHERE caisse_id = $1 AND month = $2 AND state = 'settled' AND kind = $3",
      {caisse_id_, month.to_string(), kind_name_});
  if (!closed) return closed.error();
  return summary(month);
}

Result<CycleSummary> AllocationCycle::summary(Month month) {
  auto r = db_.exec_params(
      "SELECT state, currency, rule_version, household_count, total_minor, computed_by,"
      " to_char(computed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), approved_by,"
      " to_char(approved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
      " funds_minor, shortfall_minor, to_char(due_on, 'YYYY-MM-DD')"
      " FROM cycles WHERE caisse_id = $1 AND month = $2 AND kind = $3",
      {caisse_id_, month.to_string(), kind_name_});
  if (!r) return r.error();
  if (r->rows() == 0) return no_cycle(describe(month));
  CycleSummary s;
  s.kind = kind_;
  s.caisse_id = caisse_id_;
  s.month = month;
  s.state = parse_state(r->get(0, 0)).value_or(CycleState::computed);
  s.currency = r->get(0, 1);
  s.rule_version = r->get(0, 2);
  s.household_count = static_cast<std::uint64_t>(to_int64(r->get(0, 3)));
  s.total_minor = to_int64(r->get(0, 4));
  s.computed_by = r->get(0, 5);
  s.computed_at = r->get(0, 6);
  s.approved_by = nullable_text(*r, 0, 7);
  s.approved_at = nullable_text(*r, 0, 8);
  s.funds_minor = nullable_int(*r, 0, 9);
  s.shortfall_minor = nullable_int(*r, 0, 10);
  s.due_on = nullable_text(*r, 0, 11);
  auto lines = db_.exec_params(
      "SELECT status, count(*), coalesce(sum(amount_minor), 0) FROM cycle_lines"
      " WHERE caisse_id = $1 AND month = $2 AND kind = $3 GROUP BY status",
      {caisse_id_, month.to_string(), kind_name_});
  if (!lines) return lines.error();
  for (int i = 0; i < lines->rows(); ++i) {
    if (auto status = parse_status(lines->get(i, 0))) {
      s.by_status[*status] = {static_cast<std::uint64_t>(to_int64(lines->get(i, 1))),
                              to_int64(lines->get(i, 2))};
    }
  }
  s.late = lateness(s, today_());
  return s;
}

Result<void> AllocationCycle::for_each_line(Month month, std::size_t batch_size,
                                            const CycleLineBatch& batch) {
  std::string after;
  for (;;) {
    auto r = db_.exec_params(
        std::string("SELECT ") + kLineColumns +
            " FROM cycle_lines WHERE caisse_id = $1 AND month = $2"
            " AND household_id > $3 AND kind = $5"
            " ORDER BY household_id LIMIT $4",
        {caisse_id_, month.to_string(), after, std::to_string(batch_size), kind_name_});
    if (!r) return r.error();
    auto lines = read_lines(*r);
    if (lines.empty()) return {};
    after = lines.back().household_id;
    if (auto handled = batch(lines); !handled) return handled;
  }
}

}  // namespace caisse::host::cycle
