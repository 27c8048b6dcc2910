// Scoring rules on small grids written here, each expected value worked out by hand.
#include "accreditation/scoring.hpp"

#include <gtest/gtest.h>

#include "accreditation_fixtures.hpp"

namespace caisse::host::accreditation {
namespace {

const std::string kHead =
    "id = \"t\"\nversion = \"1\"\nname = \"T\"\nadopted_on = \"2026-01-01\"\n";

// Three criteria a, b, c on 0-3, weight 1 (max 9), with `rules` written before the category.
Grid three_criteria(const std::string& rules, const std::string& criterion_extra = "") {
  std::string text = kHead + rules + "[[category]]\nid = \"c\"\nlabel = \"C\"\n";
  for (const char* id : {"a", "b", "c"}) {
    text += "[[category.criterion]]\nid = \"" + std::string(id) + "\"\nlabel = \"L\"\n" +
            criterion_extra;
  }
  return grid_from(text);
}

// Answers to a, b, c in that order.
Evaluation answers(std::vector<std::optional<std::int64_t>> scores) {
  const char* ids[] = {"a", "b", "c"};
  std::vector<Answer> out;
  for (std::size_t i = 0; i < scores.size(); ++i) out.push_back({ids[i], scores[i], ""});
  return stored_evaluation("t", "1", std::move(out));
}

// k-of-n on three criteria: 2 met -> 50%, 3 met -> all.
const std::string kTiers =
    "[[tier]]\nmin_met = 2\nshare_permille = 500\n[[tier]]\nmin_met = 3\nshare_permille = 1000\n";

TEST(Scoring, NotApplicableCountsNeitherInPointsNorInTheMaximum) {
  Grid grid = three_criteria("", "allow_na = true\n");
  // 2 + 3 + n/a = 5 of 3+3 = 6; 5000/6 = 833.3 -> 833.
  ScoreCard card = valid(score_evaluation(grid, answers({2, 3, std::nullopt})));
  EXPECT_EQ(card.points, 5);
  EXPECT_EQ(card.max_points, 6);
  EXPECT_EQ(card.answered, 2u);
  EXPECT_EQ(card.share_permille, 833);
}

TEST(Scoring, AShareThresholdIsExactAtItsBoundary) {
  // 33.3% of 9 = 2.997: 3 points reach it (3000 >= 2997), 2 do not.
  Grid third = three_criteria("[threshold]\nmin_share_permille = 333\n");
  EXPECT_EQ(valid(score_evaluation(third, answers({1, 1, 1}))).outcome, Outcome::accredited);
  ScoreCard two = valid(score_evaluation(third, answers({1, 1, 0})));
  EXPECT_EQ(two.outcome, Outcome::refused);
  EXPECT_EQ(
      two.reasons,
      (std::vector<std::string>{"total: 2 of 9 points, below 33.3% of the maximum (needs 3)"}));
  // 50% of 9 = 4.5: 4 points fail (4000 < 4500), 5 pass.
  Grid half = three_criteria("[threshold]\nmin_share_permille = 500\n");
  EXPECT_EQ(valid(score_evaluation(half, answers({2, 2, 0}))).outcome, Outcome::refused);
  EXPECT_EQ(valid(score_evaluation(half, answers({2, 2, 1}))).outcome, Outcome::accredited);
}

TEST(Scoring, APointsThresholdCountsWeightedPoints) {
  // Weight 2 each: 2x(1+1+2) = 8 < 9 -> refused; 2x(1+2+2) = 10 -> accredited.
  Grid grid = three_criteria("[threshold]\nmin_points = 9\n", "weight = 2\n");
  ScoreCard low = valid(score_evaluation(grid, answers({1, 1, 2})));
  EXPECT_EQ(low.points, 8);
  EXPECT_EQ(low.max_points, 18);
  EXPECT_EQ(low.reasons, (std::vector<std::string>{"total: 8 points, below the minimum of 9"}));
  EXPECT_EQ(valid(score_evaluation(grid, answers({1, 2, 2}))).points, 10);
}

TEST(Scoring, ARequiredCriterionRefusesWhateverTheTotal) {
  Grid grid = grid_from(kHead +
                        "[[category]]\nid = \"c\"\nlabel = \"C\"\n"
                        "[[category.criterion]]\nid = \"a\"\nlabel = \"L\"\nrequired = true\n"
                        "met_at = 2\n"
                        "[[category.criterion]]\nid = \"b\"\nlabel = \"L\"\n"
                        "[[category.criterion]]\nid = \"c\"\nlabel = \"L\"\n");
  // 1 + 3 + 3 = 7 of 9, but a is required and met from 2.
  ScoreCard card = valid(score_evaluation(grid, answers({1, 3, 3})));
  EXPECT_EQ(card.points, 7);
  EXPECT_EQ(card.outcome, Outcome::refused);
  EXPECT_EQ(
      card.reasons,
      (std::vector<std::string>{"required criterion \"a\" is not met: scored 1, met from 2"}));
}

TEST(Scoring, ARefusalDoesNotAlsoReadAsAPartialAccreditation) {
  // Tiers 2 -> 50%, 3 -> 100%, and a total of at least 6; met_at is 3 (the default scale_max).
  // 3, 3, 0: 2 met, 6 points -> partial, 50%.
  // 3, 2, 0: 1 met (b = 2 < 3), under the first tier, and 5 < 6 points -> refused for both.
  Grid grid = three_criteria("[threshold]\nmin_points = 6\n" + kTiers);
  ScoreCard partial = valid(score_evaluation(grid, answers({3, 3, 0})));
  EXPECT_EQ(partial.outcome, Outcome::partial);
  EXPECT_EQ(partial.product_share_permille, 500);
  ScoreCard refused = valid(score_evaluation(grid, answers({3, 2, 0})));
  EXPECT_EQ(refused.outcome, Outcome::refused);
  EXPECT_EQ(refused.reasons, (std::vector<std::string>{
                                 "total: 5 points, below the minimum of 6",
                                 "1 of 3 criteria met, fewer than the 2 the first tier needs"}));
  // With a total of at least 7, 3, 3, 0 reaches the first tier (2 met) but fails the total
  // (6 < 7): the refusal lists the total only, not "50% of the basic product list".
  Grid strict = three_criteria("[threshold]\nmin_points = 7\n" + kTiers);
  ScoreCard card = valid(score_evaluation(strict, answers({3, 3, 0})));
  EXPECT_EQ(card.outcome, Outcome::refused);
  EXPECT_EQ(card.product_share_permille, 0);
  EXPECT_EQ(card.reasons, (std::vector<std::string>{"total: 6 points, below the minimum of 7"}));
}

TEST(Scoring, AnIncompleteEvaluationIsAnErrorNotALowScore) {
  Grid grid = three_criteria("");
  EXPECT_EQ(error_of(score_evaluation(grid, answers({1, 2}))),
            "evaluation: answers: no answer for criterion \"c\" (category c)");
}

TEST(Scoring, PerMilleReadsAsAPercentWithOneDecimal) {
  EXPECT_EQ(permille_text(333), "33.3%");
  EXPECT_EQ(permille_text(5), "0.5%");
  EXPECT_EQ(permille_text(1000), "100.0%");
  // 2 of 3 points: 2000/3 = 666.7, shown rounded down.
  Grid grid = grid_from(kHead +
                        "[[category]]\nid = \"c\"\nlabel = \"C\"\n"
                        "[[category.criterion]]\nid = \"a\"\nlabel = \"L\"\n");
  Evaluation e = answers({2});
  EXPECT_EQ(valid(score_evaluation(grid, e)).share_permille, 666);
}

}  // namespace
}  // namespace caisse::host::accreditation
