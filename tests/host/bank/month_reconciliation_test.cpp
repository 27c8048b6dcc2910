// A month of money coming in, end to end through the real plugins and a real PostgreSQL: the
// direct debits of a month written as pain.008 by the sepa plugin, two of them rejected in a
// pain.002 it reads, then a camt.053 statement (read by the camt plugin) with the batch credit,
// a co-funding transfer, a contribution by transfer, the return of a debit already paid and
// the bank's fees. Every expected figure is worked out by hand in the comments.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "bank/line_queue.hpp"
#include "bank/statement_import.hpp"
#include "collection_fixture.hpp"
#include "fake_plugin_services.hpp"
#include "inbound/payment_events.hpp"
#include "ledger/invariants.hpp"
#include "plugins/plugin_loader.hpp"
#include "temp_dir.hpp"
#include "validated_plugin_config.hpp"

namespace caisse::host::bank {
namespace {

using collection::euros;
using collection::french_iban;
using collection::on;

// The contributions of the month, in cents.
constexpr std::int64_t kH101 = 2500;     // by direct debit: paid
constexpr std::int64_t kH102 = 1200;     // by direct debit: rejected, AC04
constexpr std::int64_t kH103 = 4000;     // by direct debit: rejected, AM04
constexpr std::int64_t kH104 = 850;      // by direct debit: paid, then returned (MD06)
constexpr std::int64_t kH105 = 3000;     // by transfer
constexpr std::int64_t kGrant = 300000;  // the CCAS's co-funding
constexpr std::int64_t kFees = 420;      // the bank's fees: not the caisse's contributions

class MonthReconciliation : public collection::CollectionTest {
 protected:
  void SetUp() override {
    collection::CollectionTest::SetUp();
    households(
        "H-101,1,0,self,2026-01-01,\nH-102,1,0,self,2026-01-01,\nH-103,2,1,ccas,2026-01-01,\n"
        "H-104,1,2,self,2026-01-01,\nH-105,1,0,association,2026-01-01,\n");
    contributions("H-101," + euros(kH101) + ",sepa_debit,0,2026-11\nH-102," + euros(kH102) +
                  ",sepa_debit,0,2026-11\nH-103," + euros(kH103) + ",sepa_debit,0,2026-11\nH-104," +
                  euros(kH104) + ",sepa_debit,0,2026-11\nH-105," + euros(kH105) +
                  ",transfer,0,2026-11\n");
    must_import(registry::ImportKind::funders, registry::kFunders);
    mandates("RUM-101,H-101,Alice Martin," + french_iban(101) + ",,2026-10-01\n" +
             "RUM-102,H-102,Bruno Petit," + french_iban(102) + ",,2026-10-01\n" +
             "RUM-103,H-103,Chloé Durand," + french_iban(103) + ",,2026-10-01\n" +
             "RUM-104,H-104,Djamel Moreau," + french_iban(104) + ",,2026-10-01\n");
    sepa_ = instance("sepa", "sepa",
                     {{"creditor_name", std::string("Caisse alimentaire commune de Nantes Ouest")},
                      {"creditor_iban", std::string("FR7630006000011234567890189")},
                      {"creditor_id", std::string("FR72ZZZ123456")}});
    camt_ = instance("camt", "bank", {});
  }

  std::unique_ptr<plugins::PluginInstance> instance(const std::string& plugin,
                                                    const std::string& name,
                                                    const caisse::testing::PluginConfig& config) {
    auto loaded = plugins::load_plugin({plugin, {CAISSE_PLUGIN_DIR}, std::nullopt});
    if (!loaded) throw std::runtime_error(loaded.error().message);
    auto resolved = caisse::testing::validated_plugin_config((*loaded)->descriptor(), name, config,
                                                             dir_.path());
    if (!resolved) throw std::runtime_error(resolved.error().message);
    auto created =
        plugins::PluginInstance::create(*loaded, caisse(), name, std::move(*resolved), services_);
    if (!created) throw std::runtime_error(created.error().message);
    return std::move(created.value());
  }

  std::string end_to_end(const std::string& household) {
    return scalar("SELECT end_to_end_id FROM collection_debits WHERE household_id = '" + household +
                  "'");
  }
  std::string debit_state(const std::string& household) {
    return scalar(
        "SELECT state || coalesce(' ' || reason_code, '') FROM collection_debits"
        " WHERE household_id = '" +
        household + "'");
  }
  std::int64_t bank_balance() {
    return std::stoll(
        scalar("SELECT coalesce(sum(l.amount_minor), 0) FROM ledger_lines l"
               "  JOIN ledger_accounts a ON a.id = l.account_id"
               " WHERE a.caisse_id = 'nantes-ouest' AND a.kind = 'bank' AND a.key = ''"));
  }

  Result<StatementImportReport> import(const std::string& name, const std::string& xml) {
    return import_statement(db(), nantes_, *camt_, name, xml, "test");
  }

  // The pain.002 of the bank: H-102 and H-103 rejected.
  std::string rejects() {
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt>
<GrpHdr><MsgId>BANK-RPT-1</MsgId><CreDtTm>2026-12-03T05:00:00</CreDtTm></GrpHdr>
<OrgnlGrpInfAndSts><OrgnlMsgId>)" +
           message_id_ +
           R"(</OrgnlMsgId><OrgnlMsgNmId>pain.008.001.02</OrgnlMsgNmId><GrpSts>PART</GrpSts></OrgnlGrpInfAndSts>
<OrgnlPmtInfAndSts><OrgnlPmtInfId>)" +
           message_id_ + R"(-FRST</OrgnlPmtInfId><PmtInfSts>PART</PmtInfSts>
<TxInfAndSts><StsId>S1</StsId><OrgnlEndToEndId>)" +
           end_to_end("H-102") +
           R"(</OrgnlEndToEndId><TxSts>RJCT</TxSts><StsRsnInf><Rsn><Cd>AC04</Cd></Rsn></StsRsnInf></TxInfAndSts>
<TxInfAndSts><StsId>S2</StsId><OrgnlEndToEndId>)" +
           end_to_end("H-103") +
           R"(</OrgnlEndToEndId><TxSts>RJCT</TxSts><StsRsnInf><Rsn><Cd>AM04</Cd></Rsn></StsRsnInf></TxInfAndSts>
</OrgnlPmtInfAndSts></CstmrPmtStsRpt></Document>)";
  }

  static std::string entry(const std::string& ref, std::int64_t cents, const char* indicator,
                           const std::string& date, const std::string& details) {
    return "<Ntry><Amt Ccy=\"EUR\">" + euros(cents) + "</Amt><CdtDbtInd>" + indicator +
           "</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>" + date + "</Dt></BookgDt><AcctSvcrRef>" +
           ref + "</AcctSvcrRef><BkTxCd/><NtryDtls><TxDtls>" + details +
           "</TxDtls></NtryDtls></Ntry>";
  }

  static std::string statement(const std::string& message_id, const std::string& entries) {
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
<GrpHdr><MsgId>)" +
           message_id + R"(</MsgId><CreDtTm>2026-12-10T18:00:00</CreDtTm></GrpHdr>
<Stmt><Id>STMT-1</Id><CreDtTm>2026-12-10T18:00:00</CreDtTm>
<Acct><Id><IBAN>FR7630006000011234567890189</IBAN></Id><Ccy>EUR</Ccy></Acct>)" +
           entries + "</Stmt></BkToCstmrStmt></Document>";
  }

  // The month's statement: the run's batch credit for what was not rejected (H-101 + H-104 =
  // 25.00 + 8.50 = 33.50), the CCAS's 3,000.00, H-105's 30.00 by transfer, H-104's 8.50 coming
  // back (MD06: the member asked their bank for a refund) and 4.20 of fees.
  std::string month_statement() {
    return statement(
        "STMT-2026-12",
        entry("R1", kH101 + kH104, "CRDT", "2026-12-05",
              "<RmtInf><Ustrd>REMISE PRLV SEPA " + message_id_ + "</Ustrd></RmtInf>") +
            entry("R2", kGrant, "CRDT", "2026-12-06",
                  "<RltdPties><Dbtr><Nm>CCAS DE NANTES</Nm></Dbtr></RltdPties>"
                  "<RmtInf><Ustrd>Subvention novembre</Ustrd></RmtInf>") +
            entry("R3", kH105, "CRDT", "2026-12-07",
                  "<RmtInf><Ustrd>COTISATION H-105 NOVEMBRE</Ustrd></RmtInf>") +
            entry("R4", kH104, "DBIT", "2026-12-09",
                  "<Refs><EndToEndId>" + end_to_end("H-104") +
                      "</EndToEndId></Refs><RtrInf><Rsn><Cd>MD06</Cd></Rsn></RtrInf>") +
            entry("R5", kFees, "DBIT", "2026-12-10",
                  "<RmtInf><Ustrd>FRAIS TENUE DE COMPTE</Ustrd></RmtInf>"));
  }

  // Drafts, writes and submits the month, then reads the bank's rejects.
  void collect_month() {
    auto drafted = draft(Month{2026, 11}, on(2026, 12, 5), "sepa");
    ASSERT_EQ(drafted.run.batch.debits.size(), 4u);
    message_id_ = drafted.run.batch.message_id;
    auto file = sepa_->write_debits(collection::for_collector(drafted.run.batch));
    ASSERT_TRUE(file.ok()) << file.error().message;
    // 4 debits: 25.00 + 12.00 + 40.00 + 8.50 = 85.50.
    EXPECT_NE(file->find("<NbOfTxs>4</NbOfTxs>"), std::string::npos) << *file;
    EXPECT_NE(file->find("<CtrlSum>85.50</CtrlSum>"), std::string::npos) << *file;
    ASSERT_TRUE(collection::mark_file_written(db(), caisse(), Month{2026, 11}).ok());
    ASSERT_TRUE(collection::mark_submitted(db(), caisse(), Month{2026, 11}).ok());
    auto events = sepa_->read_report("pain002.xml", rejects());
    ASSERT_TRUE(events.ok()) << events.error().message;
    auto recorded = inbound::record_payment_events(db(), nantes_, "sepa", "report", *events);
    ASSERT_TRUE(recorded.ok()) << recorded.error().message;
  }

  caisse::testing::TempDir dir_;
  plugins::FakePluginServices services_;
  std::unique_ptr<plugins::PluginInstance> sepa_;
  std::unique_ptr<plugins::PluginInstance> camt_;
  std::string message_id_;
};

TEST_F(MonthReconciliation, TheRejectsReachTheDebitsAndTheirMandates) {
  collect_month();
  EXPECT_EQ(debit_state("H-101"), "submitted");
  EXPECT_EQ(debit_state("H-102"), "rejected AC04");
  EXPECT_EQ(debit_state("H-103"), "rejected AM04");
  // AC04, account closed: the mandate waits for new bank details; AM04 keeps it active.
  EXPECT_EQ(collection::to_string(mandate("H-102").status), "needs_bank_details");
  EXPECT_EQ(collection::to_string(mandate("H-103").status), "active");
  // A reject books nothing: no money moved.
  EXPECT_EQ(bank_balance(), 0);
}

TEST_F(MonthReconciliation, TheStatementReconcilesAndTheLedgerHolds) {
  collect_month();
  auto report = import("releve-2026-12.xml", month_statement());
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_FALSE(report->already_imported);
  EXPECT_EQ(report->lines, 5u);
  EXPECT_EQ(report->new_lines, 5u);
  EXPECT_EQ(report->matched, 4u);    // the batch, the grant, the transfer, the return
  EXPECT_EQ(report->unmatched, 1u);  // the fees wait for an operator
  EXPECT_EQ(report->money_in_minor, kH101 + kH104 + kGrant + kH105);
  EXPECT_EQ(report->money_out_minor, kH104 + kFees);

  EXPECT_EQ(debit_state("H-101"), "paid") << scalar(
      "SELECT string_agg(location || ' ' || status || ' ' || coalesce(matched_as, ''),"
      " '; ') FROM statement_lines");
  EXPECT_EQ(debit_state("H-104"), "returned MD06");
  // 25.00 + 8.50 (batch) + 3,000.00 + 30.00 - 8.50 (return) = 3,055.00: the fees are not booked
  // until an operator says what they are.
  EXPECT_EQ(bank_balance(), 305500);
  EXPECT_EQ(scalar("SELECT count(*) FROM registry_receipts WHERE caisse_id = 'nantes-ouest'"), "4");
  EXPECT_EQ(scalar("SELECT count(*) FROM registry_receipts WHERE reversal_entry_id IS NOT NULL"),
            "1");
  EXPECT_EQ(scalar("SELECT funder_id FROM registry_receipts WHERE source = 'grant'"),
            "ccas-nantes");

  auto checked = ledger::check_invariants(db(), caisse());
  ASSERT_TRUE(checked.ok()) << checked.error().message;
  EXPECT_TRUE(checked->ok());

  auto queue = statement_lines(db(), caisse(), "unmatched", 10);
  ASSERT_TRUE(queue.ok());
  ASSERT_EQ(queue->size(), 1u);
  EXPECT_EQ((*queue)[0].amount_minor, -kFees);
  EXPECT_EQ((*queue)[0].remittance, "FRAIS TENUE DE COMPTE");
}

TEST_F(MonthReconciliation, ImportingTheSameFilesAgainChangesNothing) {
  collect_month();
  ASSERT_TRUE(import("releve-2026-12.xml", month_statement()).ok());
  const std::string before =
      row_counts() + " " + snapshot() + " " + scalar("SELECT count(*) FROM statement_lines");

  auto again = import("copie-releve.xml", month_statement());
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_TRUE(again->already_imported);
  EXPECT_EQ(again->previous_file_name, "releve-2026-12.xml");

  auto events = sepa_->read_report("pain002.xml", rejects());
  ASSERT_TRUE(events.ok());
  auto recorded = inbound::record_payment_events(db(), nantes_, "sepa", "report", *events);
  ASSERT_TRUE(recorded.ok());
  for (const auto& event : *recorded) EXPECT_FALSE(event.created) << event.event_id;

  EXPECT_EQ(row_counts() + " " + snapshot() + " " + scalar("SELECT count(*) FROM statement_lines"),
            before);
  EXPECT_EQ(bank_balance(), 305500);
}

TEST_F(MonthReconciliation, AnOverlappingStatementAddsOnlyItsNewLines) {
  collect_month();
  ASSERT_TRUE(import("releve-2026-12.xml", month_statement()).ok());
  // Another export that repeats R3 (H-105's transfer) and brings one line of its own.
  auto report =
      import("releve-2026-12-bis.xml",
             statement("STMT-2026-12-BIS",
                       entry("R3", kH105, "CRDT", "2026-12-07",
                             "<RmtInf><Ustrd>COTISATION H-105 NOVEMBRE</Ustrd></RmtInf>") +
                           entry("R6", 1500, "CRDT", "2026-12-11",
                                 "<RmtInf><Ustrd>DON ANONYME</Ustrd></RmtInf>")));
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->lines, 2u);
  EXPECT_EQ(report->new_lines, 1u);
  EXPECT_EQ(report->unmatched, 1u);
  EXPECT_EQ(bank_balance(), 305500);  // H-105 is not booked twice
}

TEST_F(MonthReconciliation, AnOperatorDecidesAQueuedLine) {
  collect_month();
  ASSERT_TRUE(import("releve-2026-12.xml", month_statement()).ok());
  auto queue = statement_lines(db(), caisse(), "unmatched", 10);
  ASSERT_TRUE(queue.ok());
  ASSERT_EQ(queue->size(), 1u);
  const std::int64_t fees = (*queue)[0].id;

  OperatorDecision receipt;
  receipt.household_id = "H-101";
  receipt.actor = "alice";
  auto refused = decide_queued_line(db(), nantes_, fees, receipt);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message,
            "statement line " + std::to_string(fees) +
                " is money out: it cannot be a receipt (ignore it, with a note)");

  OperatorDecision ignore;
  ignore.ignore = true;
  ignore.note = "frais bancaires, comptabilité de l'association";
  ignore.actor = "alice";
  ASSERT_TRUE(decide_queued_line(db(), nantes_, fees, ignore).ok());
  auto twice = decide_queued_line(db(), nantes_, fees, ignore);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().kind, ErrorKind::conflict);
  EXPECT_EQ(scalar("SELECT status || ' ' || matched_by FROM statement_lines WHERE id = " +
                   std::to_string(fees)),
            "ignored operator:alice");
}

// A card payment is booked on the provider's clearing account when the provider confirms it;
// its payout to the bank moves it, once the operator says which line it is.
TEST_F(MonthReconciliation, AProviderPayoutMovesWhatItHeldToTheBank) {
  plugins::PaymentEvent paid;
  paid.event_id = "evt_1";
  paid.payment_ref = "pi_1";
  paid.payer_ref = "H-105";
  paid.state = plugins::PaymentState::paid;
  paid.amount = {2000, "EUR"};
  paid.occurred_at = "2026-12-01T10:00:00Z";
  auto recorded = inbound::record_payment_events(db(), nantes_, "card", "webhook", {paid});
  ASSERT_TRUE(recorded.ok()) << recorded.error().message;
  EXPECT_EQ((*recorded)[0].effect, "contribution booked as receipt psp/card/pi_1");

  auto report =
      import("releve.xml",
             statement("STMT-PAYOUT", entry("P1", 2000, "CRDT", "2026-12-03",
                                            "<RmtInf><Ustrd>STRIPE PAYOUT</Ustrd></RmtInf>")));
  ASSERT_TRUE(report.ok()) << report.error().message;
  ASSERT_EQ(report->unmatched, 1u);
  auto queue = statement_lines(db(), caisse(), "unmatched", 10);
  ASSERT_TRUE(queue.ok());
  const std::int64_t line = (*queue)[0].id;

  OperatorDecision too_much;
  too_much.provider_instance = "helloasso";
  auto refused = decide_queued_line(db(), nantes_, line, too_much);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message,
            "no payment provider \"helloasso\" has booked payments in caisse nantes-ouest");

  OperatorDecision payout;
  payout.provider_instance = "card";
  payout.actor = "alice";
  ASSERT_TRUE(decide_queued_line(db(), nantes_, line, payout).ok());
  EXPECT_EQ(bank_balance(), 2000);
  EXPECT_EQ(scalar("SELECT b.balance_minor FROM ledger_accounts a JOIN ledger_account_balances b"
                   " ON b.account_id = a.id WHERE a.key = 'psp:card'"),
            "0");
  auto checked = ledger::check_invariants(db(), caisse());
  ASSERT_TRUE(checked.ok()) << checked.error().message;
  EXPECT_TRUE(checked->ok());
}

TEST_F(MonthReconciliation, AMalformedStatementLeavesNothingBehind) {
  collect_month();
  const std::string before = row_counts() + " " + snapshot();
  std::string broken = month_statement();
  broken.replace(broken.find("<Amt Ccy=\"EUR\">3000.00</Amt>"),
                 std::string("<Amt Ccy=\"EUR\">3000.00</Amt>").size(),
                 "<Amt Ccy=\"EUR\">3000,00</Amt>");
  auto report = import("releve-casse.xml", broken);
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.error().message.find("releve-casse.xml"), std::string::npos)
      << report.error().message;
  EXPECT_NE(report.error().message.find("Ntry[2]/Amt"), std::string::npos)
      << report.error().message;
  EXPECT_EQ(row_counts() + " " + snapshot(), before);
  EXPECT_EQ(scalar("SELECT count(*) FROM statement_imports"), "0");
}

}  // namespace
}  // namespace caisse::host::bank
