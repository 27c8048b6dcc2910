// The conventionnement answers as text, from answers shaped like conventionnement_answers.cpp's:
// the expected text is written out by hand (a score's percentage worked out from its points).
#include "ctl/render_conventionnement.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace caisse::host::ctl {
namespace {

namespace json = boost::json;

TEST(RenderConventionnement, ListSaysWhoMayBePaidAndWhatOnboardingLacks) {
  auto answer = json::parse(R"({"caisse":"nantes-ouest","merchants":[
    {"merchant_id":"M-0031","name":"Épicerie vrac","kind":"shop","location":"Chantenay",
     "standing":"accredited","accredited":true,"bonus":false,
     "onboarding":{"account_opened":true,"documents_received":true,"qr_issued":true,
                   "complete":true},"refs":{}},
    {"merchant_id":"M-0040","name":"Boulangerie","kind":"producer","location":"",
     "standing":"accredited","accredited":false,"bonus":false,
     "onboarding":{"account_opened":true,"documents_received":false,"qr_issued":false,
                   "complete":false},"refs":{}}]})");
  EXPECT_EQ(
      render_merchant_list(answer),
      "merchants of nantes-ouest:\n"
      "  MERCHANT  KIND      STANDING    MAY_BE_PAID  ONBOARDING                            NAME\n"
      "  M-0031    shop      accredited  yes          complete                              "
      "Épicerie vrac\n"
      "  M-0040    producer  accredited  no           missing documents_received,qr_issued  "
      "Boulangerie\n");
  EXPECT_EQ(render_merchant_list(json::parse(R"({"caisse":"c","merchants":[]})")),
            "merchants of c: none\n");
}

TEST(RenderConventionnement, ShowPrintsEvaluatorIdsButNotWhoRecorded) {
  auto answer = json::parse(R"({"caisse":"nantes-ouest",
    "merchant":{"merchant_id":"M-0031","name":"Épicerie vrac","kind":"shop",
      "location":"Chantenay","standing":"suspended","accredited":false,"bonus":true,
      "onboarding":{"account_opened":true,"documents_received":true,"qr_issued":false},
      "refs":{"cyclos":"epicerie","moneko":"MNK-31"}},
    "decisions":[{"id":4,"merchant_id":"M-0031","decision":"suspend","decided_on":"2026-11-20",
      "method":"vote","votes":{"in_favour":9,"against":2,"abstaining":1},
      "valid_from":"2026-11-20","valid_until":null,"next_evaluation_on":null,
      "evaluation_ids":[3,5],"note":"Hygiène","recorded_by":"Marie Dupont",
      "recorded_at":"2026-11-20T18:00:00Z"}],
    "evaluations":[{"id":3,"merchant_id":"M-0031","grid":"nantes","grid_version":"2025-1",
      "date":"2025-09-20","evaluators":["R-005","R-061"],"comment":"vu avec Jeanne",
      "score":{"outcome":"accredited","points":44,"max_points":84,"share_permille":523,
               "tier":""}}],
    "history":[{"accredited":false,"standing":"suspended","onboarded":false,"decision_id":4,
      "cause":"decision","changed_at":"2026-11-20T18:00:00Z"}]})");
  const std::string text = render_merchant_detail(answer);
  EXPECT_EQ(
      text,
      "merchant M-0031: Épicerie vrac (shop), location: Chantenay\n"
      "standing: suspended; may be paid: no; bonus: yes\n"
      "onboarding: missing qr_issued\n"
      "references: cyclos=epicerie, moneko=MNK-31\n"
      "decisions (votes: in favour/against/abstaining):\n"
      "  ID  DECIDED_ON  DECISION  METHOD  VOTES  VALID_FROM  VALID_UNTIL  "
      "NEXT_EVALUATION  EVALUATIONS  NOTE\n"
      "   4  2026-11-20  suspend   vote    9/2/1  2026-11-20  -            "
      "-                3,5          Hygiène\n"
      "evaluations (scored with their own grid version):\n"
      "  ID  DATE        GRID    VERSION  EVALUATORS   OUTCOME     SCORE                  TIER\n"
      "   3  2025-09-20  nantes  2025-1   R-005,R-061  accredited  44/84 points (52.3 %)  -\n"
      "history of the gate:\n"
      "  CHANGED_AT            MAY_BE_PAID  STANDING   ONBOARDED  DECISION  CAUSE\n"
      "  2026-11-20T18:00:00Z  no           suspended  no         4         decision\n");
  EXPECT_EQ(text.find("Marie"), std::string::npos);
  EXPECT_EQ(text.find("Jeanne"), std::string::npos);
}

TEST(RenderConventionnement, ScoreIsAPercentageWorkedOutByDigits) {
  // 87 of 87: 1000 per mille; 0 of 84: 0; 42 of 87 = 482.7... per mille, rounded down.
  EXPECT_EQ(score_text(json::parse(R"({"points":87,"max_points":87,"share_permille":1000})")),
            "87/87 points (100.0 %)");
  EXPECT_EQ(score_text(json::parse(R"({"points":0,"max_points":84,"share_permille":0})")),
            "0/84 points (0.0 %)");
  EXPECT_EQ(score_text(json::parse(R"({"points":42,"max_points":87,"share_permille":482})")),
            "42/87 points (48.2 %)");
  EXPECT_EQ(score_text(json::parse(R"({"points":42})")), "42/- points");
}

TEST(RenderConventionnement, ReportListsOverdueReEvaluations) {
  auto answer = json::parse(R"({"caisse":"nantes-ouest","today":"2027-11-02",
    "overdue_evaluations":[{"merchant_id":"M-0031","name":"Épicerie vrac",
      "standing":"accredited","decision_id":4,"next_evaluation_on":"2027-10-01",
      "last_evaluated_on":"2026-09-20"}]})");
  EXPECT_EQ(render_merchant_report(answer),
            "merchant report of nantes-ouest (today 2027-11-02)\n"
            "re-evaluations overdue:\n"
            "  MERCHANT  NAME           STANDING    DECISION  DUE_ON      LAST_VISIT\n"
            "  M-0031    Épicerie vrac  accredited  4         2027-10-01  2026-09-20\n");
}

TEST(RenderConventionnement, ARepeatedDecisionSaysSoAndNothingWasPushed) {
  auto answer =
      json::parse(R"({"caisse":"c","decision_id":4,"recorded":false,"changes":[],"sync":[]})");
  EXPECT_EQ(render_decision_record(answer),
            "decision 4 was already recorded (the same decision)\n"
            "merchants changed: none\n"
            "the merchant list did not change: nothing pushed\n");
}

}  // namespace
}  // namespace caisse::host::ctl
