#include "merchants/merchant_sync.hpp"

#include "merchants_fixture.hpp"

namespace caisse::host::merchants {
namespace {

using MerchantsSync = MerchantsTest;

TEST_F(MerchantsSync, PushesTheWholeListUnderEachBackendsOwnReferences) {
  import_merchants(
      "merchant_id,name,accredited,ref:moneko,ref:upcoop\n"
      "M-001,Épicerie du Coin,yes,acc-1,\n"
      "M-002,Boulangerie Martin,no,acc-2,up-2\n"
      "M-004,Marché bio,yes,,up-4\n",
      {"moneko", "upcoop"});
  auto outcomes = sync_merchants(db(), caisse_.id, {backend("moneko"), backend("upcoop")});

  ASSERT_EQ(outcomes.size(), 2u);
  EXPECT_EQ(outcomes[0].instance, "moneko");
  EXPECT_EQ(outcomes[0].status, CallStatus::ok) << outcomes[0].message;
  EXPECT_EQ(outcomes[0].merchants, 3u);
  EXPECT_EQ(outcomes[1].status, CallStatus::ok) << outcomes[1].message;
  // A merchant a backend has no reference for goes with an empty one: the adapter can say it
  // is accredited but not onboarded there.
  EXPECT_EQ(pushed_to("moneko"),
            "M-001;Épicerie du Coin;acc-1;yes\n"
            "M-002;Boulangerie Martin;acc-2;no\n"
            "M-004;Marché bio;;yes\n");
  EXPECT_EQ(pushed_to("upcoop"),
            "M-001;Épicerie du Coin;;yes\n"
            "M-002;Boulangerie Martin;up-2;no\n"
            "M-004;Marché bio;up-4;yes\n");
}

TEST_F(MerchantsSync, SuspendedMerchantIsPushedAsNotAccredited) {
  import_merchants(kMerchants);
  CurrencyInstance moneko = backend("moneko");
  ASSERT_EQ(sync_merchants(db(), caisse_.id, {moneko})[0].status, CallStatus::ok);
  ASSERT_NE(pushed_to("moneko").find("M-001;Épicerie du Coin;acc-1;yes\n"), std::string::npos);

  import_merchants(
      "merchant_id,name,accredited,ref:moneko\n"
      "M-001,Épicerie du Coin,no,acc-1\n");
  auto outcomes = sync_merchants(db(), caisse_.id, {moneko});

  EXPECT_EQ(outcomes[0].status, CallStatus::ok);
  EXPECT_EQ(pushed_to("moneko"),
            "M-001;Épicerie du Coin;acc-1;no\n"
            "M-002;Boulangerie Martin;acc-2;no\n"
            "M-003;Ferme des Landes, GAEC;acc-3;yes\n");
}

TEST_F(MerchantsSync, PluginWithoutTheHookIsUnsupportedNotAnError) {
  import_merchants(kMerchants, {"moneko", "cards"});
  auto outcomes = sync_merchants(db(), caisse_.id, {without_hooks("cards"), backend("moneko")});

  ASSERT_EQ(outcomes.size(), 2u);
  EXPECT_EQ(outcomes[0].instance, "cards");
  EXPECT_EQ(outcomes[0].status, CallStatus::unsupported);
  EXPECT_EQ(outcomes[0].message, "the plugin does not implement caisse_on_currency_sync_merchants");
  EXPECT_EQ(outcomes[1].status, CallStatus::ok);
}

TEST_F(MerchantsSync, PluginAnsweringUnsupportedItselfIsUnsupportedNotAnError) {
  import_merchants(kMerchants, {"moneko", "cards"});
  auto outcomes =
      sync_merchants(db(), caisse_.id, {backend("cards", "unsupported"), backend("moneko")});

  ASSERT_EQ(outcomes.size(), 2u);
  EXPECT_EQ(outcomes[0].status, CallStatus::unsupported);
  EXPECT_NE(outcomes[0].message.find("not configured for this"), std::string::npos)
      << outcomes[0].message;
  EXPECT_EQ(outcomes[1].status, CallStatus::ok);
}

TEST_F(MerchantsSync, FailingBackendIsReportedWithItsMessageAndTheOthersStillGetTheList) {
  import_merchants(
      "merchant_id,name,accredited,ref:moneko,ref:cyclos\n"
      "M-001,Épicerie du Coin,yes,acc-1,u-1\n"
      "M-002,Boulangerie Martin,no,acc-2,u-2\n"
      "M-003,Ferme des Landes,yes,acc-3,\n",
      {"moneko", "cyclos"});
  auto outcomes = sync_merchants(db(), caisse_.id, {backend("cyclos", "sync"), backend("moneko")});

  EXPECT_EQ(outcomes[0].status, CallStatus::error);
  EXPECT_NE(outcomes[0].message.find("backend refused the merchant list"), std::string::npos)
      << outcomes[0].message;
  EXPECT_EQ(pushed_to("cyclos"), "(nothing)");
  EXPECT_EQ(outcomes[1].status, CallStatus::ok);
  EXPECT_EQ(outcomes[1].merchants, 3u);
}

TEST_F(MerchantsSync, InstanceThatDidNotStartIsAnErrorSayingWhy) {
  import_merchants(kMerchants);
  auto outcomes = sync_merchants(
      db(), caisse_.id, {CurrencyInstance{"moneko", nullptr, "plugin 'moneko' is not loaded"}});

  EXPECT_EQ(outcomes[0].status, CallStatus::error);
  EXPECT_EQ(outcomes[0].message, "not running: plugin 'moneko' is not loaded");
}

TEST_F(MerchantsSync, CaisseWithoutMerchantsDoesNotTellBackendsToAcceptNobody) {
  auto outcomes = sync_merchants(db(), caisse_.id, {backend("moneko")});

  EXPECT_EQ(outcomes[0].status, CallStatus::ok);
  EXPECT_EQ(outcomes[0].merchants, 0u);
  EXPECT_EQ(outcomes[0].message, "the caisse has no merchants yet: nothing pushed");
  EXPECT_EQ(pushed_to("moneko"), "(nothing)");
}

}  // namespace
}  // namespace caisse::host::merchants
