#include "merchants/purchase_import.hpp"

#include "merchants_fixture.hpp"

namespace caisse::host::merchants {
namespace {

using MerchantsPurchaseImport = MerchantsTest;

const Period kNovember = month_period(Month{2026, 11});

// Two purchases at accredited merchants, one at a suspended one, one at a merchant nobody
// gave caissed, one by a payer that is not a household, one paid the day before the period
// and one the first instant after it.
std::string moneko_november() {
  return std::string("T-1;H-001;acc-1;1250;MONEKO;") + kNov10 + "\n" +
         "T-2;H-002;acc-3;4000;MONEKO;" + kNov20 + "\n" + "T-3;H-001;acc-2;800;MONEKO;" + kNov20 +
         "\n" + "T-4;H-003;acc-99;500;MONEKO;" + kNov10 + "\n" + "T-5;;acc-1;300;MONEKO;" + kNov10 +
         "\n" + "T-0;H-001;acc-1;999;MONEKO;" + kOct31 + "\n" + "T-6;H-001;acc-1;999;MONEKO;" +
         kDec1 + "\n";
}

TEST_F(MerchantsPurchaseImport, StoresEachPurchaseOfThePeriodWithItsMerchant) {
  import_merchants(kMerchants);
  backend_holds("moneko", moneko_november());
  auto outcomes = import_purchases(db(), caisse_, {backend("moneko")}, kNovember);

  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_EQ(outcomes[0].status, CallStatus::ok) << outcomes[0].message;
  EXPECT_EQ(outcomes[0].listed, 5u);  // T-0 and T-6 are outside [2026-11-01, 2026-12-01)
  EXPECT_EQ(outcomes[0].stored.fresh, 5u);
  EXPECT_EQ(outcomes[0].stored.already_known, 0u);
  EXPECT_EQ(scalar("SELECT string_agg(external_ref || ':' || coalesce(household_id, '-') || ':' ||"
                   " coalesce(merchant_id, '?') || ':' || merchant_accredited || ':' ||"
                   " amount_minor, ' ' ORDER BY external_ref) FROM purchases"),
            "T-1:H-001:M-001:true:1250 T-2:H-002:M-003:true:4000 T-3:H-001:M-002:false:800 "
            "T-4:H-003:?:false:500 T-5:-:M-001:true:300");
  EXPECT_EQ(scalar("SELECT paid_at AT TIME ZONE 'UTC' FROM purchases WHERE external_ref = 'T-2'"),
            "2026-11-20 18:30:00");
}

TEST_F(MerchantsPurchaseImport, ImportingThePeriodTwiceChangesNothing) {
  import_merchants(kMerchants);
  backend_holds("moneko", moneko_november());
  CurrencyInstance moneko = backend("moneko");
  ASSERT_EQ(import_purchases(db(), caisse_, {moneko}, kNovember)[0].stored.fresh, 5u);
  const std::string before = stored_purchases();

  auto again = import_purchases(db(), caisse_, {moneko}, kNovember);

  EXPECT_EQ(again[0].status, CallStatus::ok);
  EXPECT_EQ(again[0].listed, 5u);
  EXPECT_EQ(again[0].stored.fresh, 0u);
  EXPECT_EQ(again[0].stored.already_known, 5u);
  EXPECT_EQ(again[0].stored.resolved, 0u);
  EXPECT_EQ(stored_purchases(), before);
}

TEST_F(MerchantsPurchaseImport, PaymentListedTwiceInOneListingIsStoredOnce) {
  import_merchants(kMerchants);
  const std::string line = std::string("T-1;H-001;acc-1;1250;MONEKO;") + kNov10 + "\n";
  backend_holds("moneko", line + line);
  auto outcomes = import_purchases(db(), caisse_, {backend("moneko")}, kNovember);

  EXPECT_EQ(outcomes[0].listed, 2u);
  EXPECT_EQ(outcomes[0].stored.fresh, 1u);
  EXPECT_EQ(outcomes[0].stored.already_known, 1u);
  EXPECT_EQ(scalar("SELECT count(*) FROM purchases"), "1");
}

TEST_F(MerchantsPurchaseImport, SameReferenceAtTwoInstancesIsTwoPurchases) {
  import_merchants(kMerchants, {"moneko", "cyclos"});
  backend_holds("moneko", std::string("T-1;H-001;acc-1;1250;MONEKO;") + kNov10 + "\n");
  backend_holds("cyclos", std::string("T-1;H-002;u-7;700;MONEKO;") + kNov10 + "\n");
  auto outcomes =
      import_purchases(db(), caisse_, {backend("moneko"), backend("cyclos")}, kNovember);

  EXPECT_EQ(outcomes[0].stored.fresh, 1u);
  EXPECT_EQ(outcomes[1].stored.fresh, 1u);
  EXPECT_EQ(scalar("SELECT count(*) FROM purchases"), "2");
}

TEST_F(MerchantsPurchaseImport, FailedListingStoresNothingAndCanBeImportedAgain) {
  import_merchants(kMerchants);
  backend_holds("moneko", moneko_november());
  // The backend is lost after handing over its first purchase.
  auto failed = import_purchases(db(), caisse_, {backend("moneko", "list")}, kNovember);

  EXPECT_EQ(failed[0].status, CallStatus::error);
  EXPECT_NE(failed[0].message.find("backend lost after 1 purchase"), std::string::npos)
      << failed[0].message;
  EXPECT_EQ(scalar("SELECT count(*) FROM purchases"), "0");

  auto retried = import_purchases(db(), caisse_, {backend("moneko")}, kNovember);
  EXPECT_EQ(retried[0].status, CallStatus::ok);
  EXPECT_EQ(retried[0].stored.fresh, 5u);
}

TEST_F(MerchantsPurchaseImport, PurchaseInAnotherCurrencyIsRefusedAndNothingIsStored) {
  import_merchants(kMerchants);
  backend_holds("moneko", std::string("T-1;H-001;acc-1;1250;MONEKO;") + kNov10 + "\n" +
                              "T-2;H-001;acc-1;1250;EUR;" + kNov10 + "\n");
  auto outcomes = import_purchases(db(), caisse_, {backend("moneko")}, kNovember);

  EXPECT_EQ(outcomes[0].status, CallStatus::error);
  EXPECT_EQ(outcomes[0].message,
            "moneko: purchase \"T-2\" is in EUR, the currency of caisse nantes-ouest is MONEKO "
            "(check the instance's configuration)");
  EXPECT_EQ(scalar("SELECT count(*) FROM purchases"), "0");
}

TEST_F(MerchantsPurchaseImport, PluginWithoutTheHookIsUnsupportedAndTheOthersAreImported) {
  backend_holds("moneko", moneko_november());
  auto outcomes =
      import_purchases(db(), caisse_, {without_hooks("cards"), backend("moneko")}, kNovember);

  EXPECT_EQ(outcomes[0].status, CallStatus::unsupported);
  EXPECT_EQ(outcomes[0].message, "the plugin does not implement caisse_on_currency_list_purchases");
  EXPECT_EQ(outcomes[1].status, CallStatus::ok);
  EXPECT_EQ(outcomes[1].stored.fresh, 5u);
}

TEST_F(MerchantsPurchaseImport, PluginAnsweringUnsupportedItselfIsUnsupportedNotAnError) {
  backend_holds("moneko", moneko_november());
  auto outcomes = import_purchases(db(), caisse_,
                                   {backend("cards", "unsupported"), backend("moneko")}, kNovember);

  EXPECT_EQ(outcomes[0].status, CallStatus::unsupported);
  EXPECT_NE(outcomes[0].message.find("not configured for this"), std::string::npos)
      << outcomes[0].message;
  EXPECT_EQ(outcomes[1].status, CallStatus::ok);
}

TEST_F(MerchantsPurchaseImport, MerchantGivenItsReferenceLaterIsResolvedAtTheNextImport) {
  import_merchants(kMerchants);
  backend_holds("moneko", moneko_november());
  CurrencyInstance moneko = backend("moneko");
  ASSERT_EQ(import_purchases(db(), caisse_, {moneko}, kNovember)[0].status, CallStatus::ok);
  ASSERT_EQ(scalar("SELECT merchant_id IS NULL FROM purchases WHERE external_ref = 'T-4'"), "t");

  import_merchants(
      "merchant_id,name,accredited,ref:moneko\n"
      "M-099,Épicerie solidaire,yes,acc-99\n");
  auto again = import_purchases(db(), caisse_, {moneko}, kNovember);

  EXPECT_EQ(again[0].stored.resolved, 1u);
  EXPECT_EQ(again[0].stored.fresh, 0u);
  EXPECT_EQ(scalar("SELECT merchant_id || ' ' || merchant_accredited FROM purchases"
                   " WHERE external_ref = 'T-4'"),
            "M-099 true");
}

TEST_F(MerchantsPurchaseImport, AccreditationIsTheOneInForceAtImport) {
  import_merchants(kMerchants);
  backend_holds("moneko", std::string("T-1;H-001;acc-1;1250;MONEKO;") + kNov10 + "\n");
  CurrencyInstance moneko = backend("moneko");
  ASSERT_EQ(import_purchases(db(), caisse_, {moneko}, kNovember)[0].stored.fresh, 1u);

  // Suspended after the import: the purchase keeps the accreditation it was imported with.
  import_merchants("merchant_id,name,accredited,ref:moneko\nM-001,Épicerie du Coin,no,acc-1\n");
  import_purchases(db(), caisse_, {moneko}, kNovember);

  EXPECT_EQ(scalar("SELECT merchant_accredited FROM purchases WHERE external_ref = 'T-1'"), "t");
}

}  // namespace
}  // namespace caisse::host::merchants
