// The shipped example grids (examples/grids/) scored on the shipped sample evaluations
// (examples/grids/evaluations/) and on a few written here. Every expected value is worked out by
// hand in the comment above it, from the grid files: points = weight x score, n/a criteria
// count in neither points nor maximum, "met" means score >= met_at.
#include <gtest/gtest.h>

#include "accreditation/scoring.hpp"
#include "accreditation_fixtures.hpp"

namespace caisse::host::accreditation {
namespace {

class ExampleGrids : public ::testing::Test {
 protected:
  GridLibrary library = valid(GridLibrary::load_folder(kExampleGrids));

  ScoreCard score_file(const std::string& name) {
    return valid(library.score(valid(read_evaluation_file(kExampleEvaluations / name, library))));
  }
};

void expect_totals(const ScoreCard& card, std::int64_t points, std::int64_t max_points,
                   std::int64_t share_permille, std::size_t met) {
  EXPECT_EQ(card.points, points);
  EXPECT_EQ(card.max_points, max_points);
  EXPECT_EQ(card.share_permille, share_permille);
  EXPECT_EQ(card.met, met);
}

// Each category's points, maximum and criteria met, in the grid's order.
struct ExpectedCategory {
  std::string id;
  std::int64_t points;
  std::int64_t max_points;
  std::size_t met;
};

void expect_categories(const ScoreCard& card, const std::vector<ExpectedCategory>& expected) {
  ASSERT_EQ(card.categories.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const CategoryScore& c = card.categories[i];
    EXPECT_EQ(c.id, expected[i].id);
    EXPECT_EQ(c.points, expected[i].points) << c.id;
    EXPECT_EQ(c.max_points, expected[i].max_points) << c.id;
    EXPECT_EQ(c.met, expected[i].met) << c.id;
  }
}

TEST_F(ExampleGrids, TheShippedGridsHaveTheSourcedShape) {
  // Montpellier: 27 criteria in 4 categories scored 0-3 (F3:167-182, F4:1950-1955); Nantes: 15
  // weighted criteria in 3 groups (F1:1278-1290); Gironde: 5 criteria (F4:1938-1943).
  const Grid* montpellier = library.find("montpellier", "2026-1");
  ASSERT_NE(montpellier, nullptr);
  EXPECT_EQ(montpellier->categories.size(), 4u);
  EXPECT_EQ(montpellier->criteria_count(), 27u);
  EXPECT_EQ(montpellier->excluded_products, (std::vector<std::string>{"alcool", "hygiene"}));
  for (const auto* nantes : {library.find("nantes", "2025-1"), library.find("nantes", "2026-1")}) {
    ASSERT_NE(nantes, nullptr);
    EXPECT_EQ(nantes->categories.size(), 3u);
    EXPECT_EQ(nantes->criteria_count(), 15u);
  }
  const Grid* gironde = library.find("gironde", "2025-1");
  ASSERT_NE(gironde, nullptr);
  EXPECT_EQ(gironde->criteria_count(), 5u);
}

// Montpellier, the épicerie paysanne (every criterion weight 1, met from 2):
//   praticité   3+2+2+2+3+3+1 = 16 of 7x3 = 21; met: all but desert_alimentaire (1) = 6
//   qualité     3+2+3+2+3+3+2+1 = 19 of 8x3 = 24; met: all but invendus (1) = 7
//   producteurs 3+3+2+1+3 + n/a = 12 of 5x3 = 15 (installation n/a); met: all but
//               engagements_durables (1) = 4
//   gouvernance 3+2+2+1+2+1 = 11 of 18; met: statut, decision_partagee, conditions_travail,
//               ancrage_local = 4
//   total 16+19+12+11 = 58 of 21+24+15+18 = 78; 58000/78 = 743.6 -> 743 per mille (rounded down)
//   threshold 50%: 58x1000 = 58000 >= 500x78 = 39000; each category >= 33.3%: 16000 >= 333x21
//   = 6993, 19000 >= 7992, 12000 >= 4995, 11000 >= 5994; required accueil = 3 >= 2.
//   -> accredited, the whole basic list (no tiers), 26 answered, 6+7+4+4 = 21 met.
TEST_F(ExampleGrids, MontpellierEpicerieIsAccredited) {
  ScoreCard card = score_file("montpellier-epicerie-paysanne.toml");
  expect_categories(card, {{"praticite", 16, 21, 6},
                           {"qualite_produits", 19, 24, 7},
                           {"relation_producteurs", 12, 15, 4},
                           {"gouvernance", 11, 18, 4}});
  expect_totals(card, 58, 78, 743, 21);
  EXPECT_EQ(card.answered, 26u);
  EXPECT_EQ(card.criteria_count, 27u);
  EXPECT_EQ(card.outcome, Outcome::accredited);
  EXPECT_EQ(card.product_share_permille, 1000);
  EXPECT_TRUE(card.reasons.empty());
  EXPECT_EQ(card.excluded_products, (std::vector<std::string>{"alcool", "hygiene"}));
}

// Montpellier, the supermarket:
//   praticité   3+3+3+3+3+1+0 = 16 of 21; met 5 (accueil 1 and desert_alimentaire 0 are not)
//   qualité     1+2+1+0+2+0+1+2 = 9 of 24; met 3 (signes_qualite, produits_frais, invendus)
//   producteurs 0+1+0+0+1+0 = 2 of 18; met 0. 2000 < 333x18 = 5994; needs ceil(5.994) = 6
//   gouvernance 0+0+1+0+1+0 = 2 of 18; met 0; needs 6 likewise
//   total 16+9+2+2 = 29 of 81; 29000 < 500x81 = 40500; needs ceil(40.5) = 41;
//   29000/81 = 358.0 -> 358 per mille
//   accueil is required and scored 1 < 2.
//   -> refused, nothing of the list, four reasons in grid order, then the total.
TEST_F(ExampleGrids, MontpellierSupermarketIsRefusedWithEveryReason) {
  ScoreCard card = score_file("montpellier-supermarche.toml");
  expect_categories(card, {{"praticite", 16, 21, 5},
                           {"qualite_produits", 9, 24, 3},
                           {"relation_producteurs", 2, 18, 0},
                           {"gouvernance", 2, 18, 0}});
  expect_totals(card, 29, 81, 358, 8);
  EXPECT_EQ(card.outcome, Outcome::refused);
  EXPECT_EQ(card.product_share_permille, 0);
  EXPECT_EQ(card.reasons,
            (std::vector<std::string>{
                "required criterion \"accueil\" is not met: scored 1, met from 2",
                "category relation_producteurs: 2 of 18 points, below 33.3% of the maximum "
                "(needs 6)",
                "category gouvernance: 2 of 18 points, below 33.3% of the maximum (needs 6)",
                "total: 29 of 81 points, below 50.0% of the maximum (needs 41)"}));
}

// Nantes 2025-1, the épicerie vrac (scores x weights):
//   accessibilité prix 2x3 + pmr 0x2 + transports 1x1 + horaires 2x1 + accueil 2x2
//                 = 6+0+1+2+4 = 13 of (3+2+1+1+2)x3 = 27; >= 9; met 3 (prix, horaires, accueil)
//   qualité       origine 2x3 + saison 3x2 + labels 3x2 + peu transformés 2x2 + diversité 1x1
//                 = 6+6+6+4+1 = 23 of (3+2+2+2+1)x3 = 30; met 4
//   engagements   lien 2x3 + emballages 1x2 + 0 + 0 + 0 = 8 of (3+2+1+2+1)x3 = 27; met 1
//   total 13+23+8 = 44 of 84 >= 42; 44000/84 = 523.8 -> 523 -> accredited; met 3+4+1 = 8.
TEST_F(ExampleGrids, NantesEpicerieOnTheFirstGridIsAccredited) {
  ScoreCard card = score_file("nantes-epicerie-vrac.toml");
  EXPECT_EQ(card.grid_version, "2025-1");
  expect_categories(
      card, {{"accessibilite", 13, 27, 3}, {"qualite", 23, 30, 4}, {"engagements", 8, 27, 1}});
  expect_totals(card, 44, 84, 523, 8);
  EXPECT_EQ(card.outcome, Outcome::accredited);
  EXPECT_TRUE(card.reasons.empty());
}

// Nantes 2026-1, the boulangerie (pmr and emballages now weigh 3, labels 1):
//   accessibilité 1x3 + 0x3 + 1x1 + 1x1 + 1x2 = 3+0+1+1+2 = 7 of (3+3+1+1+2)x3 = 30; 7 < 9
//   qualité       3x3 + 3x2 + 3x1 + 3x2 + 2x1 = 9+6+3+6+2 = 26 of (3+2+1+2+1)x3 = 27; met 5
//   engagements   3x3 + 3x3 + 2x1 + 2x2 + 2x1 = 9+9+2+4+2 = 26 of (3+3+1+2+1)x3 = 30; met 5
//   total 7+26+26 = 59 of 87 >= 45, but accessibility is under its minimum -> refused;
//   59000/87 = 678.2 -> 678; met 0+5+5 = 10.
TEST_F(ExampleGrids, NantesBoulangerieIsRefusedOnAccessibilityAlone) {
  ScoreCard card = score_file("nantes-boulangerie.toml");
  expect_categories(
      card, {{"accessibilite", 7, 30, 0}, {"qualite", 26, 27, 5}, {"engagements", 26, 30, 5}});
  expect_totals(card, 59, 87, 678, 10);
  EXPECT_EQ(card.outcome, Outcome::refused);
  EXPECT_EQ(card.reasons,
            (std::vector<std::string>{"category accessibilite: 7 points, below the minimum of 9"}));
}

// Gironde, the halle de producteurs: 1+0+1+1+0 -> 3 criteria of 5 met -> the first tier, 50% of
// the basic product list (F4:1941-1943); 3 of 5 points = 600 per mille.
TEST_F(ExampleGrids, GirondeThreeOfFiveGivesHalfTheBasicList) {
  ScoreCard card = score_file("gironde-marche-producteurs.toml");
  expect_totals(card, 3, 5, 600, 3);
  EXPECT_EQ(card.outcome, Outcome::partial);
  EXPECT_EQ(card.product_share_permille, 500);
  EXPECT_EQ(card.tier_label, "50 % de la liste de produits de base");
  EXPECT_EQ(card.reasons,
            (std::vector<std::string>{
                "3 of 5 criteria met: 50.0% of the basic product list (the next tier needs 4)"}));
}

// The other Gironde counts, written here: criteria respected in the order of the grid.
Evaluation gironde_visit(std::vector<std::int64_t> scores) {
  const char* ids[] = {"accessibilite_inclusivite", "pratiques_agricoles_durables",
                       "bien_etre_travail", "localite_produits", "transparence_remuneration"};
  std::vector<Answer> answers;
  for (std::size_t i = 0; i < scores.size(); ++i) answers.push_back({ids[i], scores[i], ""});
  return stored_evaluation("gironde", "2025-1", std::move(answers));
}

TEST_F(ExampleGrids, GirondeFiveOfFiveIsTheWholeListAndTwoIsRefused) {
  // 5 of 5 -> the last tier, 1000 per mille: a full accreditation.
  ScoreCard all = valid(library.score(gironde_visit({1, 1, 1, 1, 1})));
  EXPECT_EQ(all.outcome, Outcome::accredited);
  EXPECT_EQ(all.product_share_permille, 1000);
  EXPECT_TRUE(all.reasons.empty());
  // 4 of 5 -> the middle tier, 750 per mille (the interpolated step of the example grid).
  ScoreCard four = valid(library.score(gironde_visit({1, 1, 0, 1, 1})));
  EXPECT_EQ(four.outcome, Outcome::partial);
  EXPECT_EQ(four.product_share_permille, 750);
  EXPECT_EQ(four.reasons,
            (std::vector<std::string>{
                "4 of 5 criteria met: 75.0% of the basic product list (the next tier needs 5)"}));
  // 2 of 5 -> under the first tier (3): refused.
  ScoreCard two = valid(library.score(gironde_visit({0, 1, 0, 1, 0})));
  EXPECT_EQ(two.outcome, Outcome::refused);
  EXPECT_EQ(two.product_share_permille, 0);
  EXPECT_EQ(two.tier_label, "");
  EXPECT_EQ(
      two.reasons,
      (std::vector<std::string>{"2 of 5 criteria met, fewer than the 3 the first tier needs"}));
}

}  // namespace
}  // namespace caisse::host::accreditation
