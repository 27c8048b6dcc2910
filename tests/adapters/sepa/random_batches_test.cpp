// Property: for seeded random batches (1 to 300 debits, 1 to 120 transfers, amounts from 0.01 to
// the SEPA maximum), every file is XSD-valid and its amounts, read back, add up exactly to the
// input's sums, at the group and at each payment information block.
#include <gtest/gtest.h>

#include "pain001_writer.hpp"
#include "pain008_writer.hpp"
#include "sample_orders.hpp"
#include "xml_checks.hpp"

namespace caisse::adapters::sepa {
namespace {

using testing::cents;

constexpr std::uint32_t kSeeds = 25;

std::int64_t sum_of(const std::vector<std::string>& amounts) {
  std::int64_t sum = 0;
  for (const std::string& amount : amounts) sum += cents(amount);
  return sum;
}

TEST(RandomBatches, DebitFilesAreValidAndAddUp) {
  const auto reference = testing::reference_dir();
  for (std::uint32_t seed = 1; seed <= kSeeds; ++seed) {
    const auto month = testing::random_month(seed);
    std::int64_t input_sum = 0;
    for (const DirectDebit& debit : month.debits) input_sum += debit.amount.minor;
    for (const Pain008Version version : {Pain008Version::v02, Pain008Version::v08}) {
      std::string xml;
      write_pain008(testing::test_caisse(seed % 2 == 0), version, month.file(),
                    [&](std::string_view piece) { xml += piece; });
      if (reference) {
        const auto xsd = *reference / "xsd" / (std::string(version_name(version)) + ".xsd");
        EXPECT_EQ(testing::xsd_errors(xsd, xml), std::vector<std::string>{}) << "seed " << seed;
      }
      const testing::XPathDoc doc(xml);
      EXPECT_EQ(sum_of(doc.texts("//p:DrctDbtTxInf/p:InstdAmt")), input_sum) << "seed " << seed;
      EXPECT_EQ(cents(doc.text("//p:GrpHdr/p:CtrlSum")), input_sum) << "seed " << seed;
      EXPECT_EQ(doc.text("//p:GrpHdr/p:NbOfTxs"), std::to_string(month.debits.size()));
      std::int64_t blocks = 0;
      for (const std::string& block_sum : doc.texts("//p:PmtInf/p:CtrlSum"))
        blocks += cents(block_sum);
      EXPECT_EQ(blocks, input_sum) << "seed " << seed;
    }
  }
}

TEST(RandomBatches, TransferFilesAreValidAndAddUp) {
  const auto reference = testing::reference_dir();
  for (std::uint32_t seed = 1; seed <= kSeeds; ++seed) {
    const auto run = testing::random_payouts(seed);
    std::int64_t input_sum = 0;
    for (const CreditTransfer& transfer : run.transfers) input_sum += transfer.amount.minor;
    for (const Pain001Version version : {Pain001Version::v03, Pain001Version::v09}) {
      std::string xml;
      write_pain001(testing::test_caisse(), version, run.file(),
                    [&](std::string_view piece) { xml += piece; });
      if (reference) {
        const auto xsd = *reference / "xsd" / (std::string(version_name(version)) + ".xsd");
        EXPECT_EQ(testing::xsd_errors(xsd, xml), std::vector<std::string>{}) << "seed " << seed;
      }
      const testing::XPathDoc doc(xml);
      EXPECT_EQ(sum_of(doc.texts("//p:InstdAmt")), input_sum) << "seed " << seed;
      EXPECT_EQ(cents(doc.text("//p:GrpHdr/p:CtrlSum")), input_sum) << "seed " << seed;
    }
  }
}

}  // namespace
}  // namespace caisse::adapters::sepa
