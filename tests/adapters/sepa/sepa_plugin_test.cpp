// sepa.so through the host's loader and the daemon's config check: its roles, each setting
// refused with its key, a month of debits and a payout run written through the hooks (valid
// against the XSD), a pain.002 read into events, and bad input refused with the library's message
// (the status, INVALID_ARGUMENT, does not reach the host's Error).
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "fake_plugin_services.hpp"
#include "plugins/plugin_instance.hpp"
#include "plugins/plugin_loader.hpp"
#include "temp_dir.hpp"
#include "validated_plugin_config.hpp"
#include "xml_checks.hpp"

namespace caisse::host::plugins {
namespace {

namespace sepa_testing = caisse::adapters::sepa::testing;

caisse::testing::PluginConfig operator_config() {
  return {{"creditor_name", std::string("Caisse alimentaire commune de Nantes Ouest")},
          {"creditor_iban", std::string("FR76 3000 6000 0112 3456 7890 189")},
          {"creditor_bic", std::string("AGRIFRPP882")},
          {"creditor_id", std::string("FR72ZZZ123456")}};
}

class SepaPlugin : public ::testing::Test {
 protected:
  Result<std::unique_ptr<PluginInstance>> try_instance(caisse::testing::PluginConfig config) {
    auto loaded = load_plugin({"sepa", {CAISSE_PLUGIN_DIR}, std::nullopt});
    if (!loaded) return loaded.error();
    auto resolved = caisse::testing::validated_plugin_config((*loaded)->descriptor(), "bank",
                                                             config, dir_.path());
    if (!resolved) return resolved.error();
    return PluginInstance::create(*loaded, "nantes-ouest", "bank", std::move(*resolved), services_);
  }

  std::unique_ptr<PluginInstance> instance(
      caisse::testing::PluginConfig config = operator_config()) {
    auto created = try_instance(std::move(config));
    if (!created) throw std::runtime_error(created.error().message);
    return std::move(created.value());
  }

  std::string refusal(const std::string& key, const std::string& value) {
    auto config = operator_config();
    config[key] = value;
    auto created = try_instance(config);
    if (created) return "accepted";
    return created.error().message;
  }

  FakePluginServices services_;
  caisse::testing::TempDir dir_;
};

DebitBatch month_of(std::size_t count) {
  DebitBatch batch;
  batch.message_id = "CAISSE-2026-11";
  batch.created_at = "2026-11-24T10:00:00";
  batch.collection_date = "2026-12-05";
  for (std::size_t i = 0; i < count; ++i) {
    Debit debit;
    debit.end_to_end_id = "2026-11-H" + std::to_string(1000 + i);
    debit.mandate_id = "RUM-" + std::to_string(1000 + i);
    debit.mandate_signed_on = "2025-01-15";
    debit.sequence = i % 4 == 0 ? SequenceType::first : SequenceType::recurring;
    debit.debtor_name = "Hélène Dubœuf";
    debit.debtor_iban = "DE89370400440532013000";
    debit.amount = {1000 + static_cast<std::int64_t>(i), "EUR"};
    debit.remittance = "Contribution décembre";
    batch.debits.push_back(debit);
  }
  return batch;
}

TEST_F(SepaPlugin, CollectsAndPaysOut) {
  auto bank = instance();
  EXPECT_EQ(bank->plugin().descriptor().roles,
            static_cast<std::uint32_t>(CAISSE_ROLE_COLLECTOR | CAISSE_ROLE_PAYOUT));
  EXPECT_TRUE(bank->writes_debits());
  EXPECT_TRUE(bank->reads_reports());
  EXPECT_TRUE(bank->writes_transfers());
  EXPECT_FALSE(bank->verifies_webhooks());
}

TEST_F(SepaPlugin, EachSettingIsRefusedWithItsKey) {
  EXPECT_NE(refusal("creditor_iban", "FR76 3000 6000 0112 3456 7890 188")
                .find("creditor_iban: wrong check digits"),
            std::string::npos);
  EXPECT_NE(refusal("creditor_bic", "AGRI").find("creditor_bic: 4 characters"), std::string::npos);
  EXPECT_NE(refusal("creditor_id", "FR73ZZZ123456").find("creditor_id: wrong check digits"),
            std::string::npos);
  EXPECT_NE(refusal("pain008_version", "pain.008.001.09")
                .find("pain008_version: \"pain.008.001.09\" is not"),
            std::string::npos);
  EXPECT_NE(refusal("pain001_version", "pain.001.001.10").find("pain001_version"),
            std::string::npos);
  EXPECT_NE(refusal("local_instrument", "COR1").find("local_instrument: \"COR1\""),
            std::string::npos);
  EXPECT_NE(refusal("creditor_name", "___").find("creditor_name: empty"), std::string::npos);
}

TEST_F(SepaPlugin, WritesAValidPain008ThroughTheHook) {
  auto config = operator_config();
  config["pain008_version"] = std::string("pain.008.001.08");
  auto bank = instance(config);
  const auto xml = bank->write_debits(month_of(20));
  ASSERT_TRUE(xml) << xml.error().message;
  const sepa_testing::XPathDoc doc(*xml);
  EXPECT_EQ(doc.text("//p:GrpHdr/p:NbOfTxs"), "20");
  // 20 debits of 10.00 + 0.00 ... 10.19: 200.00 + 1.90.
  EXPECT_EQ(doc.text("//p:GrpHdr/p:CtrlSum"), "201.90");
  EXPECT_EQ(doc.text("//p:PmtInf[p:PmtTpInf/p:SeqTp='FRST']/p:NbOfTxs"), "5");
  EXPECT_EQ(doc.text("(//p:Dbtr/p:Nm)[1]"), "Helene Duboeuf");
  if (const auto reference = sepa_testing::reference_dir()) {
    EXPECT_EQ(sepa_testing::xsd_errors(*reference / "xsd" / "pain.008.001.08.xsd", *xml),
              std::vector<std::string>{});
  }
}

TEST_F(SepaPlugin, RefusesABadDebitNamingIt) {
  auto bank = instance();
  auto batch = month_of(3);
  batch.debits[2].amount = {500, "USD"};
  const auto xml = bank->write_debits(batch);
  ASSERT_FALSE(xml);
  // The host's Error does not carry the status; the message is the library's, whole.
  EXPECT_FALSE(bank->last_call_denied());
  EXPECT_FALSE(bank->last_call_unsupported());
  EXPECT_NE(xml.error().message.find(
                "debits[2] (EndToEndId \"2026-11-H1002\"): amount: currency \"USD\""),
            std::string::npos)
      << xml.error().message;
}

TEST_F(SepaPlugin, WritesAValidPain001ThroughTheHook) {
  auto bank = instance();
  TransferBatch batch;
  batch.message_id = "PAYOUT-2026-11";
  batch.created_at = "2026-11-30T09:00:00";
  batch.execution_date = "2026-12-01";
  Transfer transfer;
  transfer.end_to_end_id = "PAY-M1";
  transfer.creditor_name = "Épicerie La Fève";
  transfer.creditor_iban = "FR1420041010050500013M02606";
  transfer.amount = {123456, "EUR"};
  transfer.remittance = "Reconversion novembre";
  batch.transfers.push_back(transfer);
  const auto xml = bank->write_transfers(batch);
  ASSERT_TRUE(xml) << xml.error().message;
  const sepa_testing::XPathDoc doc(*xml);
  EXPECT_EQ(doc.text("//p:CdtTrfTxInf/p:Amt/p:InstdAmt"), "1234.56");
  EXPECT_EQ(doc.text("//p:CdtTrfTxInf/p:Cdtr/p:Nm"), "Epicerie La Feve");
  if (const auto reference = sepa_testing::reference_dir()) {
    EXPECT_EQ(sepa_testing::xsd_errors(*reference / "xsd" / "pain.001.001.03.xsd", *xml),
              std::vector<std::string>{});
  }
}

TEST_F(SepaPlugin, ReadsAStatusReportIntoEvents) {
  auto bank = instance();
  const std::string content =
      sepa_testing::read_file(std::filesystem::path(SEPA_TEST_DATA_DIR) / "pain002_rejects.xml");
  const auto events = bank->read_report("pain002_rejects.xml", content);
  ASSERT_TRUE(events) << events.error().message;
  ASSERT_EQ(events->size(), 4u);
  EXPECT_EQ((*events)[0].event_id, "R-20261208-77/2026-11-H100003");
  EXPECT_EQ((*events)[0].state, PaymentState::failed);
  EXPECT_EQ((*events)[0].reason_code, "AC04");
  EXPECT_EQ((*events)[0].amount.minor, 4567);
  EXPECT_EQ((*events)[0].location, "pain002_rejects.xml: OrgnlPmtInfAndSts[1]/TxInfAndSts[1]");
}

TEST_F(SepaPlugin, RefusesAMalformedReportSayingWhere) {
  auto bank = instance();
  const auto events = bank->read_report("bank.xml", "<Document><CstmrPmtStsRpt>");
  ASSERT_FALSE(events);
  EXPECT_NE(events.error().message.find("bank.xml:1: malformed XML"), std::string::npos)
      << events.error().message;
}

}  // namespace
}  // namespace caisse::host::plugins
