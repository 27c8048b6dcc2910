// The ABI 1.4 calls of PluginInstance, against payment_echo.so (a plugin written with the C++
// wrapper): what crosses the boundary both ways, and what the host refuses.
#include <gtest/gtest.h>

#include "fake_plugin_services.hpp"
#include "plugins/plugin_instance.hpp"
#include "plugins/plugin_loader.hpp"

namespace caisse::host::plugins {
namespace {

class PaymentEchoInstance : public ::testing::Test {
 protected:
  void SetUp() override {
    auto loaded = load_plugin({"payment_echo", {CAISSE_TEST_PLUGIN_DIR}, std::nullopt});
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    auto created = PluginInstance::create(*loaded, "demo", "bank", {}, services_);
    ASSERT_TRUE(created.ok()) << created.error().message;
    instance_ = std::move(created.value());
  }

  FakePluginServices services_;
  std::unique_ptr<PluginInstance> instance_;
};

TEST_F(PaymentEchoInstance, DeclaresTheThreeMoneyRoles) {
  EXPECT_EQ(instance_->plugin().descriptor().roles,
            static_cast<std::uint32_t>(CAISSE_ROLE_COLLECTOR | CAISSE_ROLE_STATEMENT |
                                       CAISSE_ROLE_PAYOUT));
  EXPECT_TRUE(instance_->parses_statements());
  EXPECT_TRUE(instance_->verifies_webhooks());
  EXPECT_TRUE(instance_->writes_debits());
  EXPECT_TRUE(instance_->reads_reports());
  EXPECT_TRUE(instance_->writes_transfers());
}

TEST_F(PaymentEchoInstance, HandsEachStatementLineToTheHandlerInOrder) {
  std::vector<StatementEntry> entries;
  auto parsed = instance_->parse_statement(
      "releve.csv", "2026-11-03;2500;E2E-1\n2026-11-04;-1200;E2E-2", [&](StatementEntry&& e) {
        entries.push_back(std::move(e));
        return Result<void>{};
      });
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].location, "releve.csv:1");
  EXPECT_EQ(entries[0].amount.minor, 2500);
  EXPECT_EQ(entries[0].amount.currency, "EUR");
  EXPECT_EQ(entries[1].booking_date, "2026-11-04");
  EXPECT_EQ(entries[1].amount.minor, -1200);
  EXPECT_EQ(entries[1].end_to_end_id, "E2E-2");
}

TEST_F(PaymentEchoInstance, AStatementErrorNamesTheFileAndLine) {
  auto parsed = instance_->parse_statement("releve.csv", "2026-11-03;2500;E2E-1\nbad",
                                           [](StatementEntry&&) { return Result<void>{}; });
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().message,
            "plugin payment_echo (instance demo/bank): parse_statement failed: releve.csv:2: not "
            "a statement line");
}

TEST_F(PaymentEchoInstance, TheHostRefusesAZeroAmountLine) {
  auto parsed = instance_->parse_statement("releve.csv", "2026-11-03;0;E2E-1",
                                           [](StatementEntry&&) { return Result<void>{}; });
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.error().message.find(
                "statement line releve.csv:1 needs a booking date, a currency and a non-zero "
                "amount"),
            std::string::npos)
      << parsed.error().message;
}

TEST_F(PaymentEchoInstance, TheHandlerCanStopTheReading) {
  int seen = 0;
  auto parsed = instance_->parse_statement(
      "releve.csv", "2026-11-03;1;A\n2026-11-03;2;B\n2026-11-03;3;C", [&](StatementEntry&& e) {
        ++seen;
        if (e.end_to_end_id == "B") return Result<void>(make_error("duplicate line B"));
        return Result<void>{};
      });
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(seen, 2);
  EXPECT_NE(parsed.error().message.find("duplicate line B"), std::string::npos);
}

TEST_F(PaymentEchoInstance, AnAuthenticWebhookGivesItsEventId) {
  Webhook hook{{{"X-Sig", "good"}, {"X-Id", "evt_1"}}, "e;p;2;100", 1'700'000'000'000};
  auto id = instance_->verify_webhook(hook);
  ASSERT_TRUE(id.ok()) << id.error().message;
  EXPECT_EQ(*id, "evt_1");
}

TEST_F(PaymentEchoInstance, AForgedWebhookIsDeniedAndSaysSo) {
  Webhook hook{{{"X-Sig", "forged"}, {"X-Id", "evt_1"}}, "", 0};
  auto id = instance_->verify_webhook(hook);
  ASSERT_FALSE(id.ok());
  EXPECT_TRUE(instance_->last_call_denied());
  EXPECT_NE(id.error().message.find("signature does not match"), std::string::npos);
}

TEST_F(PaymentEchoInstance, AWebhookWithoutEventIdIsRefused) {
  Webhook hook{{{"X-Sig", "good"}}, "", 0};
  auto id = instance_->verify_webhook(hook);
  ASSERT_FALSE(id.ok());
  EXPECT_FALSE(instance_->last_call_denied());
  EXPECT_NE(id.error().message.find("the plugin gave no event id"), std::string::npos);
}

TEST_F(PaymentEchoInstance, ReadsTheEventsOfAWebhookAndOfAReport) {
  auto from_hook = instance_->read_webhook({{}, "evt_9;pi_9;4;1500", 0});
  ASSERT_TRUE(from_hook.ok()) << from_hook.error().message;
  ASSERT_EQ(from_hook->size(), 1u);
  EXPECT_EQ((*from_hook)[0].state, PaymentState::refunded);
  EXPECT_EQ((*from_hook)[0].amount.minor, 1500);

  auto from_report = instance_->read_report("pain002.xml", "r/1;E2E-1;3;2500\nr/2;E2E-2;2;900");
  ASSERT_TRUE(from_report.ok()) << from_report.error().message;
  ASSERT_EQ(from_report->size(), 2u);
  EXPECT_EQ((*from_report)[0].state, PaymentState::failed);
  EXPECT_EQ((*from_report)[0].location, "pain002.xml:1");
  EXPECT_EQ((*from_report)[1].payment_ref, "E2E-2");
  EXPECT_EQ((*from_report)[1].state, PaymentState::paid);
}

TEST_F(PaymentEchoInstance, AnEventWithAnUnknownStateFailsTheWholeReport) {
  auto events = instance_->read_report("pain002.xml", "r/1;E2E-1;2;2500\nr/2;E2E-2;9;900");
  ASSERT_FALSE(events.ok());
  EXPECT_NE(events.error().message.find(
                "payment event \"r/2\" at pain002.xml:2: state 9 is not a caisse_payment_state_t"),
            std::string::npos)
      << events.error().message;
}

TEST_F(PaymentEchoInstance, WritesADebitFileFromEveryField) {
  DebitBatch batch{"MSG-1", "2026-11-24T10:00:00", "2026-12-05", {}};
  Debit first;
  first.end_to_end_id = "E2E-1";
  first.mandate_id = "RUM-1";
  first.sequence = SequenceType::first;
  first.amount = {2500, "EUR"};
  Debit second = first;
  second.end_to_end_id = "E2E-2";
  second.sequence = SequenceType::recurring;
  second.amended_debtor_iban = "FR7630006000011234567890189";
  batch.debits = {first, second};
  auto file = instance_->write_debits(batch);
  ASSERT_TRUE(file.ok()) << file.error().message;
  EXPECT_EQ(*file,
            "MSG-1;2026-12-05\n"
            "E2E-1;RUM-1;1;2500;\n"
            "E2E-2;RUM-1;2;2500;FR7630006000011234567890189\n");
}

TEST_F(PaymentEchoInstance, WritesATransferFile) {
  TransferBatch batch{"PAY-1", "2026-11-24T10:00:00", "2026-11-30", {}};
  Transfer transfer;
  transfer.end_to_end_id = "R-1";
  transfer.creditor_iban = "FR1420041010050500013M02606";
  transfer.amount = {123456, "EUR"};
  batch.transfers = {transfer};
  auto file = instance_->write_transfers(batch);
  ASSERT_TRUE(file.ok()) << file.error().message;
  EXPECT_EQ(*file, "PAY-1;2026-11-30\nR-1;FR1420041010050500013M02606;123456\n");
}

TEST(MoneyRoles, ARulePluginAnswersUnsupported) {
  FakePluginServices services;
  auto loaded = load_plugin({"valid_c_rule", {CAISSE_TEST_PLUGIN_DIR}, std::nullopt});
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  config::ResolvedPluginConfig config;
  config.values["amount"] = {std::int64_t{100}, false};
  auto created = PluginInstance::create(*loaded, "demo", "rule", std::move(config), services);
  ASSERT_TRUE(created.ok()) << created.error().message;
  auto parsed =
      (*created)->parse_statement("x", "", [](StatementEntry&&) { return Result<void>{}; });
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().message,
            "plugin valid_c_rule (instance demo/rule): parse_statement failed: UNSUPPORTED, the "
            "plugin does not implement a statement role");
  EXPECT_FALSE((*created)->verifies_webhooks());
  EXPECT_FALSE((*created)->writes_transfers());
}

}  // namespace
}  // namespace caisse::host::plugins
