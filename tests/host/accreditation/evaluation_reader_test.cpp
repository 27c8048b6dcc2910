// Reading evaluation files strictly and checking them against their grid version: every error
// message in full, with its line and column counted by hand in the texts below.
#include "accreditation/evaluation_reader.hpp"

#include <gtest/gtest.h>

#include "accreditation_fixtures.hpp"

namespace caisse::host::accreditation {
namespace {

// Grid t 1: category c with a (may be "n/a") and b, both on 0-3.
GridLibrary one_grid() {
  return library_of(
      {grid_from("id = \"t\"\nversion = \"1\"\nname = \"T\"\nadopted_on = \"2026-01-01\"\n"
                 "[[category]]\nid = \"c\"\nlabel = \"C\"\n"
                 "[[category.criterion]]\nid = \"a\"\nlabel = \"A\"\nallow_na = true\n"
                 "[[category.criterion]]\nid = \"b\"\nlabel = \"B\"\n")});
}

// Lines 1-4; evaluators come on line 5 in each test.
const std::string kHead =
    "grid = \"t\"\ngrid_version = \"1\"\nmerchant = \"M-1\"\ndate = \"2026-02-01\"\n";
const std::string kTwo = "evaluators = [\"R-1\", \"R-2\"]\n";

class EvaluationReader : public ::testing::Test {
 protected:
  GridLibrary library = one_grid();

  std::string evaluation_error(const std::string& text) {
    return error_of(read_evaluation_text(text, "eval.toml", library));
  }
};

TEST_F(EvaluationReader, AValidEvaluationKeepsEveryAnswerAndComment) {
  Evaluation e = valid(read_evaluation_text(
      kHead + kTwo +
          "comment = \"visite\"\n[answers]\na = \"n/a\"\nb = 3\n[comments]\nb = \"bien\"\n",
      "eval.toml", library));
  EXPECT_EQ(e.grid_id, "t");
  EXPECT_EQ(e.grid_version, "1");
  EXPECT_EQ(e.merchant_id, "M-1");
  EXPECT_EQ(e.date, "2026-02-01");
  EXPECT_EQ(e.evaluators, (std::vector<std::string>{"R-1", "R-2"}));
  EXPECT_EQ(e.comment, "visite");
  ASSERT_EQ(e.answers.size(), 2u);
  EXPECT_EQ(e.answers[0].criterion, "a");
  EXPECT_FALSE(e.answers[0].score.has_value());
  EXPECT_EQ(e.answers[1].criterion, "b");
  EXPECT_EQ(e.answers[1].score, 3);
  EXPECT_EQ(e.answers[1].comment, "bien");
}

TEST_F(EvaluationReader, EveryCriterionMustBeAnswered) {
  // [answers] on line 6: the key "answers" is at column 2.
  EXPECT_EQ(evaluation_error(kHead + kTwo + "[answers]\na = 1\n"),
            "eval.toml:6:2: answers: no answer for criterion \"b\" (category c)");
}

TEST_F(EvaluationReader, AnswersMustFitTheGrid) {
  EXPECT_EQ(evaluation_error(kHead + kTwo + "[answers]\na = 4\nb = \"n/a\"\nzz = 1\n"),
            "eval.toml:7:1: answers.a: 4 is out of range (0 to 3)\n"
            "eval.toml:8:1: answers.b: \"n/a\" is not allowed for this criterion\n"
            "eval.toml:9:1: answers.zz: grid t 1 has no criterion \"zz\"");
}

TEST_F(EvaluationReader, AnAnswerIsAnIntegerOrNotApplicable) {
  EXPECT_EQ(evaluation_error(kHead + kTwo + "[answers]\na = 2.5\nb = \"na\"\n"),
            "eval.toml:7:1: answers.a: expected an integer score or \"n/a\", found "
            "floating-point\n"
            "eval.toml:8:1: answers.b: expected an integer score or \"n/a\", found \"na\"");
}

TEST_F(EvaluationReader, ADuoOrATrioOfDistinctEvaluators) {
  const std::string answers = "[answers]\na = 1\nb = 1\n";
  EXPECT_EQ(evaluation_error(kHead + "evaluators = [\"R-1\"]\n" + answers),
            "eval.toml:5:1: evaluators: 2 or 3 evaluators are needed, found 1");
  EXPECT_EQ(
      evaluation_error(kHead + "evaluators = [\"R-1\", \"R-2\", \"R-3\", \"R-4\"]\n" + answers),
      "eval.toml:5:1: evaluators: 2 or 3 evaluators are needed, found 4");
  // `evaluators = [` is 14 characters: the items start at columns 15 and 22.
  EXPECT_EQ(evaluation_error(kHead + "evaluators = [\"R-1\", \"R-1\"]\n" + answers),
            "eval.toml:5:22: evaluators[1]: \"R-1\" is listed twice");
  EXPECT_TRUE(
      valid(read_evaluation_text(kHead + "evaluators = [\"R-1\", \"R-2\", \"R-3\"]\n" + answers,
                                 "eval.toml", library))
          .answers.size() == 2);
}

TEST_F(EvaluationReader, TheGridVersionMustBeInTheLibrary) {
  EXPECT_EQ(evaluation_error("grid = \"t\"\ngrid_version = \"2\"\nmerchant = \"M-1\"\n"
                             "date = \"2026-02-01\"\n" +
                             kTwo + "[answers]\na = 1\nb = 1\n"),
            "eval.toml:2:1: grid_version: grid t has no version \"2\" (known: 1)");
}

TEST_F(EvaluationReader, CommentsAreForAnsweredCriteriaOnly) {
  // [comments] on line 9, zz on line 10.
  EXPECT_EQ(evaluation_error(kHead + kTwo + "[answers]\na = 1\nb = 1\n[comments]\nzz = \"x\"\n"),
            "eval.toml:10:1: comments.zz: no answer for this criterion in [answers]");
}

TEST_F(EvaluationReader, UnknownKeysAndBadDatesAreRefused) {
  EXPECT_EQ(evaluation_error("grid = \"t\"\ngrid_version = \"1\"\nmerchant = \"M-1\"\n"
                             "date = \"01/02/2026\"\n" +
                             kTwo + "colour = 1\n[answers]\na = 1\nb = 1\n"),
            "eval.toml:4:1: date: \"01/02/2026\" is not a date YYYY-MM-DD\n"
            "eval.toml:6:1: colour: unknown key (known here: answers, comment, comments, date, "
            "evaluators, grid, grid_version, merchant)");
}

TEST_F(EvaluationReader, ACriterionAnsweredTwiceIsASyntaxError) {
  // TOML itself refuses a key written twice; the error names the file and the second line (8).
  const std::string error = evaluation_error(kHead + kTwo + "[answers]\na = 1\na = 2\nb = 1\n");
  EXPECT_EQ(error.rfind("eval.toml:8:", 0), 0u) << error;
}

TEST_F(EvaluationReader, AnEvaluationFromStorageIsCheckedTheSameWay) {
  // No positions: errors name the label given as source.
  Evaluation e =
      stored_evaluation("t", "1", {{"a", 1, ""}, {"b", 1, ""}, {"a", 2, ""}}, "evaluation 17");
  EXPECT_EQ(error_of(library.score(e)), "evaluation 17: answers.a: answered twice");
}

}  // namespace
}  // namespace caisse::host::accreditation
