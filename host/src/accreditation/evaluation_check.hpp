// Whether an evaluation is complete and valid for a grid version: every criterion answered
// exactly once, no unknown criterion, every score on its criterion's scale ("n/a" only where
// the grid allows it), 2 or 3 distinct evaluators, a real date. The same checks run on a file
// just read and on an evaluation read back from storage.
#pragma once

#include "accreditation/evaluation.hpp"
#include "accreditation/grid.hpp"
#include "core/result.hpp"

namespace caisse::host::accreditation {

// Every problem in one error, one line each ("FILE:LINE:COLUMN: answers.horaires: ...").
Result<void> check_evaluation(const Grid& grid, const Evaluation& evaluation);

}  // namespace caisse::host::accreditation
