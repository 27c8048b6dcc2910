// Reading grid files strictly: the documented defaults, and every error message in full, with
// its line and column counted by hand in the texts below.
#include "accreditation/grid_reader.hpp"

#include <gtest/gtest.h>

#include "accreditation_fixtures.hpp"

namespace caisse::host::accreditation {
namespace {

// Lines 1-4.
const std::string kHead =
    "id = \"t\"\nversion = \"1\"\nname = \"T\"\nadopted_on = \"2026-01-01\"\n";
// Six lines: [[category]] on the first, the criterion's id "a" on the fifth.
const std::string kCategory =
    "[[category]]\nid = \"c\"\nlabel = \"C\"\n[[category.criterion]]\nid = \"a\"\nlabel = \"A\"\n";

std::string grid_error(const std::string& text) {
  return error_of(read_grid_text(text, "grid.toml"));
}

TEST(GridReader, AMinimalGridGetsTheDocumentedDefaults) {
  Grid grid = grid_from(kHead + kCategory);
  EXPECT_EQ(grid.id, "t");
  EXPECT_EQ(grid.version, "1");
  EXPECT_EQ(grid.adopted_on, "2026-01-01");
  EXPECT_EQ(grid.source, "");
  EXPECT_TRUE(grid.minimum.empty());
  EXPECT_TRUE(grid.tiers.empty());
  EXPECT_TRUE(grid.excluded_products.empty());
  ASSERT_EQ(grid.criteria_count(), 1u);
  const Criterion& a = grid.categories[0].criteria[0];
  EXPECT_EQ(a.scale_min, 0);
  EXPECT_EQ(a.scale_max, 3);
  EXPECT_EQ(a.weight, 1);
  EXPECT_EQ(a.met_at, 3);  // the top of the scale
  EXPECT_FALSE(a.required);
  EXPECT_FALSE(a.allow_na);
}

TEST(GridReader, DefaultsApplyUnlessACriterionSaysOtherwise) {
  Grid grid = grid_from(kHead +
                        "[defaults]\nscale_min = 1\nscale_max = 4\nweight = 2\nmet_at = 3\n"
                        "allow_na = true\n" +
                        kCategory + "weight = 5\n");
  const Criterion& a = grid.categories[0].criteria[0];
  EXPECT_EQ(a.scale_min, 1);
  EXPECT_EQ(a.scale_max, 4);
  EXPECT_EQ(a.weight, 5);
  EXPECT_EQ(a.met_at, 3);
  EXPECT_TRUE(a.allow_na);
}

TEST(GridReader, UnknownKeysAreNamedWithWhatIsKnownThere) {
  // colour on line 5, the category from line 6, notes on line 12 (inside the criterion).
  EXPECT_EQ(grid_error(kHead + "colour = \"red\"\n" + kCategory + "notes = \"x\"\n"),
            "grid.toml:12:1: category[0].criterion[0].notes: unknown key (known here: allow_na, "
            "id, label, met_at, required, scale_max, scale_min, weight)\n"
            "grid.toml:5:1: colour: unknown key (known here: adopted_on, category, defaults, "
            "excluded_products, id, name, source, threshold, tier, version)");
  EXPECT_EQ(grid_error(kHead + "[defaults]\ncolour = 1\n" + kCategory),
            "grid.toml:6:1: defaults.colour: unknown key (known here: allow_na, met_at, "
            "scale_max, scale_min, weight)");
}

TEST(GridReader, WrongTypesAndOutOfRangeValuesPointAtTheValue) {
  // Line 11: "weight = 1.5", the value at column 10; line 12: "scale_max = 101", column 13.
  // scale_max is read before weight.
  EXPECT_EQ(grid_error(kHead + kCategory + "weight = 1.5\nscale_max = 101\n"),
            "grid.toml:12:13: category[0].criterion[0].scale_max: 101 is out of range (1 to 100)\n"
            "grid.toml:11:10: category[0].criterion[0].weight: expected an integer, found "
            "floating-point");
}

TEST(GridReader, AScaleMustBeNonEmptyAndMetAtOnIt) {
  EXPECT_EQ(grid_error(kHead + kCategory + "scale_min = 2\nscale_max = 2\n"),
            "grid.toml:12:1: category[0].criterion[0].scale_max: the scale 2 to 2 is empty "
            "(scale_max must be above scale_min)");
  EXPECT_EQ(grid_error(kHead + kCategory + "scale_max = 1\nmet_at = 2\n"),
            "grid.toml:12:1: category[0].criterion[0].met_at: 2 is outside the scale (0 to 1)");
  // A default met_at of 2 does not fit a criterion on 0-1: the error names the criterion's
  // table (line 10, where [[category.criterion]] is), as met_at is not written there.
  EXPECT_EQ(grid_error(kHead + "[defaults]\nmet_at = 2\n" + kCategory + "scale_max = 1\n"),
            "grid.toml:10:1: category[0].criterion[0].met_at: 2 is outside the scale (0 to 1)");
}

TEST(GridReader, ARequiredCriterionCannotBeNotApplicable) {
  EXPECT_EQ(grid_error(kHead + kCategory + "required = true\nallow_na = true\n"),
            "grid.toml:12:1: category[0].criterion[0].allow_na: a required criterion cannot be "
            "answered \"n/a\"");
}

TEST(GridReader, CriterionIdsAreUniqueAcrossTheGridAndCategoryIdsToo) {
  // The second category (lines 11-16) reuses the category id "c" (line 12) and the criterion id
  // "a" (line 15), first written on lines 6 and 9.
  EXPECT_EQ(grid_error(kHead + kCategory + kCategory),
            "grid.toml:15:1: category[1].criterion[0].id: criterion \"a\" is already defined at "
            "grid.toml:9:1\n"
            "grid.toml:12:1: category[1].id: category \"c\" is already defined at grid.toml:6:1");
}

TEST(GridReader, ACategoryWithoutCriteriaIsRefused) {
  EXPECT_EQ(grid_error(kHead + "[[category]]\nid = \"c\"\nlabel = \"C\"\n"),
            "grid.toml:5:1: category[0].criterion: missing (a category needs "
            "[[category.criterion]])");
}

TEST(GridReader, TiersAscendWithinTheNumberOfCriteria) {
  // Lines 5-13: three tiers; the grid has one criterion, so min_met can only be 1.
  const std::string tiers =
      "[[tier]]\nmin_met = 1\nshare_permille = 500\n"
      "[[tier]]\nmin_met = 1\nshare_permille = 1000\n"
      "[[tier]]\nmin_met = 2\nshare_permille = 0\n";
  EXPECT_EQ(grid_error(kHead + tiers + kCategory),
            "grid.toml:9:1: tier[1].min_met: 1 must be above the previous tier's 1 (tiers go "
            "from the fewest criteria met to the most)\n"
            "grid.toml:12:11: tier[2].min_met: 2 is out of range (1 to 1)\n"
            "grid.toml:13:18: tier[2].share_permille: 0 is out of range (1 to 1000)");
}

TEST(GridReader, AMinimumNoAnswerCouldReachIsRefused) {
  // One criterion on 0-3, weight 1: 3 points at most, for the category and for the grid.
  EXPECT_EQ(grid_error(kHead + "[threshold]\nmin_points = 4\n"
                               "[[category]]\nid = \"c\"\nlabel = \"C\"\nmin_points = 4\n"
                               "[[category.criterion]]\nid = \"a\"\nlabel = \"A\"\n"),
            "grid.toml:10:1: category[0].min_points: 4 is more than the category's maximum (3 "
            "points)\n"
            "grid.toml:6:1: threshold.min_points: 4 is more than the grid's maximum (3 points)");
  EXPECT_EQ(grid_error(kHead + "[threshold]\nmin_share_permille = 1001\n" + kCategory),
            "grid.toml:6:22: threshold.min_share_permille: 1001 is out of range (0 to 1000)");
}

TEST(GridReader, IdentityValuesAreChecked) {
  EXPECT_EQ(grid_error("id = \"Montpellier\"\nversion = \"2026 1\"\nname = \" \"\n"
                       "adopted_on = \"2026-02-30\"\n" +
                       kCategory),
            "grid.toml:1:1: id: \"Montpellier\" must be lowercase letters, digits, '-' or '_' (at "
            "most 63)\n"
            "grid.toml:2:1: version: \"2026 1\" must be 1 to 32 letters, digits, '.', '-' or '_'\n"
            "grid.toml:3:1: name: must not be empty\n"
            "grid.toml:4:1: adopted_on: \"2026-02-30\" is not a date YYYY-MM-DD");
}

TEST(GridReader, ExcludedProductsAreDistinctIdentifiers) {
  // Line 5: `excluded_products = [` is 21 characters, so the items start at columns 22, 32
  // ("alcool", and ", "), 43 and 53.
  EXPECT_EQ(
      grid_error(kHead + "excluded_products = [\"alcool\", \"Hygiene\", \"alcool\", 3]\n" +
                 kCategory),
      "grid.toml:5:53: excluded_products[3]: expected a string, found integer\n"
      "grid.toml:5:32: excluded_products[1]: \"Hygiene\" must be lowercase letters, digits, '-' "
      "or '_' (at most 63)\n"
      "grid.toml:5:43: excluded_products[2]: \"alcool\" is listed twice");
}

TEST(GridReader, SyntaxErrorsAndUnreadableFilesNameTheFile) {
  const std::string syntax = grid_error("id = \"t\"\nversion = \n");
  EXPECT_EQ(syntax.rfind("grid.toml:2:", 0), 0u) << syntax;
  EXPECT_EQ(error_of(read_grid_file("/nonexistent/grid.toml")),
            "/nonexistent/grid.toml: cannot read: No such file or directory");
}

}  // namespace
}  // namespace caisse::host::accreditation
