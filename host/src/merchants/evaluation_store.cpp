#include "merchants/evaluation_store.hpp"

#include <algorithm>

#include "accreditation/evaluation_reader.hpp"
#include "digest/sha256.hpp"
#include "merchants/grid_store.hpp"
#include "store/text_array.hpp"
#include "store/transaction.hpp"

namespace caisse::host::merchants {
namespace {

using accreditation::Evaluation;

constexpr const char* kInsert = R"sql(
INSERT INTO merchant_evaluations (caisse_id, merchant_id, grid_id, grid_version, grid_digest,
                                  evaluated_on, evaluators, comment, source, content_digest,
                                  outcome, points, max_points, recorded_by)
VALUES ($1, $2, $3, $4, $5, $6::date, $7::text[], $8, $9, $10, $11, $12::bigint, $13::bigint, $14)
ON CONFLICT (caisse_id, merchant_id, grid_id, grid_version, evaluated_on) DO NOTHING
RETURNING id
)sql";

constexpr const char* kSameVisit = R"sql(
SELECT id, content_digest, source FROM merchant_evaluations
 WHERE caisse_id = $1 AND merchant_id = $2 AND grid_id = $3 AND grid_version = $4
   AND evaluated_on = $5::date
)sql";

constexpr const char* kAnswer =
    "INSERT INTO merchant_evaluation_answers (evaluation_id, criterion, score, comment)"
    " VALUES ($1::bigint, $2, $3::bigint, $4)";

constexpr const char* kOne = R"sql(
SELECT merchant_id, grid_id, grid_version, grid_digest, evaluated_on::text, id, comment,
       to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
  FROM merchant_evaluations WHERE caisse_id = $1 AND id = $2::bigint
)sql";

// The fields of the evaluation that say what the residents found, each length-prefixed so that
// no text can pass for another: the same visit written twice has the same digest.
std::string content_digest(const Evaluation& e) {
  std::string canonical;
  auto field = [&canonical](std::string_view text) {
    canonical += std::to_string(text.size()) + ":" + std::string(text) + "\n";
  };
  for (std::string_view text :
       {std::string_view(e.grid_id), std::string_view(e.grid_version),
        std::string_view(e.merchant_id), std::string_view(e.date), std::string_view(e.comment)}) {
    field(text);
  }
  for (const auto& evaluator : e.evaluators) field(evaluator);
  std::vector<const accreditation::Answer*> answers;
  for (const auto& answer : e.answers) answers.push_back(&answer);
  std::sort(answers.begin(), answers.end(),
            [](auto* a, auto* b) { return a->criterion < b->criterion; });
  for (const auto* answer : answers) {
    field(answer->criterion);
    field(answer->score ? std::to_string(*answer->score) : "n/a");
    field(answer->comment);
  }
  return digest::to_hex(digest::sha256(canonical));
}

Result<void> check_merchant(store::PgConnection& db, std::string_view caisse_id,
                            const Evaluation& evaluation) {
  auto found = db.exec_params("SELECT 1 FROM registry_merchants WHERE caisse_id = $1 AND id = $2",
                              {std::string(caisse_id), evaluation.merchant_id});
  if (!found) return found.error();
  if (found->rows() > 0) return {};
  return make_error(evaluation.position_of("merchant").to_string() + ": merchant: no merchant \"" +
                        evaluation.merchant_id + "\" in caisse " + std::string(caisse_id) +
                        " (import it with merchants.csv first)",
                    ErrorKind::not_found);
}

Result<void> check_expected_version(const EvaluationFile& file, const Evaluation& evaluation) {
  if (!file.expected_version || *file.expected_version == evaluation.grid_version) return {};
  return make_error(evaluation.position_of("grid_version").to_string() + ": grid_version: \"" +
                        evaluation.grid_version +
                        "\", but the evaluation is recorded with --grid " + *file.expected_version,
                    ErrorKind::invalid);
}

// An id already holding this visit: the same content is the same evaluation, other content a
// conflict.
Result<std::int64_t> same_visit(store::PgConnection& db, std::string_view caisse_id,
                                const Evaluation& e, const std::string& digest) {
  auto row = db.exec_params(
      kSameVisit, {std::string(caisse_id), e.merchant_id, e.grid_id, e.grid_version, e.date});
  if (!row) return row.error();
  if (row->rows() == 0) return make_error("the evaluation vanished while it was recorded");
  if (row->get(0, 1) != digest) {
    return make_error(e.source.string() + ": merchant " + e.merchant_id +
                          " was already evaluated on " + e.date + " with grid " + e.grid_id + " " +
                          e.grid_version + " (evaluation " + std::string(row->get(0, 0)) +
                          ", from " + std::string(row->get(0, 2)) +
                          ") with other answers; evaluations are never rewritten",
                      ErrorKind::conflict);
  }
  return std::stoll(std::string(row->get(0, 0)));
}

Result<void> insert_answers(store::PgConnection& db, std::int64_t id, const Evaluation& e) {
  for (const auto& answer : e.answers) {
    auto done = db.exec_params(
        kAnswer,
        {std::to_string(id), answer.criterion,
         answer.score ? std::optional<std::string>(std::to_string(*answer.score)) : std::nullopt,
         answer.comment});
    if (!done) return done.error();
  }
  return {};
}

Result<RecordedEvaluation> store(store::PgConnection& db, std::string_view caisse_id,
                                 const CaisseGrids& grids, const EvaluationFile& file,
                                 RecordedEvaluation recorded) {
  const Evaluation& e = recorded.evaluation;
  const accreditation::ScoreCard& score = recorded.score;
  if (auto stored = store_grid_version(db, caisse_id, grids, e.grid_id, e.grid_version); !stored) {
    return stored.error();
  }
  const std::string digest = content_digest(e);
  auto inserted = db.exec_params(
      kInsert, {std::string(caisse_id), e.merchant_id, e.grid_id, e.grid_version, score.grid_digest,
                e.date, store::text_array(e.evaluators), e.comment, file.name, digest,
                std::string(accreditation::outcome_name(score.outcome)),
                std::to_string(score.points), std::to_string(score.max_points), file.recorded_by});
  if (!inserted) return inserted.error();
  if (inserted->rows() == 0) {
    auto existing = same_visit(db, caisse_id, e, digest);
    if (!existing) return existing.error();
    recorded.id = *existing;
    return recorded;
  }
  recorded.id = std::stoll(std::string(inserted->get(0, 0)));
  recorded.fresh = true;
  if (auto answers = insert_answers(db, recorded.id, e); !answers) return answers.error();
  return recorded;
}

Result<std::vector<std::string>> load_evaluators(store::PgConnection& db, std::int64_t id) {
  auto rows = db.exec_params(
      "SELECT u.evaluator FROM merchant_evaluations e,"
      " unnest(e.evaluators) WITH ORDINALITY AS u(evaluator, n)"
      " WHERE e.id = $1::bigint ORDER BY u.n",
      {std::to_string(id)});
  if (!rows) return rows.error();
  std::vector<std::string> evaluators;
  for (int r = 0; r < rows->rows(); ++r) evaluators.emplace_back(rows->get(r, 0));
  return evaluators;
}

Result<void> load_answers(store::PgConnection& db, std::int64_t id, Evaluation& e) {
  auto rows = db.exec_params(
      "SELECT criterion, score, comment FROM merchant_evaluation_answers"
      " WHERE evaluation_id = $1::bigint ORDER BY criterion",
      {std::to_string(id)});
  if (!rows) return rows.error();
  for (int r = 0; r < rows->rows(); ++r) {
    accreditation::Answer answer;
    answer.criterion = std::string(rows->get(r, 0));
    if (!rows->is_null(r, 1)) answer.score = std::stoll(std::string(rows->get(r, 1)));
    answer.comment = std::string(rows->get(r, 2));
    e.answers.push_back(std::move(answer));
  }
  return {};
}

}  // namespace

Result<RecordedEvaluation> record_evaluation(store::PgConnection& db, std::string_view caisse_id,
                                             const std::filesystem::path& grids_dir,
                                             const EvaluationFile& file) {
  auto transaction = store::Transaction::begin(db);
  if (!transaction) return transaction.error();
  auto grids = load_caisse_grids(db, caisse_id, grids_dir);
  if (!grids) return grids.error();
  auto evaluation = accreditation::read_evaluation_text(file.text, file.name, grids->library);
  if (!evaluation) return evaluation.error();
  if (auto expected = check_expected_version(file, *evaluation); !expected) {
    return expected.error();
  }
  if (auto merchant = check_merchant(db, caisse_id, *evaluation); !merchant) {
    return merchant.error();
  }
  auto score = grids->library.score(*evaluation);
  if (!score) return score.error();
  RecordedEvaluation recorded;
  recorded.evaluation = std::move(*evaluation);
  recorded.score = std::move(*score);
  auto stored = store(db, caisse_id, *grids, file, std::move(recorded));
  if (!stored) return stored.error();
  if (auto committed = transaction->commit(); !committed) return committed.error();
  // Answered as it reads back: what is shown is always recomputed from what was stored.
  auto loaded = load_evaluation(db, caisse_id, stored->id);
  if (!loaded) return loaded.error();
  loaded->fresh = stored->fresh;
  return loaded;
}

Result<RecordedEvaluation> load_evaluation(store::PgConnection& db, std::string_view caisse_id,
                                           std::int64_t id) {
  auto row = db.exec_params(kOne, {std::string(caisse_id), std::to_string(id)});
  if (!row) return row.error();
  if (row->rows() == 0) {
    return make_error(
        "no evaluation " + std::to_string(id) + " in caisse " + std::string(caisse_id),
        ErrorKind::not_found);
  }
  RecordedEvaluation loaded;
  loaded.id = id;
  Evaluation& e = loaded.evaluation;
  e.source = "evaluation " + std::to_string(id);
  e.merchant_id = std::string(row->get(0, 0));
  e.grid_id = std::string(row->get(0, 1));
  e.grid_version = std::string(row->get(0, 2));
  e.date = std::string(row->get(0, 4));
  auto evaluators = load_evaluators(db, id);
  if (!evaluators) return evaluators.error();
  e.evaluators = std::move(*evaluators);
  e.comment = std::string(row->get(0, 6));
  loaded.recorded_at = std::string(row->get(0, 7));
  if (auto answers = load_answers(db, id, e); !answers) return answers.error();
  auto grid = stored_grid(db, caisse_id, e.grid_id, e.grid_version, row->get(0, 3));
  if (!grid) return grid.error();
  auto score = grid->score(e);
  if (!score) return score.error();
  loaded.score = std::move(*score);
  return loaded;
}

Result<std::vector<std::int64_t>> evaluations_of(store::PgConnection& db,
                                                 std::string_view caisse_id,
                                                 std::string_view merchant_id) {
  auto rows = db.exec_params(
      "SELECT id FROM merchant_evaluations WHERE caisse_id = $1 AND merchant_id = $2"
      " ORDER BY evaluated_on, id",
      {std::string(caisse_id), std::string(merchant_id)});
  if (!rows) return rows.error();
  std::vector<std::int64_t> ids;
  for (int r = 0; r < rows->rows(); ++r) ids.push_back(std::stoll(std::string(rows->get(r, 0))));
  return ids;
}

}  // namespace caisse::host::merchants
