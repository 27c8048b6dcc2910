// Merchants: import with a reference per currency instance, strict errors, all or nothing,
// replays, accreditation dates, and the export that imports back unchanged.
#include "registry/merchants.hpp"

#include "registry/import.hpp"
#include "registry_fixture.hpp"

namespace caisse::host::registry {
namespace {

class registry_merchants : public RegistryTest {
 protected:
  const ImportContext context_{{"moneko", "cyclos"}};

  ImportReport import_merchants(const std::string& bytes) {
    auto report =
        import_csv(db(), nantes_, ImportKind::merchants, "merchants.csv", bytes, context_);
    if (!report) {
      ADD_FAILURE() << report.error().message;
      return ImportReport{ImportKind::merchants};
    }
    return *report;
  }

  std::string merchants_error(const std::string& bytes) {
    auto report =
        import_csv(db(), nantes_, ImportKind::merchants, "merchants.csv", bytes, context_);
    if (report) {
      ADD_FAILURE() << "the import succeeded";
      return "";
    }
    EXPECT_EQ(report.error().kind, ErrorKind::invalid) << report.error().message;
    return report.error().message;
  }

  // Every merchant and reference, for "nothing changed" checks.
  std::string merchant_rows() {
    return scalar(
        "SELECT coalesce((SELECT string_agg(id || ':' || name || ':' || accredited || ':' ||"
        " accreditation_changed_at || ':' || updated_at, ' ' ORDER BY id)"
        " FROM registry_merchants), '') || ' / ' ||"
        " coalesce((SELECT string_agg(merchant_id || '@' || instance || '=' || backend_ref, ' '"
        " ORDER BY merchant_id, instance) FROM registry_merchant_refs), '')");
  }

  std::string bonus_flags() {
    return scalar("SELECT string_agg(id || '=' || bonus, ' ' ORDER BY id) FROM registry_merchants");
  }

  std::string refs() {
    return scalar(
        "SELECT coalesce(string_agg(merchant_id || '@' || instance || '=' || backend_ref, ' '"
        " ORDER BY merchant_id, instance), '') FROM registry_merchant_refs");
  }
};

constexpr const char* kMerchants =
    "merchant_id,name,accredited,ref:moneko,ref:cyclos\n"
    "M-001,Épicerie du Coin,yes,acc-1,-7762070814178012479\n"
    "M-002,Boulangerie Martin,no,acc-2,\n"
    "M-003,\"Ferme des Landes, GAEC\",yes,,u.ferme@landes\n";

TEST_F(registry_merchants, ImportsMerchantsWithTheirReferences) {
  auto report = import_merchants(kMerchants);
  EXPECT_EQ(report.kind, ImportKind::merchants);
  EXPECT_EQ(report.file_lines, 3u);
  EXPECT_EQ(report.inserted, 3u);
  EXPECT_EQ(scalar("SELECT string_agg(id || ':' || name || ':' || accredited, ' | ' ORDER BY id)"
                   " FROM registry_merchants WHERE caisse_id = 'nantes-ouest'"),
            "M-001:Épicerie du Coin:true | M-002:Boulangerie Martin:false | "
            "M-003:Ferme des Landes, GAEC:true");
  EXPECT_EQ(refs(),
            "M-001@cyclos=-7762070814178012479 M-001@moneko=acc-1 M-002@moneko=acc-2 "
            "M-003@cyclos=u.ferme@landes");
}

TEST_F(registry_merchants, ImportingTheSameFileTwiceChangesNothing) {
  import_merchants(kMerchants);
  const std::string before = merchant_rows();
  auto again = import_merchants(kMerchants);
  EXPECT_EQ(again.inserted, 0u);
  EXPECT_EQ(again.updated, 0u);
  EXPECT_EQ(again.unchanged, 3u);
  EXPECT_EQ(merchant_rows(), before);
}

TEST_F(registry_merchants, MalformedFileNamesLineAndColumnAndChangesNothing) {
  import_merchants(kMerchants);
  const std::string before = merchant_rows();
  const std::string message = merchants_error(
      "merchant_id,name,accredited,ref:moneko,ref:cyclos\n"
      "M-001,Épicerie du Coin,no,acc-1,\n"  // fine on its own, but the file fails
      "M 004,,oui,acc 4,\n"
      "M-005,Marché,yes,acc-2,\n"  // M-002 holds acc-2: said once the lines above are fixed
      "M-006,Primeur,yes,acc-6,u-6\n"
      "M-007,Caviste,yes,acc-7,u-6\n"
      "M-001,Doublon,yes,,\n");
  EXPECT_EQ(message,
            "merchants.csv:3: column merchant_id: \"M 004\" is not an id (1 to 64 letters A-Z "
            "a-z, digits, _ or -)\n"
            "merchants.csv:3: column name: is empty\n"
            "merchants.csv:3: column accredited: \"oui\" is not one of yes, no\n"
            "merchants.csv:3: column ref:moneko: \"acc 4\" is not a reference (1 to 100 "
            "letters, digits, _ . / : @ + or -)\n"
            "merchants.csv:7: column merchant_id: \"M-001\" already appears on line 2\n"
            "merchants.csv:6: column ref:cyclos: \"u-6\" already appears on line 5");
  EXPECT_EQ(merchant_rows(), before);
}

TEST_F(registry_merchants, ReferenceHeldByAMerchantNotInTheFileIsRefused) {
  import_merchants(kMerchants);
  const std::string before = merchant_rows();
  const std::string message = merchants_error(
      "merchant_id,name,accredited,ref:moneko\n"
      "M-005,Marché,yes,acc-2\n");
  EXPECT_EQ(message,
            "merchants.csv:2: column ref:moneko: \"acc-2\" is already the reference of merchant "
            "M-002 at moneko");
  EXPECT_EQ(merchant_rows(), before);
}

TEST_F(registry_merchants, TwoMerchantsMaySwapTheirReferencesInOneFile) {
  import_merchants(kMerchants);
  auto report = import_merchants(
      "merchant_id,name,accredited,ref:moneko\n"
      "M-001,Épicerie du Coin,yes,acc-2\n"
      "M-002,Boulangerie Martin,no,acc-1\n");
  EXPECT_EQ(report.updated, 2u);
  EXPECT_EQ(refs(),
            "M-001@cyclos=-7762070814178012479 M-001@moneko=acc-2 M-002@moneko=acc-1 "
            "M-003@cyclos=u.ferme@landes");
}

TEST_F(registry_merchants, ReferenceColumnLeftOutKeepsReferencesAndEmptyCellRemovesOne) {
  import_merchants(kMerchants);
  // No ref:cyclos column: the Cyclos users stay. An empty ref:moneko cell: M-001 leaves Moneko.
  auto report = import_merchants(
      "merchant_id,name,accredited,ref:moneko\n"
      "M-001,Épicerie du Coin,yes,\n"
      "M-002,Boulangerie Martin,no,acc-2\n");
  EXPECT_EQ(report.updated, 1u);
  EXPECT_EQ(report.unchanged, 1u);
  EXPECT_EQ(refs(),
            "M-001@cyclos=-7762070814178012479 M-002@moneko=acc-2 M-003@cyclos=u.ferme@landes");
}

TEST_F(registry_merchants, ReferenceColumnOfAnInstanceThatIsNotACurrencyIsRefused) {
  const std::string message = merchants_error(
      "merchant_id,name,accredited,ref:allocation\n"
      "M-001,Épicerie du Coin,yes,x\n");
  EXPECT_EQ(message,
            "merchants.csv:1: unknown column \"ref:allocation\" (expected merchant_id, name, "
            "accredited, bonus (optional), kind (optional), location (optional), account_opened "
            "(optional), documents_received (optional), qr_issued (optional), ref:moneko "
            "(optional), ref:cyclos (optional))");
}

TEST_F(registry_merchants, AccreditationDateMovesOnlyWhenTheAccreditationDoes) {
  import_merchants(kMerchants);
  ASSERT_TRUE(db().exec("UPDATE registry_merchants SET accreditation_changed_at = "
                        "'2026-01-01 00:00:00+00'")
                  .ok());
  import_merchants(
      "merchant_id,name,accredited\n"
      "M-001,Épicerie du Coin (renamed),yes\n"
      "M-002,Boulangerie Martin,yes\n");
  EXPECT_EQ(scalar("SELECT string_agg(id || ':' || (accreditation_changed_at = "
                   "'2026-01-01 00:00:00+00'), ' ' ORDER BY id) FROM registry_merchants"),
            "M-001:true M-002:false M-003:true");
}

TEST_F(registry_merchants, ExportImportsBackUnchanged) {
  import_merchants(kMerchants);
  auto exported = export_csv(db(), "nantes-ouest", ExportKind::merchants,
                             ExportOptions{false, {"moneko", "cyclos"}});
  ASSERT_TRUE(exported.ok()) << exported.error().message;
  EXPECT_EQ(*exported,
            "merchant_id,name,accredited,bonus,kind,location,account_opened,documents_received,"
            "qr_issued,ref:moneko,ref:cyclos\n"
            "M-001,Épicerie du Coin,yes,no,shop,,yes,yes,yes,acc-1,-7762070814178012479\n"
            "M-002,Boulangerie Martin,no,no,shop,,yes,yes,yes,acc-2,\n"
            "M-003,\"Ferme des Landes, GAEC\",yes,no,shop,,yes,yes,yes,,u.ferme@landes\n");
  const std::string before = merchant_rows();
  auto again = import_merchants(*exported);
  EXPECT_EQ(again.unchanged, 3u);
  EXPECT_EQ(merchant_rows(), before);
}

TEST_F(registry_merchants, BonusColumnSetsTheFlagAndAFileWithoutItLeavesIt) {
  import_merchants(kMerchants);
  EXPECT_EQ(bonus_flags(), "M-001=false M-002=false M-003=false");
  auto flagged = import_merchants(
      "merchant_id,name,accredited,bonus\n"
      "M-001,Épicerie du Coin,yes,yes\n"
      "M-003,\"Ferme des Landes, GAEC\",yes,\n"
      "M-004,Biocoop,yes,yes\n");
  EXPECT_EQ(flagged.inserted, 1u);
  EXPECT_EQ(flagged.updated, 1u);    // M-001 now earns a bonus
  EXPECT_EQ(flagged.unchanged, 1u);  // M-003: an empty cell says no, as before
  EXPECT_EQ(bonus_flags(), "M-001=true M-002=false M-003=false M-004=true");
  auto again = import_merchants(kMerchants);  // the committee's older file, without the column
  EXPECT_EQ(again.unchanged, 3u);
  EXPECT_EQ(bonus_flags(), "M-001=true M-002=false M-003=false M-004=true");
}

TEST_F(registry_merchants, BonusMustBeYesOrNo) {
  EXPECT_THAT(merchants_error("merchant_id,name,accredited,bonus\n"
                              "M-001,Épicerie du Coin,yes,oui\n"),
              ::testing::HasSubstr("merchants.csv:2: column bonus"));
  EXPECT_EQ(merchant_rows(), " / ");
}

TEST_F(registry_merchants, AnotherCaisseHasItsOwnMerchantsAndReferences) {
  import_merchants(kMerchants);
  auto report = import_csv(db(), retz_, ImportKind::merchants, "merchants.csv",
                           "merchant_id,name,accredited,ref:moneko\n"
                           "M-001,Ferme de Retz,yes,acc-2\n",
                           context_);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->inserted, 1u);
  auto nantes = list_merchants(db(), "nantes-ouest");
  ASSERT_TRUE(nantes.ok());
  EXPECT_EQ((*nantes)[0].name, "Épicerie du Coin");
  auto retz = list_merchants(db(), "pays-de-retz");
  ASSERT_TRUE(retz.ok());
  ASSERT_EQ(retz->size(), 1u);
  EXPECT_EQ((*retz)[0].refs.at("moneko"), "acc-2");
}

}  // namespace
}  // namespace caisse::host::registry
