// One visit of a merchant by a duo or trio of residents: who evaluated, when, with which grid
// version, and one answer per criterion. The computed score is never stored in place of the
// answers: scoring is a pure function of (grid version, answers), so it can be recomputed and
// checked at any time, and a later grid version never changes it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/source_position.hpp"

namespace caisse::host::accreditation {

// A duo or a trio of residents visits the merchant (F1:849 in the seeds digest).
inline constexpr std::size_t kMinEvaluators = 2;
inline constexpr std::size_t kMaxEvaluators = 3;

struct Answer {
  std::string criterion;
  std::optional<std::int64_t> score;  // nullopt: answered "n/a"
  std::string comment;                // may be ""
};

struct Evaluation {
  // The file it was read from, or a label for one read back from elsewhere ("evaluation 17"),
  // so that every error names it.
  std::filesystem::path source;
  std::string grid_id;
  std::string grid_version;
  std::string merchant_id;
  std::string date;                     // YYYY-MM-DD, the day of the visit
  std::vector<std::string> evaluators;  // 2 or 3, distinct
  std::string comment;                  // may be ""
  std::vector<Answer> answers;
  // Where each key was written ("date", "evaluators", "answers", "answers.acces_pmr"); empty for
  // an evaluation not read from a file.
  std::map<std::string, config::SourcePosition, std::less<>> positions;

  // Where `key_path` was written, or just the source when that is unknown.
  config::SourcePosition position_of(std::string_view key_path) const;
};

}  // namespace caisse::host::accreditation
