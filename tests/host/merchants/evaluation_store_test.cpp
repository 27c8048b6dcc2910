// Evaluations recorded with the grid version they name, stored with their answers and that
// version's text, and scored again from storage: the shipped Nantes sample scores 44 of 84 with
// grid 2025-1 (worked out by hand in docs/accreditation-grids.md and
// examples/grids/evaluations/nantes-epicerie-vrac.toml), whatever happens to the grid folder.
#include "merchants/evaluation_store.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "merchants_fixture.hpp"

namespace caisse::host::merchants {
namespace {

const std::filesystem::path kGrids = std::filesystem::path(CAISSE_SOURCE_DIR) / "examples/grids";

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class MerchantsEvaluations : public MerchantsTest {
 protected:
  void SetUp() override {
    MerchantsTest::SetUp();
    std::filesystem::copy_file(kGrids / "nantes-2025.toml", grids_.path() / "nantes-2025.toml");
    import_merchants("merchant_id,name,accredited\nM-0031,Épicerie vrac de Chantenay,yes\n", {});
  }

  EvaluationFile sample(std::optional<std::string> version = std::nullopt) const {
    EvaluationFile file;
    file.name = "nantes-epicerie-vrac.toml";
    file.text = read_text(kGrids / "evaluations/nantes-epicerie-vrac.toml");
    file.expected_version = std::move(version);
    file.recorded_by = "committee-token";
    return file;
  }

  Result<RecordedEvaluation> record(const EvaluationFile& file) {
    return record_evaluation(db(), caisse_.id, grids_.path(), file);
  }

  caisse::testing::TempDir grids_;
};

TEST_F(MerchantsEvaluations, RecordedEvaluationScoresAsWorkedOutByHand) {
  auto recorded = record(sample("2025-1"));
  ASSERT_TRUE(recorded) << recorded.error().message;
  EXPECT_TRUE(recorded->fresh);
  EXPECT_EQ(recorded->score.points, 44);
  EXPECT_EQ(recorded->score.max_points, 84);
  EXPECT_EQ(recorded->score.outcome, accreditation::Outcome::accredited);
  EXPECT_EQ(recorded->evaluation.evaluators, (std::vector<std::string>{"R-005", "R-061"}));
  EXPECT_EQ(recorded->evaluation.date, "2025-09-20");
  // Every criterion's answer is kept, not only the score.
  EXPECT_EQ(scalar("SELECT count(*) FROM merchant_evaluation_answers"), "15");
  EXPECT_EQ(
      scalar("SELECT points || '/' || max_points || ' ' || outcome FROM merchant_evaluations"),
      "44/84 accredited");
}

TEST_F(MerchantsEvaluations, TheSameFileAgainIsRecognisedNotStoredTwice) {
  auto first = record(sample());
  auto again = record(sample());
  ASSERT_TRUE(first) << first.error().message;
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_FALSE(again->fresh);
  EXPECT_EQ(again->id, first->id);
  EXPECT_EQ(scalar("SELECT count(*) FROM merchant_evaluations"), "1");

  EvaluationFile changed = sample();
  changed.text.replace(changed.text.find("acces_pmr = 0"), 13, "acces_pmr = 1");
  auto conflict = record(changed);
  ASSERT_FALSE(conflict);
  EXPECT_EQ(conflict.error().kind, ErrorKind::conflict);
  EXPECT_NE(conflict.error().message.find("merchant M-0031 was already evaluated on 2025-09-20 "
                                          "with grid nantes 2025-1"),
            std::string::npos)
      << conflict.error().message;
}

TEST_F(MerchantsEvaluations, AnOldGridVersionStillScoresAsItDidWhenTheFolderChanges) {
  auto recorded = record(sample());
  ASSERT_TRUE(recorded) << recorded.error().message;

  // Someone edits version 2025-1 in place (accredited from 45 points instead of 42): with that
  // text the sample would be refused, 44 < 45. The stored text still decides.
  std::string edited = read_text(grids_.path() / "nantes-2025.toml");
  edited.replace(edited.find("min_points = 42"), 15, "min_points = 45");
  std::ofstream(grids_.path() / "nantes-2025.toml", std::ios::trunc) << edited;
  std::filesystem::copy_file(kGrids / "nantes-2026.toml", grids_.path() / "nantes-2026.toml");

  auto loaded = load_evaluation(db(), caisse_.id, recorded->id);
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->evaluation.grid_version, "2025-1");
  EXPECT_EQ(loaded->score.points, 44);
  EXPECT_EQ(loaded->score.max_points, 84);
  EXPECT_EQ(loaded->score.outcome, accreditation::Outcome::accredited);
  EXPECT_EQ(loaded->score.grid_digest, recorded->score.grid_digest);

  // The edited file is refused as soon as it is read, naming it.
  auto refused = record(sample());
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find((grids_.path() / "nantes-2025.toml").string() +
                                         ": grid nantes 2025-1 is already defined by stored grid "
                                         "nantes 2025-1"),
            std::string::npos)
      << refused.error().message;

  // Even with the folder gone entirely.
  std::filesystem::remove_all(grids_.path() / "nantes-2025.toml");
  auto without_file = load_evaluation(db(), caisse_.id, recorded->id);
  ASSERT_TRUE(without_file) << without_file.error().message;
  EXPECT_EQ(without_file->score.points, 44);
}

TEST_F(MerchantsEvaluations, AFileForAnotherGridVersionThanAskedIsRefused) {
  auto recorded = record(sample("2026-1"));
  ASSERT_FALSE(recorded);
  EXPECT_EQ(recorded.error().kind, ErrorKind::invalid);
  EXPECT_NE(recorded.error().message.find(
                "nantes-epicerie-vrac.toml:4:1: grid_version: \"2025-1\", but the evaluation is "
                "recorded with --grid 2026-1"),
            std::string::npos)
      << recorded.error().message;
  EXPECT_EQ(scalar("SELECT count(*) FROM merchant_evaluations"), "0");
}

TEST_F(MerchantsEvaluations, AnUnknownMerchantIsRefusedNamingTheLine) {
  EvaluationFile file = sample();
  file.text.replace(file.text.find("M-0031"), 6, "M-0099");
  auto recorded = record(file);
  ASSERT_FALSE(recorded);
  EXPECT_EQ(recorded.error().kind, ErrorKind::not_found);
  EXPECT_NE(recorded.error().message.find(
                "nantes-epicerie-vrac.toml:5:1: merchant: no merchant \"M-0099\" in caisse "
                "nantes-ouest"),
            std::string::npos)
      << recorded.error().message;
}

}  // namespace
}  // namespace caisse::host::merchants
