// Scoring an evaluation with the grid version it names, in integer arithmetic only: points are
// weight x score, shares are compared by cross-multiplication (points x 1000 >= permille x max)
// so that no rounding ever decides an outcome; the per-mille shown to people is rounded down.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "accreditation/evaluation.hpp"
#include "accreditation/grid.hpp"
#include "core/result.hpp"

namespace caisse::host::accreditation {

enum class Outcome { accredited, partial, refused };

// "accredited", "partial", "refused".
std::string_view outcome_name(Outcome outcome);

struct CategoryScore {
  std::string id;
  std::int64_t points = 0;      // sum of weight x score over the answered criteria
  std::int64_t max_points = 0;  // sum of weight x scale_max over the same criteria (n/a left out)
  std::size_t answered = 0;     // criteria scored (not "n/a")
  std::size_t met = 0;          // criteria whose score reaches their met_at
};

struct ScoreCard {
  std::string grid_id;
  std::string grid_version;
  std::string grid_digest;                // of the grid version used (grid_digest.hpp)
  std::vector<CategoryScore> categories;  // in the grid's order
  std::int64_t points = 0;
  std::int64_t max_points = 0;
  std::int64_t share_permille = 0;  // floor(points x 1000 / max_points); 0 when max_points is 0
  std::size_t criteria_count = 0;   // of the grid
  std::size_t answered = 0;
  std::size_t met = 0;
  Outcome outcome = Outcome::refused;
  // Of the basic product list the merchant may sell for the currency: 1000 when accredited,
  // the tier's share when partial, 0 when refused.
  std::int64_t product_share_permille = 0;
  std::string tier_label;  // the k-of-n tier reached, "" without tiers
  // Why the outcome is not a full accreditation, one sentence each; empty when accredited.
  std::vector<std::string> reasons;
  std::vector<std::string> excluded_products;  // the grid's, whatever the outcome
};

// The evaluation is checked against the grid first (evaluation_check.hpp); an incomplete or
// invalid one is an error, never a low score.
Result<ScoreCard> score_evaluation(const Grid& grid, const Evaluation& evaluation);

// 333 -> "33.3%": how per-mille values read in reasons.
std::string permille_text(std::int64_t permille);

}  // namespace caisse::host::accreditation
