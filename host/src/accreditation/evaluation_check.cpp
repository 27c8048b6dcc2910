#include "accreditation/evaluation_check.hpp"

#include <algorithm>
#include <set>

#include "config/toml_reader.hpp"
#include "csv/iso_date.hpp"

namespace caisse::host::accreditation {
namespace {

class Problems {
 public:
  explicit Problems(const Evaluation& evaluation) : evaluation_(evaluation) {}
  void add(const std::string& key_path, std::string_view message) {
    diagnostics_.error(evaluation_.position_of(key_path), key_path, message);
  }
  Result<void> result() const {
    if (diagnostics_.empty()) return {};
    return make_error(diagnostics_.joined(), ErrorKind::invalid);
  }

 private:
  const Evaluation& evaluation_;
  config::Diagnostics diagnostics_;
};

void check_header(const Grid& grid, const Evaluation& evaluation, Problems& problems) {
  if (evaluation.grid_id != grid.id || evaluation.grid_version != grid.version) {
    problems.add("grid_version", "the evaluation names grid " + evaluation.grid_id + " " +
                                     evaluation.grid_version + ", not " + grid_name(grid));
  }
  if (evaluation.merchant_id.empty()) problems.add("merchant", "must not be empty");
  if (auto date = csv::parse_date(evaluation.date); !date) {
    problems.add("date", date.error().message);
  }
}

// A duo or a trio of residents (F1:849): one person alone is not a committee visit.
void check_evaluators(const Evaluation& evaluation, Problems& problems) {
  const auto& names = evaluation.evaluators;
  if (names.size() < kMinEvaluators || names.size() > kMaxEvaluators) {
    problems.add("evaluators",
                 "2 or 3 evaluators are needed, found " + std::to_string(names.size()));
  }
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string key = "evaluators[" + std::to_string(i) + "]";
    if (names[i].find_first_not_of(" \t") == std::string::npos) {
      problems.add(key, "must not be empty");
    } else if (std::find(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(i), names[i]) !=
               names.begin() + static_cast<std::ptrdiff_t>(i)) {
      problems.add(key, "\"" + names[i] + "\" is listed twice");
    }
  }
}

void check_answer(const Grid& grid, const Answer& answer, Problems& problems) {
  const std::string key = "answers." + answer.criterion;
  const Criterion* criterion = grid.find_criterion(answer.criterion);
  if (criterion == nullptr) {
    problems.add(key, "grid " + grid_name(grid) + " has no criterion \"" + answer.criterion + "\"");
  } else if (!answer.score && !criterion->allow_na) {
    problems.add(key, "\"n/a\" is not allowed for this criterion");
  } else if (answer.score &&
             (*answer.score < criterion->scale_min || *answer.score > criterion->scale_max)) {
    problems.add(key, std::to_string(*answer.score) + " is out of range (" +
                          std::to_string(criterion->scale_min) + " to " +
                          std::to_string(criterion->scale_max) + ")");
  }
}

void check_answers(const Grid& grid, const Evaluation& evaluation, Problems& problems) {
  std::set<std::string, std::less<>> answered;
  for (const Answer& answer : evaluation.answers) {
    if (!answered.insert(answer.criterion).second) {
      problems.add("answers." + answer.criterion, "answered twice");
      continue;
    }
    check_answer(grid, answer, problems);
  }
  for (const Category& category : grid.categories) {
    for (const Criterion& criterion : category.criteria) {
      if (answered.count(criterion.id) == 0) {
        problems.add("answers", "no answer for criterion \"" + criterion.id + "\" (category " +
                                    category.id + ")");
      }
    }
  }
}

}  // namespace

Result<void> check_evaluation(const Grid& grid, const Evaluation& evaluation) {
  Problems problems(evaluation);
  check_header(grid, evaluation, problems);
  check_evaluators(evaluation, problems);
  check_answers(grid, evaluation, problems);
  return problems.result();
}

}  // namespace caisse::host::accreditation
