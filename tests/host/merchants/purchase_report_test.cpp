#include "merchants/purchase_report.hpp"

#include "merchants/purchase_import.hpp"
#include "merchants_fixture.hpp"

namespace caisse::host::merchants {
namespace {

class MerchantsPurchaseReport : public MerchantsTest {
 protected:
  // November at moneko: M-001 twice by H-001 and once by a payer that is not a household, M-003
  // once by H-002, the suspended M-002 once by H-001, an unknown acc-99 twice by H-003; and one
  // purchase in October that November's report leaves out.
  void SetUp() override {
    MerchantsTest::SetUp();
    import_merchants(kMerchants);
    backend_holds("moneko", std::string("T-1;H-001;acc-1;1250;MONEKO;") + kNov10 + "\n" +
                                "T-2;H-001;acc-1;750;MONEKO;" + kNov20 + "\n" +
                                "T-3;;acc-1;300;MONEKO;" + kNov10 + "\n" +
                                "T-4;H-002;acc-3;4000;MONEKO;" + kNov20 + "\n" +
                                "T-5;H-001;acc-2;800;MONEKO;" + kNov20 + "\n" +
                                "T-6;H-003;acc-99;500;MONEKO;" + kNov20 + "\n" +
                                "T-7;H-003;acc-99;200;MONEKO;" + kNov10 + "\n" +
                                "T-0;H-001;acc-1;999;MONEKO;" + kOct31 + "\n");
    CurrencyInstance moneko = backend("moneko");
    for (Month month : {Month{2026, 10}, Month{2026, 11}}) {
      auto imported = import_purchases(db(), caisse_, {moneko}, month_period(month));
      ASSERT_EQ(imported[0].status, CallStatus::ok) << imported[0].message;
    }
  }

  PurchaseReport november() {
    auto report = purchase_report(db(), caisse_.id, Month{2026, 11});
    if (!report) throw std::runtime_error(report.error().message);
    return *report;
  }
};

TEST_F(MerchantsPurchaseReport, TotalsCountThePurchasesAndTheHouseholdsOfTheMonth) {
  const PurchaseTotals t = november().totals;
  EXPECT_EQ(t.purchases, 7);
  EXPECT_EQ(t.amount_minor, 1250 + 750 + 300 + 4000 + 800 + 500 + 200);
  EXPECT_EQ(t.households, 3);  // H-001, H-002, H-003
  EXPECT_EQ(t.without_household, 1);
  EXPECT_EQ(t.flagged, 3);  // T-5 (suspended), T-6 and T-7 (unknown)
  EXPECT_EQ(t.flagged_amount_minor, 800 + 500 + 200);
}

TEST_F(MerchantsPurchaseReport, TotalsPerMerchantKnownOnesFirstThenUnknownByReference) {
  const auto merchants = november().merchants;
  ASSERT_EQ(merchants.size(), 4u);
  EXPECT_EQ(merchants[0].merchant_id, "M-001");
  EXPECT_EQ(merchants[0].name, "Épicerie du Coin");
  EXPECT_EQ(merchants[0].totals.purchases, 3);
  EXPECT_EQ(merchants[0].totals.amount_minor, 2300);
  EXPECT_EQ(merchants[0].totals.households, 1);
  EXPECT_EQ(merchants[0].totals.flagged, 0);
  EXPECT_EQ(merchants[1].merchant_id, "M-002");
  EXPECT_EQ(merchants[1].totals.flagged, 1);
  EXPECT_EQ(merchants[2].merchant_id, "M-003");
  EXPECT_FALSE(merchants[3].merchant_id);
  EXPECT_FALSE(merchants[3].name);
  EXPECT_EQ(merchants[3].instance, "moneko");
  EXPECT_EQ(merchants[3].merchant_ref, "acc-99");
  EXPECT_EQ(merchants[3].totals.purchases, 2);
  EXPECT_EQ(merchants[3].totals.flagged, 2);
  EXPECT_FALSE(merchants[0].instance);  // a known merchant is one row whatever the instance
}

TEST_F(MerchantsPurchaseReport, PurchaseAtASuspendedOrUnknownMerchantIsFlaggedWithTheReason) {
  const auto flagged = november().flagged;
  ASSERT_EQ(flagged.size(), 3u);
  // By paid_at: T-7 on the 10th, then T-5 and T-6 on the 20th.
  EXPECT_EQ(flagged[0].external_ref, "T-7");
  EXPECT_EQ(flagged[0].reason, FlagReason::unknown_merchant);
  EXPECT_EQ(flagged[0].paid_at, "2026-11-10T09:00:00Z");
  EXPECT_EQ(flagged[1].external_ref, "T-5");
  EXPECT_EQ(flagged[1].reason, FlagReason::merchant_suspended);
  EXPECT_EQ(flagged[1].merchant_id, "M-002");
  EXPECT_EQ(flagged[1].household_id, "H-001");
  EXPECT_EQ(flagged[1].amount_minor, 800);
  EXPECT_EQ(flagged[1].currency, "MONEKO");
  EXPECT_EQ(flagged[2].external_ref, "T-6");
  EXPECT_EQ(flag_reason_text(FlagReason::merchant_suspended), std::string("merchant suspended"));
  EXPECT_EQ(flag_reason_text(FlagReason::unknown_merchant), std::string("unknown merchant"));
}

TEST_F(MerchantsPurchaseReport, MonthWithoutPurchasesIsAllZero) {
  auto report = purchase_report(db(), caisse_.id, Month{2026, 12});
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->totals.purchases, 0);
  EXPECT_EQ(report->totals.amount_minor, 0);
  EXPECT_TRUE(report->merchants.empty());
  EXPECT_TRUE(report->flagged.empty());
}

TEST_F(MerchantsPurchaseReport, AnotherCaisseSeesNoneOfThem) {
  auto report = purchase_report(db(), "pays-de-retz", Month{2026, 11});
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->totals.purchases, 0);
}

}  // namespace
}  // namespace caisse::host::merchants
