// Recording the evaluations of merchants by residents (docs/conventionnement.md): the file as
// `caissectl evaluation record` sends it, checked against the grid version it names, stored with
// its answers (never the score alone) and that grid version's text and digest. Reading one back
// scores it again with the stored grid version, so an old evaluation scores as it did whatever
// grids the committee adopted since.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accreditation/evaluation.hpp"
#include "accreditation/scoring.hpp"
#include "core/result.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::merchants {

struct RecordedEvaluation {
  std::int64_t id = 0;
  bool fresh = false;  // false: the same evaluation was recorded before (id is that one)
  accreditation::Evaluation evaluation;
  accreditation::ScoreCard score;
  std::string recorded_at;  // UTC, RFC 3339
};

struct EvaluationFile {
  std::string name;  // names the file in errors
  std::string text;  // TOML (docs/accreditation-grids.md)
  // The grid version the operator means (--grid): the file must name it. nullopt: any.
  std::optional<std::string> expected_version;
  std::string recorded_by;
};

// Reads, checks, scores and stores the evaluation in one transaction on `db` (not inside one
// already), with the caisse's grids (stored versions, then `grids_dir`). The same file again is
// recognised (fresh = false); another evaluation of the same merchant, day and grid version is
// a conflict. Errors: invalid input naming the file, line, column and key; not_found for an
// unknown merchant.
Result<RecordedEvaluation> record_evaluation(store::PgConnection& db, std::string_view caisse_id,
                                             const std::filesystem::path& grids_dir,
                                             const EvaluationFile& file);

// Evaluation `id` of the caisse read back and scored again with its stored grid version.
Result<RecordedEvaluation> load_evaluation(store::PgConnection& db, std::string_view caisse_id,
                                           std::int64_t id);

// The ids of a merchant's evaluations, oldest visit first.
Result<std::vector<std::int64_t>> evaluations_of(store::PgConnection& db,
                                                 std::string_view caisse_id,
                                                 std::string_view merchant_id);

}  // namespace caisse::host::merchants
