#include "ctl/render_merchants.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "ctl/render.hpp"

namespace caisse::host::ctl {
namespace {

namespace json = boost::json;

TEST(RenderMerchantSync, PrintsWhatEachInstanceDidWithTheList) {
  auto answer = json::parse(R"({"caisse":"nantes-ouest","instances":[
    {"instance":"moneko","status":"ok","merchants":12,"message":""},
    {"instance":"cards","status":"unsupported","merchants":0,
     "message":"the plugin does not implement caisse_on_currency_sync_merchants"},
    {"instance":"cyclos","status":"error","merchants":3,"message":"Cyclos unreachable"}]})");
  EXPECT_EQ(render_merchant_sync(answer),
            "merchant list of nantes-ouest pushed to its currency instances:\n"
            "  INSTANCE  STATUS       MERCHANTS  MESSAGE\n"
            "  moneko    ok                  12  -\n"
            "  cards     unsupported          0  the plugin does not implement "
            "caisse_on_currency_sync_merchants\n"
            "  cyclos    error                3  Cyclos unreachable\n");
  EXPECT_TRUE(some_instance_failed(answer));
  EXPECT_EQ(render_merchant_sync(json::parse(R"({"caisse":"c","instances":[]})")),
            "merchant list of c: no currency instance\n");
}

TEST(RenderImport, MerchantsImportSaysWhatWasPushed) {
  auto pushed = json::parse(
      R"({"kind":"merchants","file_lines":3,"inserted":1,"updated":1,"unchanged":1,
          "sync":[{"instance":"moneko","status":"ok","merchants":3,"message":""}]})");
  EXPECT_EQ(render_import(pushed),
            "merchants: 3 lines in the file; 1 inserted, 1 updated, 1 unchanged\n"
            "the new merchant list was pushed to the currency instances:\n"
            "  INSTANCE  STATUS  MERCHANTS  MESSAGE\n"
            "  moneko    ok              3  -\n");
  EXPECT_FALSE(some_instance_failed(pushed));
  auto unchanged = json::parse(
      R"({"kind":"merchants","file_lines":3,"inserted":0,"updated":0,"unchanged":3,"sync":[]})");
  EXPECT_EQ(render_import(unchanged),
            "merchants: 3 lines in the file; 0 inserted, 0 updated, 3 unchanged\n"
            "the merchant list did not change: nothing pushed\n");
}

TEST(RenderPurchaseImport, PrintsThePeriodAndEachInstancesCounts) {
  auto answer = json::parse(R"({"caisse":"nantes-ouest","from":"2026-11-01","to":"2026-12-01",
    "instances":[
      {"instance":"moneko","status":"ok","listed":120,"new":20,"already_known":100,"resolved":2,
       "message":""},
      {"instance":"cyclos","status":"error","listed":null,"new":null,"already_known":null,
       "resolved":null,"message":"Cyclos unreachable"}]})");
  EXPECT_EQ(render_purchase_import(answer),
            "purchases of nantes-ouest paid from 2026-11-01 to 2026-12-01 (excluded):\n"
            "  INSTANCE  STATUS  LISTED  NEW  ALREADY_KNOWN  RESOLVED  MESSAGE\n"
            "  moneko    ok         120   20            100         2  -\n"
            "  cyclos    error        -    -              -         -  Cyclos unreachable\n");
  EXPECT_TRUE(some_instance_failed(answer));
}

TEST(RenderPurchaseReport, PrintsTotalsMerchantsAndFlaggedPurchasesInTheCurrency) {
  auto answer = json::parse(R"({"caisse":"nantes-ouest","month":"2026-11","currency":"MONEKO",
    "minor_unit":2,
    "totals":{"purchases":7,"amount_minor":7800,"households":3,"without_household":1,
              "flagged":3,"flagged_amount_minor":1500},
    "merchants":[
      {"merchant_id":"M-001","name":"Épicerie du Coin","instance":null,"merchant_ref":null,
       "purchases":3,"amount_minor":2300,"households":1,"without_household":1,"flagged":0,
       "flagged_amount_minor":0},
      {"merchant_id":null,"name":null,"instance":"moneko","merchant_ref":"acc-99",
       "purchases":2,"amount_minor":700,"households":1,"without_household":0,"flagged":2,
       "flagged_amount_minor":700}],
    "flagged":[
      {"instance":"moneko","external_ref":"T-7","household_id":"H-003","merchant_ref":"acc-99",
       "merchant_id":null,"amount_minor":200,"currency":"MONEKO",
       "paid_at":"2026-11-10T09:00:00Z","flagged":true,"reason":"unknown merchant"},
      {"instance":"moneko","external_ref":"T-5","household_id":"H-001","merchant_ref":"acc-2",
       "merchant_id":"M-002","amount_minor":800,"currency":"MONEKO",
       "paid_at":"2026-11-20T18:30:00Z","flagged":true,"reason":"merchant suspended"}]})");
  EXPECT_EQ(render_purchase_report(answer),
            "purchases of nantes-ouest in 2026-11: 7 purchases, 78.00 MONEKO, 3 households\n"
            "1 purchase by payers that are not households of the caisse\n"
            "flagged: 3 purchases, 15.00 MONEKO at merchants suspended or unknown\n"
            "\n"
            "by merchant (MONEKO):\n"
            "  MERCHANT         NAME              PURCHASES  AMOUNT  HOUSEHOLDS  FLAGGED\n"
            "  M-001            Épicerie du Coin          3   23.00           1        0\n"
            "  ? moneko:acc-99  -                         2    7.00           1        2\n"
            "\n"
            "flagged purchases (MONEKO):\n"
            "  PAID_AT               INSTANCE  REFERENCE  HOUSEHOLD  MERCHANT  AMOUNT  REASON\n"
            "  2026-11-10T09:00:00Z  moneko    T-7        H-003      acc-99      2.00  unknown "
            "merchant\n"
            "  2026-11-20T18:30:00Z  moneko    T-5        H-001      M-002       8.00  merchant "
            "suspended\n");
}

TEST(RenderPurchaseReport, UnexpectedShapesPrintDashesInsteadOfThrowing) {
  EXPECT_NO_THROW(render_purchase_report(json::parse("null")));
  EXPECT_NO_THROW(render_purchase_import(json::parse("[]")));
  EXPECT_NO_THROW(render_merchant_sync(json::parse("3")));
  EXPECT_FALSE(some_instance_failed(json::parse("null")));
}

}  // namespace
}  // namespace caisse::host::ctl
