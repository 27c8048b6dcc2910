#include "collection/run_draft.hpp"

#include <cstdio>
#include <map>
#include <utility>

#include "collection/collection_ids.hpp"
#include "collection/collection_lock.hpp"
#include "collection/mandate_store.hpp"
#include "collection/run_store.hpp"
#include "store/text_array.hpp"

namespace caisse::host::collection {
namespace {

constexpr const char* kEuro = "EUR";

// The households the run should debit and does not yet: active in the month, whose latest
// commitment from the month or before is sepa_debit above zero; with their mandate, if any.
constexpr const char* kCandidates = R"sql(
WITH in_force AS (
  SELECT DISTINCT ON (c.household_id) c.household_id, c.amount_minor, c.method
    FROM registry_contributions c
   WHERE c.caisse_id = $1 AND c.from_month <= $2
   ORDER BY c.household_id, c.from_month DESC)
SELECT f.household_id, f.amount_minor, m.household_id IS NOT NULL, %MANDATE%
  FROM in_force f
  JOIN registry_households h ON h.caisse_id = $1 AND h.id = f.household_id
  LEFT JOIN collection_mandates m ON m.caisse_id = $1 AND m.household_id = f.household_id
 WHERE f.method = 'sepa_debit' AND f.amount_minor > 0
   AND h.joined_on <= (to_date($3, 'YYYY-MM-DD') + interval '1 month' - interval '1 day')::date
   AND (h.left_on IS NULL OR h.left_on >= to_date($3, 'YYYY-MM-DD'))
   AND NOT EXISTS (SELECT 1 FROM collection_debits d
                    WHERE d.caisse_id = $1 AND d.month = $2 AND d.household_id = f.household_id)
 ORDER BY f.household_id
)sql";

// Amendments not yet told to the bank, and not made moot by a new mandate since.
constexpr const char* kUnreported = R"sql(
  a.caisse_id = $1 AND a.kind = 'amendment' AND a.reported_by IS NULL
  AND NOT EXISTS (SELECT 1 FROM collection_mandate_history r
                   WHERE r.caisse_id = a.caisse_id AND r.household_id = a.household_id
                     AND r.kind = 'replacement' AND r.id > a.id)
)sql";

constexpr const char* kInsertDebits = R"sql(
INSERT INTO collection_debits
    (caisse_id, month, household_id, end_to_end_id, mandate_id, mandate_signed_on, sequence_type,
     debtor_name, debtor_iban, debtor_bic, amount_minor, currency, remittance,
     amended_mandate_id, amended_iban)
SELECT $1, $2, t.h, t.e, t.m, t.s::date, t.q, t.n, t.i, NULLIF(t.b, ''), t.a::bigint, 'EUR', t.r,
       NULLIF(t.om, ''), NULLIF(t.oi, '')
  FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
              $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])
       AS t(h, e, m, s, q, n, i, b, a, r, om, oi)
)sql";

struct Candidate {
  std::string household_id;
  std::int64_t amount_minor = 0;
  std::optional<Mandate> mandate;
};

// What the bank last saw of a household's mandate, when it was amended since.
struct Original {
  std::string mandate_id;
  std::string iban;
};

std::string utc_timestamp(std::chrono::system_clock::time_point at) {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(at);
  const auto day = std::chrono::floor<std::chrono::days>(seconds);
  const std::chrono::hh_mm_ss time(seconds - day);
  char clock[16];
  std::snprintf(clock, sizeof clock, "T%02d:%02d:%02dZ", static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()));
  return csv::format_date(csv::Date(day)) + clock;
}

Result<Run> open_run(store::PgConnection& db, std::string_view caisse_id,
                     const DraftRequest& request) {
  const std::string date = csv::format_date(request.collection_date);
  auto existing = load_run(db, caisse_id, request.month);
  if (!existing) return existing.error();
  if (*existing) {
    const Run& run = **existing;
    if (run.collector != request.collector || run.batch.collection_date != date) {
      return make_error("the direct-debit run of " + request.month.to_string() + " of caisse " +
                            std::string(caisse_id) + " is drafted for collector " + run.collector +
                            " and collection on " + run.batch.collection_date + ", not for " +
                            request.collector + " on " + date,
                        ErrorKind::conflict);
    }
    return std::move(**existing);
  }
  auto created = db.exec_params(
      "INSERT INTO collection_runs"
      "    (caisse_id, month, collector, message_id, collection_date, created_at, state)"
      " VALUES ($1, $2, $3, $4, $5::date, $6::timestamptz, 'drafted')",
      {std::string(caisse_id), request.month.to_string(), request.collector,
       message_id(caisse_id, request.month), date, utc_timestamp(request.now)});
  if (!created) return created.error();
  Run run;
  run.caisse_id = caisse_id;
  run.month = request.month;
  run.collector = request.collector;
  return run;
}

Result<std::vector<Candidate>> candidates(store::PgConnection& db, std::string_view caisse_id,
                                          Month month) {
  std::string sql = kCandidates;
  sql.replace(sql.find("%MANDATE%"), 9, kMandateColumns);
  auto rows =
      db.exec_params(sql, {std::string(caisse_id), month.to_string(), month.to_string() + "-01"});
  if (!rows) return rows.error();
  std::vector<Candidate> found;
  found.reserve(static_cast<std::size_t>(rows->rows()));
  for (int r = 0; r < rows->rows(); ++r) {
    Candidate c;
    c.household_id = rows->get(r, 0);
    c.amount_minor = std::stoll(std::string(rows->get(r, 1)));
    if (rows->get(r, 2) == "t") {
      auto mandate = read_mandate(*rows, r, 3);
      if (!mandate) return mandate.error();
      c.mandate = std::move(mandate.value());
    }
    found.push_back(std::move(c));
  }
  return found;
}

Result<std::map<std::string, Original>> originals(store::PgConnection& db,
                                                  std::string_view caisse_id,
                                                  const std::vector<std::string>& households) {
  // The first recorded value of each kind is the one the bank knows.
  auto rows = db.exec_params(
      std::string("SELECT a.household_id,"
                  " coalesce((array_agg(a.original_mandate_id ORDER BY a.id)"
                  "           FILTER (WHERE a.original_mandate_id IS NOT NULL))[1], ''),"
                  " coalesce((array_agg(a.original_iban ORDER BY a.id)"
                  "           FILTER (WHERE a.original_iban IS NOT NULL))[1], '')"
                  " FROM collection_mandate_history a WHERE a.household_id = ANY($2::text[]) AND") +
          kUnreported + " GROUP BY a.household_id",
      {std::string(caisse_id), store::text_array(households)});
  if (!rows) return rows.error();
  std::map<std::string, Original> found;
  for (int r = 0; r < rows->rows(); ++r) {
    found.emplace(std::string(rows->get(r, 0)),
                  Original{std::string(rows->get(r, 1)), std::string(rows->get(r, 2))});
  }
  return found;
}

Debit debit_for(std::string_view caisse_id, Month month, const Candidate& candidate,
                SequenceType sequence, const Original& original) {
  const Mandate& m = *candidate.mandate;
  Debit d;
  d.household_id = candidate.household_id;
  d.end_to_end_id = end_to_end_id(caisse_id, month, candidate.household_id);
  d.mandate_id = m.mandate_id;
  d.mandate_signed_on = csv::format_date(m.signed_on);
  d.sequence = sequence;
  d.debtor_name = m.debtor_name;
  d.debtor_iban = m.iban;
  d.debtor_bic = m.bic;
  d.amount = plugins::Money{candidate.amount_minor, kEuro};
  d.remittance = remittance(month);
  // Amended back to what the bank knows is no amendment at all.
  if (original.mandate_id != m.mandate_id) d.amended_mandate_id = original.mandate_id;
  if (original.iban != m.iban) d.amended_debtor_iban = original.iban;
  return d;
}

Result<void> store_debits(store::PgConnection& db, std::string_view caisse_id, Month month,
                          const std::vector<Debit>& debits, csv::Date collection_date) {
  if (debits.empty()) return {};
  std::vector<std::vector<std::string>> columns(12);
  std::vector<std::string> households;
  std::vector<std::string> ids;
  for (const Debit& d : debits) {
    const std::string values[] = {d.household_id,
                                  d.end_to_end_id,
                                  d.mandate_id,
                                  d.mandate_signed_on,
                                  std::string(sepa_code(d.sequence)),
                                  d.debtor_name,
                                  d.debtor_iban,
                                  d.debtor_bic,
                                  std::to_string(d.amount.minor),
                                  d.remittance,
                                  d.amended_mandate_id,
                                  d.amended_debtor_iban};
    for (std::size_t c = 0; c < columns.size(); ++c) columns[c].push_back(values[c]);
  }
  std::vector<std::optional<std::string>> params = {std::string(caisse_id), month.to_string()};
  for (const auto& column : columns) params.push_back(store::text_array(column));
  if (auto inserted = db.exec_params(kInsertDebits, params); !inserted) return inserted.error();

  const std::string household_array = store::text_array(columns[0]);
  const std::string id_array = store::text_array(columns[1]);
  auto reported =
      db.exec_params(std::string("UPDATE collection_mandate_history a SET reported_by = t.e"
                                 "  FROM unnest($2::text[], $3::text[]) AS t(h, e)"
                                 " WHERE a.household_id = t.h AND") +
                         kUnreported,
                     {std::string(caisse_id), household_array, id_array});
  if (!reported) return reported.error();
  auto used = db.exec_params(
      "UPDATE collection_mandates SET first_collection_done = true,"
      "       last_collected_on = greatest(last_collected_on, $3::date), updated_at = now()"
      " WHERE caisse_id = $1 AND household_id = ANY($2::text[])",
      {std::string(caisse_id), household_array, csv::format_date(collection_date)});
  if (!used) return used.error();
  return {};
}

}  // namespace

Result<DraftedRun> draft_run(store::PgConnection& db, std::string_view caisse_id,
                             const DraftRequest& request) {
  auto transaction = detail::begin_locked(db, caisse_id);
  if (!transaction) return transaction.error();
  auto run = open_run(db, caisse_id, request);
  if (!run) return run.error();
  auto found = candidates(db, caisse_id, request.month);
  if (!found) return found.error();
  std::vector<std::string> households;
  for (const auto& c : *found) households.push_back(c.household_id);
  auto amended = originals(db, caisse_id, households);
  if (!amended) return amended.error();

  DraftedRun drafted;
  std::vector<Debit> debits;
  for (const Candidate& c : *found) {
    if (!c.mandate) {
      drafted.problems.push_back(
          {c.household_id, "household \"" + c.household_id +
                               "\" pays by sepa_debit and has no mandate: import one "
                               "(mandates.csv)"});
      continue;
    }
    auto sequence = sequence_for(*c.mandate, request.collection_date);
    if (!sequence) {
      drafted.problems.push_back({c.household_id, sequence.error().message});
      if (c.mandate->status == MandateStatus::active &&
          request.collection_date >= lapses_on(*c.mandate)) {
        auto lapsed = set_mandate_status(db, caisse_id, c.household_id, MandateStatus::lapsed, "");
        if (!lapsed) return lapsed.error();
      }
      continue;
    }
    if (run->state != RunState::drafted) {
      drafted.problems.push_back(
          {c.household_id, "household \"" + c.household_id + "\" is not in the run of " +
                               request.month.to_string() +
                               ", whose file is already written: collect this month by other "
                               "means"});
      continue;
    }
    auto original = amended->find(c.household_id);
    debits.push_back(debit_for(caisse_id, request.month, c, *sequence,
                               original == amended->end()
                                   ? Original{c.mandate->mandate_id, c.mandate->iban}
                                   : original->second));
  }
  if (auto stored = store_debits(db, caisse_id, request.month, debits, request.collection_date);
      !stored) {
    return stored.error();
  }
  auto reloaded = load_run(db, caisse_id, request.month);
  if (!reloaded) return reloaded.error();
  if (auto committed = transaction->commit(); !committed) return committed.error();
  drafted.run = std::move(**reloaded);
  drafted.added = debits.size();
  return drafted;
}

}  // namespace caisse::host::collection
