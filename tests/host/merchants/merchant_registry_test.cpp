// merchants.csv with the conventionnement columns (kind, location, onboarding steps), the payment
// gate they feed, and the precedence of committee decisions over the file's `accredited`.
#include "conventionnement_fixture.hpp"
#include "merchants/merchant_sync.hpp"
#include "registry/merchants.hpp"
#include "registry/merchants_gate.hpp"

namespace caisse::host::merchants {
namespace {

class MerchantsRegistry : public ConventionnementTest {
 protected:
  // The error of importing `csv` (without ref: columns), or "" when it imports.
  std::string import_error(const std::string& csv) {
    auto report = registry::import_csv(db(), caisse_, registry::ImportKind::merchants,
                                       "merchants.csv", csv, {});
    return report ? "" : report.error().message;
  }
};

const registry::MerchantEntry& by_id(const std::vector<registry::MerchantEntry>& all,
                                     const std::string& id) {
  for (const auto& merchant : all) {
    if (merchant.id == id) return merchant;
  }
  throw std::runtime_error("no merchant " + id);
}

std::vector<registry::MerchantEntry> listed(store::PgConnection& db, const std::string& caisse) {
  auto all = registry::list_merchants(db, caisse);
  if (!all) throw std::runtime_error(all.error().message);
  return *all;
}

TEST_F(MerchantsRegistry, AnOldFileStillImportsAsShopsWithOnboardingDone) {
  import_merchants(kMerchants);
  const auto all = listed(db(), caisse_.id);
  ASSERT_EQ(all.size(), 3u);
  const auto& epicerie = by_id(all, "M-001");
  EXPECT_EQ(epicerie.kind, "shop");
  EXPECT_EQ(epicerie.location, "");
  EXPECT_TRUE(epicerie.account_opened && epicerie.documents_received && epicerie.qr_issued);
  EXPECT_TRUE(epicerie.accredited);
  EXPECT_EQ(epicerie.standing, "accredited");
  EXPECT_FALSE(by_id(all, "M-002").accredited);
  EXPECT_EQ(by_id(all, "M-002").standing, "not_accredited");
}

TEST_F(MerchantsRegistry, IncompleteOnboardingClosesTheGateAndIsPushedAsNotAccredited) {
  import_merchants(
      "merchant_id,name,accredited,kind,location,account_opened,documents_received,qr_issued,"
      "ref:moneko\n"
      "M-001,Épicerie du Coin,yes,shop,\"12 rue de la Paix, Nantes\",yes,yes,no,acc-1\n"
      "M-004,AMAP des Dervallières,yes,amap,Nantes,yes,yes,yes,acc-4\n");
  const auto all = listed(db(), caisse_.id);
  EXPECT_EQ(by_id(all, "M-001").location, "12 rue de la Paix, Nantes");
  EXPECT_EQ(by_id(all, "M-001").standing, "accredited");  // the committee's side
  EXPECT_FALSE(by_id(all, "M-001").qr_issued);
  EXPECT_FALSE(by_id(all, "M-001").accredited);  // no QR code yet: not payable
  EXPECT_EQ(by_id(all, "M-004").kind, "amap");
  EXPECT_TRUE(by_id(all, "M-004").accredited);

  sync_merchants(db(), caisse_.id, {backend("moneko")});
  EXPECT_EQ(pushed_to("moneko"),
            "M-001;Épicerie du Coin;acc-1;no\n"
            "M-004;AMAP des Dervallières;acc-4;yes\n");

  // The QR code is issued: a file with only that column opens the gate, the rest stays.
  import_merchants("merchant_id,name,accredited,qr_issued\nM-001,Épicerie du Coin,yes,yes\n");
  EXPECT_EQ(gate("M-001"), "t");
  EXPECT_EQ(by_id(listed(db(), caisse_.id), "M-001").location, "12 rue de la Paix, Nantes");
}

TEST_F(MerchantsRegistry, ExportImportsBackUnchanged) {
  import_merchants(
      "merchant_id,name,accredited,bonus,kind,location,account_opened,documents_received,"
      "qr_issued,ref:moneko\n"
      "M-001,Épicerie du Coin,yes,yes,cooperative_grocery,Chantenay,yes,no,no,acc-1\n"
      "M-002,Marché du Zola,no,no,market_stall,,yes,yes,yes,\n");
  auto exported = registry::export_merchants(db(), caisse_.id, {"moneko"});
  ASSERT_TRUE(exported) << exported.error().message;
  EXPECT_EQ(*exported,
            "merchant_id,name,accredited,bonus,kind,location,account_opened,documents_received,"
            "qr_issued,ref:moneko\n"
            "M-001,Épicerie du Coin,yes,yes,cooperative_grocery,Chantenay,yes,no,no,acc-1\n"
            "M-002,Marché du Zola,no,no,market_stall,,yes,yes,yes,\n");
  auto again = import_merchants(*exported);
  EXPECT_EQ(again.unchanged, 2u);
  EXPECT_EQ(again.inserted + again.updated, 0u);
}

TEST_F(MerchantsRegistry, BadKindAndStepAreRefusedNamingLineAndColumn) {
  EXPECT_EQ(import_error("merchant_id,name,accredited,kind,qr_issued\n"
                         "M-001,Épicerie du Coin,yes,boutique,yes\n"
                         "M-002,Boulangerie Martin,yes,shop,oui\n"),
            "merchants.csv:2: column kind: \"boutique\" is not one of shop, producer, "
            "market_stall, amap, cooperative_grocery, supermarket\n"
            "merchants.csv:3: column qr_issued: \"oui\" is not one of yes, no");
  EXPECT_EQ(scalar("SELECT count(*) FROM registry_merchants"), "0");
}

TEST_F(MerchantsRegistry, FileContradictingTheCommitteeIsRefusedAndChangesNothing) {
  import_merchants(kMerchants);
  auto suspended = record(decision("M-001", "suspend", "2026-10-05"), "2026-10-06");
  import_merchants("merchant_id,name,accredited\nM-001,Épicerie du Coin,no\n");  // agrees: accepted
  EXPECT_EQ(import_error("merchant_id,name,accredited\n"
                         "M-003,Ferme des Landes,yes\n"
                         "M-001,Épicerie du Coin,yes\n"),
            "merchants.csv:3: column accredited: \"yes\" disagrees with the committee: merchant "
            "M-001 is suspended by decision " +
                std::to_string(suspended.id) +
                " (record a new decision to change it, or write no)");
  EXPECT_EQ(gate("M-001"), "f");
  EXPECT_EQ(scalar("SELECT name FROM registry_merchants WHERE id = 'M-003'"),
            "Ferme des Landes, GAEC");
}

TEST_F(MerchantsRegistry, HistoryKeepsEveryGateChangeWithItsCause) {
  import_merchants(kMerchants);
  record(decision("M-002", "accredit", "2026-10-05"), "2026-10-06");
  import_merchants("merchant_id,name,accredited,account_opened\nM-002,Boulangerie Martin,yes,no\n");
  EXPECT_EQ(scalar("SELECT string_agg(accredited || ' ' || standing || ' ' || onboarded || ' ' ||"
                   " regexp_replace(cause, '[0-9]+$', 'N'), ' | ' ORDER BY id)"
                   " FROM merchant_gate_history WHERE merchant_id = 'M-002'"),
            "false not_accredited true merchants.csv | true accredited true decision N | "
            "false accredited false merchants.csv");
}

}  // namespace
}  // namespace caisse::host::merchants
