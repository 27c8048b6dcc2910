// The text of the money-in answers. The answers are shaped as the daemon writes them
// (collection_routes.cpp, money_in_routes.cpp); every expected line is written out by hand,
// amounts converted from cents by hand.
#include "ctl/render_money_in.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace caisse::host::ctl {
namespace {

namespace json = boost::json;

TEST(RenderMoneyIn, MandateImportCountsEachKindOfChange) {
  EXPECT_EQ(render_mandate_import(
                json::parse(R"({"file_lines":6,"inserted":3,"updated":1,"amended":1,"replaced":0,)"
                            R"("unchanged":1})")),
            "mandates: 6 lines in the file; 3 inserted, 1 updated, 1 amended, 0 replaced, "
            "1 unchanged\n");
}

TEST(RenderMoneyIn, MandateChangeSaysTheNewStatus) {
  EXPECT_EQ(render_mandate_change(json::parse(
                R"({"household":"H-0002","mandate_id":"RUM-0002","status":"revoked"})")),
            "mandate RUM-0002 of household H-0002: revoked\n");
}

TEST(RenderMoneyIn, DraftListsTheHouseholdsThatCannotBeDebited) {
  auto answer = json::parse(
      R"({"month":"2026-11","message_id":"nantes-ouest-202611-SDD","debits":3,"added":3,)"
      R"("problems":[{"household":"H-0007","problem":"no mandate"},)"
      R"({"household":"H-0009","problem":"mandate \"RUM-9\" is revoked (MD01): the member must )"
      R"(sign a new mandate"}]})");
  EXPECT_EQ(render_collection_draft(answer),
            "direct-debit run 2026-11 (nantes-ouest-202611-SDD): 3 debits, 3 added by this draft\n"
            "households that cannot be debited:\n"
            "  HOUSEHOLD  PROBLEM\n"
            "  H-0007     no mandate\n"
            "  H-0009     mandate \"RUM-9\" is revoked (MD01): the member must sign a new "
            "mandate\n");
  EXPECT_EQ(render_collection_draft(json::parse(
                R"({"month":"2026-11","message_id":"m","debits":1,"added":0,"problems":[]})")),
            "direct-debit run 2026-11 (m): 1 debit, 0 added by this draft\n"
            "households that cannot be debited: none\n");
}

TEST(RenderMoneyIn, SubmittedSaysSo) {
  EXPECT_EQ(render_collection_submitted(json::parse(R"({"month":"2026-11","state":"submitted"})")),
            "direct-debit run 2026-11: submitted\n");
}

// Four debits of 25.00, 12.00, 40.00 and 8.50 (85.50); 12.00 rejected AC04 and 40.00 AM04.
constexpr const char* kRunSummary =
    R"({"month":"2026-11","collector":"sepa","state":"submitted",)"
    R"("message_id":"nantes-ouest-202611-SDD","collection_date":"2026-12-05","debits":4,)"
    R"("amount_minor":8550,"by_state":{)"
    R"("to_collect":{"count":0,"amount_minor":0},"submitted":{"count":2,"amount_minor":3350},)"
    R"("paid":{"count":0,"amount_minor":0},"rejected":{"count":2,"amount_minor":5200},)"
    R"("returned":{"count":0,"amount_minor":0}},)"
    R"("unpaid":[{"household":"H-102","end_to_end_id":"nantes-ouest-202611-H-102",)"
    R"("amount_minor":1200,"state":"rejected","reason_code":"AC04","reason_en":"account closed",)"
    R"("reason_fr":"compte clôturé","may_present_again":false},)"
    R"({"household":"H-103","end_to_end_id":"nantes-ouest-202611-H-103","amount_minor":4000,)"
    R"("state":"rejected","reason_code":"AM04","reason_en":"insufficient funds",)"
    R"("reason_fr":"provision insuffisante","may_present_again":true}]})";

TEST(RenderMoneyIn, CollectionStatusGivesStatesAndUnpaidDebitsInBothLanguages) {
  EXPECT_EQ(render_collection_status(json::parse(kRunSummary)),
            "direct-debit run 2026-11: submitted\n"
            "collector sepa, message id nantes-ouest-202611-SDD, collection date 2026-12-05\n"
            "4 debits, 85.50 EUR\n"
            "debits by state (EUR):\n"
            "  STATE       COUNT  AMOUNT\n"
            "  to_collect      0    0.00\n"
            "  submitted       2   33.50\n"
            "  paid            0    0.00\n"
            "  rejected        2   52.00\n"
            "  returned        0    0.00\n"
            "unpaid debits (EUR; AGAIN: may be presented again):\n"
            "  HOUSEHOLD  AMOUNT  STATE     CODE  AGAIN  MOTIF                   REASON\n"
            "  H-102       12.00  rejected  AC04  no     compte clôturé          account closed\n"
            "  H-103       40.00  rejected  AM04  yes    provision insuffisante  insufficient "
            "funds\n");
}

TEST(RenderMoneyIn, StatementImportGivesCountsAndMoney) {
  // In: 33.50 + 3,000.00 + 30.00 = 3,063.50; out: 8.50 + 4.20 = 12.70.
  EXPECT_EQ(render_statement_import(json::parse(
                R"({"file":"releve-2026-12.xml","instance":"bank","already_imported":false,)"
                R"("lines":5,"new_lines":5,"matched":4,"unmatched":1,"money_in_minor":306350,)"
                R"("money_out_minor":1270})")),
            "releve-2026-12.xml read by bank: 5 lines, 5 new; 4 matched, 1 unmatched (see 'bank "
            "queue')\n"
            "money in 3063.50 EUR, money out 12.70 EUR\n");
  EXPECT_EQ(render_statement_import(json::parse(
                R"({"file":"copie.xml","instance":"bank","already_imported":true,"lines":5,)"
                R"("new_lines":0,"matched":0,"unmatched":0,"money_in_minor":0,)"
                R"("money_out_minor":0,"previous_file":"releve-2026-12.xml",)"
                R"("previous_imported_at":"2026-12-11T09:00:00Z"})")),
            "copie.xml: already imported as releve-2026-12.xml at 2026-12-11T09:00:00Z; nothing "
            "changed\n");
}

TEST(RenderMoneyIn, PaymentReportListsEachEventsEffect) {
  EXPECT_EQ(
      render_payment_report(json::parse(
          R"({"file":"pain002.xml","new_events":1,"events":[)"
          R"j({"event_id":"BANK-RPT-1/S1","new":true,"effect":"debit H-102 rejected (AC04)"},)j"
          R"({"event_id":"BANK-RPT-1/S2","new":false,"effect":"already recorded"}]})")),
      "pain002.xml: 2 event(s), 1 new:\n"
      "  EVENT          NEW  EFFECT\n"
      "  BANK-RPT-1/S1  yes  debit H-102 rejected (AC04)\n"
      "  BANK-RPT-1/S2  no   already recorded\n");
  EXPECT_EQ(render_payment_report(json::parse(R"({"file":"p.xml","new_events":0,"events":[]})")),
            "p.xml: 0 event(s), 0 new: none\n");
}

TEST(RenderMoneyIn, BankQueueNeverPrintsNamesOrLabels) {
  auto answer = json::parse(
      R"({"caisse":"nantes-ouest","lines":[)"
      R"({"id":5,"booking_date":"2026-12-10","amount_minor":-420,"currency":"EUR",)"
      R"("counterparty":"Banque Exemple","remittance":"FRAIS TENUE DE COMPTE","end_to_end_id":"",)"
      R"("return_reason":"","location":"Stmt[1]/Ntry[5]","status":"unmatched","matched_as":""},)"
      R"({"id":12,"booking_date":"2026-12-07","amount_minor":3000,"currency":"EUR",)"
      R"("counterparty":"Camille Martin","remittance":"COTISATION CAMILLE MARTIN",)"
      R"("end_to_end_id":"","return_reason":"","location":"Stmt[1]/Ntry[3]","status":"matched",)"
      R"("matched_as":"household H-105"}]})");
  const std::string out = render_bank_queue(answer);
  EXPECT_EQ(out,
            "bank lines of nantes-ouest:\n"
            "  ID  BOOKED      AMOUNT  CURRENCY  STATUS     RETURN  END_TO_END_ID  MATCHED_AS"
            "       LOCATION\n"
            "   5  2026-12-10   -4.20  EUR       unmatched  -       -              -"
            "                Stmt[1]/Ntry[5]\n"
            "  12  2026-12-07   30.00  EUR       matched    -       -              household H-105"
            "  Stmt[1]/Ntry[3]\n");
  EXPECT_EQ(out.find("Martin"), std::string::npos);
  EXPECT_EQ(out.find("FRAIS"), std::string::npos);
  EXPECT_EQ(render_bank_queue(json::parse(R"({"caisse":"c","lines":[]})")),
            "bank lines of c: none\n");
}

TEST(RenderMoneyIn, DecisionDeadNotificationsAndReplay) {
  EXPECT_EQ(render_line_decision(json::parse(R"({"line":5,"decided":true})")),
            "bank line 5: decided\n");
  EXPECT_EQ(render_dead_webhooks(
                json::parse(R"({"caisse":"c","dead":[{"id":3,"instance":"card","event_id":"msg_1",)"
                            R"("received_at":"2026-11-24T10:00:00Z","attempts":5,)"
                            R"("last_error":"field data.payment_ref: missing"}]})")),
            "notifications of c that failed 5 times:\n"
            "  ID  INSTANCE  EVENT  RECEIVED_AT           ATTEMPTS  LAST_ERROR\n"
            "   3  card      msg_1  2026-11-24T10:00:00Z         5  field data.payment_ref: "
            "missing\n");
  EXPECT_EQ(render_dead_webhooks(json::parse(R"({"caisse":"c","dead":[]})")),
            "notifications of c that failed 5 times: none\n");
  EXPECT_EQ(render_webhook_replay(json::parse(R"({"replayed":3})")),
            "notification 3 put back in line\n");
}

TEST(RenderMoneyIn, EachCommandHasItsRenderer) {
  auto replay = json::parse(R"({"replayed":3})");
  EXPECT_EQ(render_money_in(Command::webhooks_replay, replay), render_webhook_replay(replay));
  auto change = json::parse(R"({"household":"H-1","mandate_id":"R","status":"active"})");
  EXPECT_EQ(render_money_in(Command::mandates_reinstate, change), render_mandate_change(change));
  EXPECT_EQ(render_money_in(Command::status, replay), "");
}

}  // namespace
}  // namespace caisse::host::ctl
