// pain.001: ~50 merchant payouts written in both versions, valid against the official XSD, with
// NbOfTxs and CtrlSum equal to the input's; the version-specific shapes; refusals.
#include <gtest/gtest.h>

#include "pain001_writer.hpp"
#include "sample_orders.hpp"
#include "sepa_errors.hpp"
#include "xml_checks.hpp"

namespace caisse::adapters::sepa {
namespace {

using testing::cents;
using testing::XPathDoc;

std::string write(const TransferFile& file, Pain001Version version,
                  const CaisseAccount& debtor = testing::test_caisse()) {
  std::string xml;
  write_pain001(debtor, version, file, [&](std::string_view piece) { xml += piece; });
  return xml;
}

class Pain001Payouts : public ::testing::TestWithParam<Pain001Version> {};

TEST_P(Pain001Payouts, ValidAgainstTheOfficialXsd) {
  const auto reference = testing::reference_dir();
  if (!reference) GTEST_SKIP() << "CAISSE_SHARED_DIR/reference is absent: no XSD to check against";
  const auto run = testing::sample_payouts(50);
  const auto xsd = *reference / "xsd" / (std::string(version_name(GetParam())) + ".xsd");
  EXPECT_EQ(testing::xsd_errors(xsd, write(run.file(), GetParam())), std::vector<std::string>{});
  // The debtor's bank unknown too: NOTPROVIDED (.03) or an empty FinInstnId (.09) still validate.
  EXPECT_EQ(testing::xsd_errors(xsd, write(run.file(), GetParam(), testing::test_caisse(false))),
            std::vector<std::string>{});
}

TEST_P(Pain001Payouts, CountsAndSumsMatchTheInput) {
  const auto run = testing::sample_payouts(50);
  const XPathDoc doc(write(run.file(), GetParam()));
  std::int64_t total = 0;
  std::size_t with_bic = 0;
  for (const CreditTransfer& transfer : run.transfers) {
    total += transfer.amount.minor;
    with_bic += !transfer.creditor_bic.empty();
  }
  EXPECT_EQ(doc.text("//p:GrpHdr/p:NbOfTxs"), "50");
  EXPECT_EQ(cents(doc.text("//p:GrpHdr/p:CtrlSum")), total);
  EXPECT_EQ(doc.text("//p:PmtInf/p:NbOfTxs"), "50");
  EXPECT_EQ(cents(doc.text("//p:PmtInf/p:CtrlSum")), total);
  std::int64_t lines = 0;
  for (const std::string& amount : doc.texts("//p:CdtTrfTxInf/p:Amt/p:InstdAmt")) {
    lines += cents(amount);
  }
  EXPECT_EQ(lines, total);
  EXPECT_EQ(doc.text("//p:PmtInf/p:PmtMtd"), "TRF");
  EXPECT_EQ(doc.text("//p:PmtInf/p:PmtInfId"), "PAYOUT-2026-11-TRF");
  EXPECT_EQ(doc.count("//p:CdtTrfTxInf/p:CdtrAgt"), with_bic) << "no CdtrAgt without a BIC";
  EXPECT_EQ(doc.text("//p:CdtTrfTxInf[p:PmtId/p:EndToEndId='PAY-2026-11-M1007']/p:Amt/p:InstdAmt"),
            "999999999.99");
  EXPECT_EQ(doc.text("//p:CdtTrfTxInf[p:PmtId/p:EndToEndId='PAY-2026-11-M1002']/p:RmtInf/p:Ustrd"),
            "Reconversion MonA novembre 2026, commerce no 2");
}

TEST_P(Pain001Payouts, ExecutionDateShapeDependsOnTheVersion) {
  const auto run = testing::sample_payouts(2);
  const XPathDoc doc(write(run.file(), GetParam()));
  if (GetParam() == Pain001Version::v03) {
    EXPECT_EQ(doc.text("//p:PmtInf/p:ReqdExctnDt"), "2026-12-01");
    EXPECT_EQ(doc.count("//p:CdtrAgt/p:FinInstnId/p:BIC"), 1u);
  } else {
    EXPECT_EQ(doc.text("//p:PmtInf/p:ReqdExctnDt/p:Dt"), "2026-12-01");
    EXPECT_EQ(doc.count("//p:CdtrAgt/p:FinInstnId/p:BICFI"), 1u);
  }
}

INSTANTIATE_TEST_SUITE_P(BothVersions, Pain001Payouts,
                         ::testing::Values(Pain001Version::v03, Pain001Version::v09),
                         [](const auto& info) {
                           return info.param == Pain001Version::v03 ? "v03" : "v09";
                         });

TEST(Pain001Writer, RefusesBadTransfersNamingThem) {
  auto run = testing::sample_payouts(3);
  run.transfers[2].creditor_iban = "FR7630006000011234567890188";
  std::size_t pieces = 0;
  try {
    write_pain001(testing::test_caisse(), Pain001Version::v03, run.file(),
                  [&](std::string_view) { ++pieces; });
    FAIL() << "accepted";
  } catch (const InvalidOrder& e) {
    EXPECT_STREQ(e.what(),
                 "transfers[2] (EndToEndId \"PAY-2026-11-M1002\"): creditor_iban: FR76 **** 188: "
                 "wrong check digits (a character is mistyped or missing)");
  }
  EXPECT_EQ(pieces, 0u);
  run.transfers[2].creditor_iban = run.transfers[1].creditor_iban;
  run.transfers[2].amount.minor = -100;
  EXPECT_THROW(write(run.file(), Pain001Version::v09), InvalidOrder);
  run.transfers[2].amount.minor = 100;
  TransferFile file = run.file();
  file.execution_date = "2026-12-32";
  try {
    write(file, Pain001Version::v09);
    FAIL() << "accepted";
  } catch (const InvalidOrder& e) {
    EXPECT_STREQ(e.what(), "execution_date: \"2026-12-32\" is not a date (YYYY-MM-DD)");
  }
}

}  // namespace
}  // namespace caisse::adapters::sepa
