// Grid versions: loaded from a folder, never replaced, and an evaluation always scored with the
// version it names, whatever newer versions are added later.
#include <gtest/gtest.h>

#include <fstream>

#include "accreditation/grid_digest.hpp"
#include "accreditation_fixtures.hpp"
#include "temp_dir.hpp"

namespace caisse::host::accreditation {
namespace {

std::string file_text(const std::filesystem::path& file) {
  std::ifstream in(file);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void write(const std::filesystem::path& file, const std::string& text) {
  std::ofstream(file) << text;
}

TEST(GridLibrary, LoadsEveryShippedVersionAndKnowsTheLatest) {
  GridLibrary library = valid(GridLibrary::load_folder(kExampleGrids));
  auto nantes = library.versions("nantes");
  ASSERT_EQ(nantes.size(), 2u);
  // Adopted 2025-07-15, then 2026-02-01.
  EXPECT_EQ(nantes[0]->version, "2025-1");
  EXPECT_EQ(nantes[1]->version, "2026-1");
  ASSERT_NE(library.latest("nantes"), nullptr);
  EXPECT_EQ(library.latest("nantes")->version, "2026-1");
  EXPECT_EQ(library.versions("montpellier").size(), 1u);
  EXPECT_EQ(library.versions("gironde").size(), 1u);
  EXPECT_EQ(library.latest("lyon"), nullptr);
  EXPECT_TRUE(library.versions("lyon").empty());
}

// The Nantes épicerie vrac was evaluated with 2025-1: 44 of 84 points, accredited (worked out in
// example_grids_test.cpp). Version 2026-1 weighs pmr 3 (was 2), emballages 3 (was 2), labels 1
// (was 2) and asks 45 points. The same answers with 2026-1 would score
//   13 - 0 (pmr 0) | 23 - 3 (labels 3 x (2-1)) = 20 | 8 + 1 (emballages 1 x (3-2)) = 9
//   = 13 + 20 + 9 = 42 of 30+27+30 = 87, under 45: refused.
// Adding 2026-1 must not change the first result.
TEST(GridLibrary, AnOldEvaluationScoresAsBeforeAfterANewVersionIsAdded) {
  GridLibrary library;
  valid(library.add(valid(read_grid_file(kExampleGrids / "nantes-2025.toml")), "nantes-2025"));
  const Evaluation evaluation =
      valid(read_evaluation_file(kExampleEvaluations / "nantes-epicerie-vrac.toml", library));
  const ScoreCard before = valid(library.score(evaluation));
  EXPECT_EQ(before.points, 44);
  EXPECT_EQ(before.outcome, Outcome::accredited);

  valid(library.add(valid(read_grid_file(kExampleGrids / "nantes-2026.toml")), "nantes-2026"));
  ASSERT_EQ(library.latest("nantes")->version, "2026-1");
  const ScoreCard after = valid(library.score(evaluation));
  EXPECT_EQ(after.grid_version, "2025-1");
  EXPECT_EQ(after.grid_digest, before.grid_digest);
  EXPECT_EQ(after.grid_digest, library.digest("nantes", "2025-1"));
  EXPECT_EQ(after.points, 44);
  EXPECT_EQ(after.max_points, 84);
  EXPECT_EQ(after.outcome, Outcome::accredited);

  // The new version really scores differently: a re-evaluation with it is refused.
  Evaluation again = evaluation;
  again.grid_version = "2026-1";
  const ScoreCard revised = valid(library.score(again));
  EXPECT_EQ(revised.points, 42);
  EXPECT_EQ(revised.max_points, 87);
  EXPECT_EQ(revised.outcome, Outcome::refused);
  EXPECT_NE(revised.grid_digest, after.grid_digest);
}

// Comments, spacing, key order and a default written out do not change what a grid says.
TEST(GridLibrary, TheSameVersionWrittenDifferentlyIsAcceptedAgain) {
  const std::string a =
      "id = \"t\"\nversion = \"1\"\nname = \"T\"\nadopted_on = \"2026-01-01\"\n"
      "[[category]]\nid = \"c\"\nlabel = \"C\"\n"
      "[[category.criterion]]\nid = \"x\"\nlabel = \"X\"\n";
  const std::string b =
      "# the same grid, reordered\nname = \"T\"\nid = \"t\"\nadopted_on = \"2026-01-01\"\n"
      "version = \"1\"\n[[category]]\nlabel = \"C\"\nid = \"c\"\n"
      "[[category.criterion]]\nlabel = \"X\"\nweight = 1\nid = \"x\"\nscale_max = 3\n";
  EXPECT_EQ(grid_digest(grid_from(a)), grid_digest(grid_from(b)));
  GridLibrary library;
  valid(library.add(grid_from(a), "a.toml"));
  valid(library.add(grid_from(b), "b.toml"));
  EXPECT_EQ(library.versions("t").size(), 1u);
}

TEST(GridLibrary, TheSameVersionWithOtherContentIsRefusedNamingBothSources) {
  testing::TempDir dir;
  const std::string original = file_text(kExampleGrids / "nantes-2026.toml");
  write(dir.path() / "a.toml", original);
  // One weight changed, same id and version: a rewrite behind past evaluations.
  std::string changed = original;
  const std::string weight =
      "id = \"labels\"\nlabel = \"Labels (AB, Label rouge, AOP...)\"\nweight = 1";
  ASSERT_NE(changed.find(weight), std::string::npos);
  changed.replace(changed.find(weight) + weight.size() - 1, 1, "2");
  write(dir.path() / "b.toml", changed);
  EXPECT_NE(grid_digest(valid(read_grid_file(dir.path() / "a.toml"))),
            grid_digest(valid(read_grid_file(dir.path() / "b.toml"))));
  EXPECT_EQ(error_of(GridLibrary::load_folder(dir.path())),
            (dir.path() / "b.toml").string() + ": grid nantes 2026-1 is already defined by " +
                (dir.path() / "a.toml").string() +
                " with different content (a changed grid needs a new version)");
}

TEST(GridLibrary, TwoVersionsAdoptedTheSameDayAreRefused) {
  auto version = [](const std::string& name) {
    return grid_from("id = \"t\"\nversion = \"" + name +
                     "\"\nname = \"T\"\nadopted_on = \"2026-01-01\"\n"
                     "[[category]]\nid = \"c\"\nlabel = \"C\"\n"
                     "[[category.criterion]]\nid = \"x\"\nlabel = \"X\"\n");
  };
  GridLibrary library;
  valid(library.add(version("1"), "one.toml"));
  EXPECT_EQ(error_of(library.add(version("2"), "two.toml")),
            "two.toml: grid t 2 is adopted on 2026-01-01, the same day as version 1 (one.toml)");
}

TEST(GridLibrary, AFolderWithBadFilesListsTheProblemsOfEach) {
  testing::TempDir dir;
  write(dir.path() / "a.toml", "id = \"a\"\n");
  write(dir.path() / "b.toml", "id = \"b\"\nversion = 1\n");
  write(dir.path() / "notes.txt", "not a grid, ignored");
  const std::string a = (dir.path() / "a.toml").string();
  const std::string b = (dir.path() / "b.toml").string();
  // a.toml lacks version, name, adopted_on and category; b.toml has a number for a version.
  EXPECT_EQ(error_of(GridLibrary::load_folder(dir.path())),
            a + ":1:1: version: missing (a string is required)\n" +  //
                a + ":1:1: name: missing (a string is required)\n" + a +
                ":1:1: adopted_on: missing (a string is required)\n" + a +
                ":1:1: category: missing (a grid needs at least one [[category]])\n" + b +
                ":2:11: version: expected a string, found integer\n" + b +
                ":1:1: name: missing (a string is required)\n" + b +
                ":1:1: adopted_on: missing (a string is required)\n" + b +
                ":1:1: category: missing (a grid needs at least one [[category]])");
}

TEST(GridLibrary, AnEvaluationOfAnUnknownVersionSaysWhichOnesExist) {
  GridLibrary library = valid(GridLibrary::load_folder(kExampleGrids));
  Evaluation e = stored_evaluation("nantes", "2024-1", {}, "evaluation 17");
  EXPECT_EQ(error_of(library.score(e)),
            "evaluation 17: grid_version: grid nantes has no version \"2024-1\" (known: 2025-1, "
            "2026-1)");
  e.grid_id = "lyon";
  EXPECT_EQ(error_of(library.score(e)), "evaluation 17: grid: no grid \"lyon\" in the library");
}

}  // namespace
}  // namespace caisse::host::accreditation
