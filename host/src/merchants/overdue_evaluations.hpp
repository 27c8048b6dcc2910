// The merchants whose re-evaluation is overdue: the decision in force set a next_evaluation_on
// that has passed. The committee's to-do list, next to the spending at merchants that are not
// accredited (purchase_report.hpp) in the conventionnement report.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::merchants {

struct OverdueEvaluation {
  std::string merchant_id;
  std::string name;
  std::string standing;  // accredited, expired, suspended, refused
  std::int64_t decision_id = 0;
  std::string next_evaluation_on;  // YYYY-MM-DD, before `today`
  std::string last_evaluated_on;   // YYYY-MM-DD, "" when never evaluated
};

// As of `today` (YYYY-MM-DD), the most overdue first.
Result<std::vector<OverdueEvaluation>> overdue_evaluations(store::PgConnection& db,
                                                           std::string_view caisse_id,
                                                           const std::string& today);

}  // namespace caisse::host::merchants
