#include "accreditation/scoring.hpp"

#include <map>

#include "accreditation/evaluation_check.hpp"
#include "accreditation/grid_digest.hpp"

namespace caisse::host::accreditation {
namespace {

// Fails when points x 1000 < permille x max: exact, whatever max is.
bool below_share(std::int64_t points, std::int64_t max_points, std::int64_t permille) {
  return points * 1000 < permille * max_points;
}

// The fewest points that reach `permille` of `max_points` (rounded up, as the rule is "at least").
std::int64_t points_needed(std::int64_t max_points, std::int64_t permille) {
  return (permille * max_points + 999) / 1000;
}

// `what` is "total" or "category qualite".
void check_minimum(const std::string& what, std::int64_t points, std::int64_t max_points,
                   const Minimum& minimum, std::vector<std::string>& reasons) {
  if (minimum.points && points < *minimum.points) {
    reasons.push_back(what + ": " + std::to_string(points) + " points, below the minimum of " +
                      std::to_string(*minimum.points));
  }
  if (minimum.share_permille && below_share(points, max_points, *minimum.share_permille)) {
    reasons.push_back(what + ": " + std::to_string(points) + " of " + std::to_string(max_points) +
                      " points, below " + permille_text(*minimum.share_permille) +
                      " of the maximum (needs " +
                      std::to_string(points_needed(max_points, *minimum.share_permille)) + ")");
  }
}

void add_category(const Category& category, const std::map<std::string_view, const Answer*>& by_id,
                  ScoreCard& card) {
  CategoryScore score;
  score.id = category.id;
  for (const Criterion& criterion : category.criteria) {
    const Answer& answer = *by_id.at(criterion.id);
    if (!answer.score) continue;  // "n/a": neither points nor maximum
    ++score.answered;
    score.points += criterion.weight * *answer.score;
    score.max_points += criterion.weight * criterion.scale_max;
    if (*answer.score >= criterion.met_at) {
      ++score.met;
    } else if (criterion.required) {
      card.reasons.push_back("required criterion \"" + criterion.id + "\" is not met: scored " +
                             std::to_string(*answer.score) + ", met from " +
                             std::to_string(criterion.met_at));
    }
  }
  check_minimum("category " + category.id, score.points, score.max_points, category.minimum,
                card.reasons);
  card.points += score.points;
  card.max_points += score.max_points;
  card.answered += score.answered;
  card.met += score.met;
  card.categories.push_back(std::move(score));
}

// k-of-n: the most demanding tier reached gives the share of the basic product list. Returns
// false when not even the first tier is reached. A partial share is a reason only when nothing
// else refuses the merchant (`refused`): a refusal does not also read as a partial accreditation.
bool apply_tiers(const Grid& grid, bool refused, ScoreCard& card) {
  if (grid.tiers.empty()) {
    card.product_share_permille = 1000;
    return true;
  }
  const auto met = static_cast<std::int64_t>(card.met);
  const std::string count =
      std::to_string(card.met) + " of " + std::to_string(card.criteria_count) + " criteria met";
  std::size_t reached = grid.tiers.size();
  for (std::size_t i = 0; i < grid.tiers.size(); ++i) {
    if (grid.tiers[i].min_met <= met) reached = i;
  }
  if (reached == grid.tiers.size()) {
    card.reasons.push_back(count + ", fewer than the " + std::to_string(grid.tiers[0].min_met) +
                           " the first tier needs");
    return false;
  }
  const Tier& tier = grid.tiers[reached];
  card.product_share_permille = tier.share_permille;
  card.tier_label = tier.label;
  if (tier.share_permille < 1000 && !refused) {
    std::string reason =
        count + ": " + permille_text(tier.share_permille) + " of the basic product list";
    if (reached + 1 < grid.tiers.size()) {
      reason += " (the next tier needs " + std::to_string(grid.tiers[reached + 1].min_met) + ")";
    }
    card.reasons.push_back(std::move(reason));
  }
  return true;
}

}  // namespace

std::string_view outcome_name(Outcome outcome) {
  switch (outcome) {
    case Outcome::accredited:
      return "accredited";
    case Outcome::partial:
      return "partial";
    case Outcome::refused:
      break;
  }
  return "refused";
}

std::string permille_text(std::int64_t permille) {
  return std::to_string(permille / 10) + "." + std::to_string(permille % 10) + "%";
}

Result<ScoreCard> score_evaluation(const Grid& grid, const Evaluation& evaluation) {
  if (auto checked = check_evaluation(grid, evaluation); !checked) return checked.error();
  std::map<std::string_view, const Answer*> by_id;
  for (const Answer& answer : evaluation.answers) by_id.emplace(answer.criterion, &answer);

  ScoreCard card;
  card.grid_id = grid.id;
  card.grid_version = grid.version;
  card.grid_digest = grid_digest(grid);
  card.criteria_count = grid.criteria_count();
  card.excluded_products = grid.excluded_products;
  for (const Category& category : grid.categories) add_category(category, by_id, card);
  check_minimum("total", card.points, card.max_points, grid.minimum, card.reasons);
  if (card.max_points > 0) card.share_permille = card.points * 1000 / card.max_points;

  // Every failed rule is listed, not only the first, so the committee sees all it would take.
  const bool failed_before_tiers = !card.reasons.empty();
  const bool tier_reached = apply_tiers(grid, failed_before_tiers, card);
  if (failed_before_tiers || !tier_reached) {
    card.outcome = Outcome::refused;
    card.product_share_permille = 0;
    card.tier_label.clear();
  } else {
    card.outcome = card.product_share_permille == 1000 ? Outcome::accredited : Outcome::partial;
  }
  return card;
}

}  // namespace caisse::host::accreditation
