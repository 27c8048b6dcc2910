// pain.002 status reports, written by hand in data/: an accepted one, transaction rejects (AC04,
// AM04, MD01, MS02), a whole-file reject, a block reject, and broken files whose errors must say
// where.
#include <gtest/gtest.h>

#include <vector>

#include "pain002_reader.hpp"
#include "sepa_errors.hpp"
#include "xml_checks.hpp"

namespace caisse::adapters::sepa {
namespace {

std::vector<StatusEvent> read(const std::string& name) {
  const std::string content = testing::read_file(std::filesystem::path(SEPA_TEST_DATA_DIR) / name);
  EXPECT_FALSE(content.empty()) << name;
  std::vector<StatusEvent> events;
  read_pain002(name, content, [&](const StatusEvent& event) { events.push_back(event); });
  return events;
}

std::string error_of(std::string_view name, std::string_view content) {
  std::size_t emitted = 0;
  try {
    read_pain002(name, content, [&](const StatusEvent&) { ++emitted; });
  } catch (const ReportFormatError& e) {
    EXPECT_EQ(emitted, 0u) << "events emitted from a file that is then refused";
    return e.what();
  }
  ADD_FAILURE() << "accepted";
  return "";
}

// What an event must say; compared field by field so that a failure names the field.
struct Expected {
  std::string event_id;
  std::string payment_ref;
  PaymentOutcome state;
  std::string reason_code;
  std::string location;
};

void expect_event(const StatusEvent& event, const Expected& expected) {
  EXPECT_EQ(event.event_id, expected.event_id);
  EXPECT_EQ(event.payment_ref, expected.payment_ref);
  EXPECT_EQ(event.state, expected.state) << expected.payment_ref;
  EXPECT_EQ(event.reason_code, expected.reason_code) << expected.payment_ref;
  EXPECT_EQ(event.location, expected.location);
}

// A report around `blocks`, the lines numbered as written (GrpHdr on line 3).
std::string report(const std::string& group_status, const std::string& blocks) {
  return "<?xml version=\"1.0\"?>\n"
         "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.03\"><CstmrPmtStsRpt>\n"
         "<GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-12-01T00:00:00</CreDtTm></GrpHdr>\n"
         "<OrgnlGrpInfAndSts><OrgnlMsgId>CAISSE-1</OrgnlMsgId>" +
         group_status + "</OrgnlGrpInfAndSts>\n" + blocks + "</CstmrPmtStsRpt></Document>\n";
}

TEST(Pain002Reader, AcceptedReport) {
  const auto events = read("pain002_accepted.xml");
  ASSERT_EQ(events.size(), 3u);

  expect_event(events[0],
               {"BANK-ST-20261206-001/pmtinf:CAISSE-2026-11-FRST", "pmtinf:CAISSE-2026-11-FRST",
                PaymentOutcome::paid, "", "pain002_accepted.xml: OrgnlPmtInfAndSts[1]"});
  EXPECT_EQ(events[0].occurred_at, "2026-12-06T07:30:00+01:00");

  expect_event(events[1],
               {"BANK-ST-20261206-001/2026-11-H100001", "2026-11-H100001", PaymentOutcome::paid, "",
                "pain002_accepted.xml: OrgnlPmtInfAndSts[2]/TxInfAndSts[1]"});
  EXPECT_EQ(events[1].amount_minor, 1234);
  EXPECT_EQ(events[1].currency, "EUR");

  // No TxSts and no PmtInfSts: the group's ACCP (accepted, not settled) applies.
  EXPECT_EQ(events[2].payment_ref, "2026-11-H100002");
  EXPECT_EQ(events[2].state, PaymentOutcome::pending);
  EXPECT_EQ(events[2].amount_minor, 0);
  EXPECT_EQ(events[2].currency, "");
  EXPECT_EQ(events[2].occurred_at, "2026-12-05T06:00:00");
  EXPECT_EQ(events[2].reason_code, "");
}

TEST(Pain002Reader, TransactionRejectsCarryTheirReasons) {
  const auto events = read("pain002_rejects.xml");
  ASSERT_EQ(events.size(), 4u) << "PART at group and block level adds no event of its own";
  const std::vector<std::pair<std::string, std::string>> expected = {{"2026-11-H100003", "AC04"},
                                                                     {"2026-11-H100004", "AM04"},
                                                                     {"2026-11-H100006", "MD01"},
                                                                     {"2026-11-H100005", "MS02"}};
  const std::vector<std::string> locations = {
      "OrgnlPmtInfAndSts[1]/TxInfAndSts[1]", "OrgnlPmtInfAndSts[1]/TxInfAndSts[2]",
      "OrgnlPmtInfAndSts[1]/TxInfAndSts[3]", "OrgnlPmtInfAndSts[2]/TxInfAndSts[1]"};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    expect_event(events[i],
                 {"R-20261208-77/" + expected[i].first, expected[i].first, PaymentOutcome::failed,
                  expected[i].second, "pain002_rejects.xml: " + locations[i]});
    EXPECT_EQ(events[i].occurred_at, "2026-12-08T05:00:00");
  }
  EXPECT_EQ(events[0].amount_minor, 4567);
  EXPECT_EQ(events[3].amount_minor, 1);
}

TEST(Pain002Reader, ReimportGivesTheSameEventIds) {
  const auto first = read("pain002_rejects.xml");
  const auto second = read("pain002_rejects.xml");
  ASSERT_EQ(first.size(), second.size());
  for (std::size_t i = 0; i < first.size(); ++i) EXPECT_EQ(first[i].event_id, second[i].event_id);
}

// A whole message or block rejected without its transactions listed: one event names it.
TEST(Pain002Reader, AggregateRejectsNameTheMessageOrTheBlock) {
  const std::pair<std::string, Expected> cases[] = {
      {"pain002_group_reject.xml",
       {"BANK-REJ-0099/msg:CAISSE-2026-11", "msg:CAISSE-2026-11", PaymentOutcome::failed, "FF01",
        "pain002_group_reject.xml: OrgnlGrpInfAndSts"}},
      {"pain002_block_reject.xml",
       {"BANK-REJ-0100/pmtinf:CAISSE-2026-11-FRST", "pmtinf:CAISSE-2026-11-FRST",
        PaymentOutcome::failed, "DT01", "pain002_block_reject.xml: OrgnlPmtInfAndSts[1]"}},
  };
  for (const auto& [file, expected] : cases) {
    const auto events = read(file);
    ASSERT_EQ(events.size(), 1u) << file;
    expect_event(events[0], expected);
  }
}

TEST(Pain002Reader, GroupRejectAlsoCoversListedTransactions) {
  const std::string xml = report(
      "<GrpSts>RJCT</GrpSts><StsRsnInf><Rsn><Cd>AM05</Cd></Rsn></StsRsnInf>",
      "<OrgnlPmtInfAndSts><OrgnlPmtInfId>B1</OrgnlPmtInfId>"
      "<TxInfAndSts><OrgnlEndToEndId>E1</OrgnlEndToEndId></TxInfAndSts></OrgnlPmtInfAndSts>\n");
  std::vector<StatusEvent> events;
  read_pain002("r.xml", xml, [&](const StatusEvent& event) { events.push_back(event); });
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].payment_ref, "msg:CAISSE-1");
  EXPECT_EQ(events[1].payment_ref, "E1");
  EXPECT_EQ(events[1].state, PaymentOutcome::failed);
  EXPECT_EQ(events[1].reason_code, "AM05") << "inherited from the group";
}

TEST(Pain002Reader, TruncatedFileSaysWhereItBreaks) {
  const std::string content =
      testing::read_file(std::filesystem::path(SEPA_TEST_DATA_DIR) / "pain002_truncated.xml");
  const std::string error = error_of("pain002_truncated.xml", content);
  EXPECT_EQ(error.rfind("pain002_truncated.xml:22: malformed XML: ", 0), 0u) << error;
}

TEST(Pain002Reader, MismatchedTagSaysItsLine) {
  const std::string xml = report("<GrpSts>ACCP</GrpSts>",
                                 "<OrgnlPmtInfAndSts><OrgnlPmtInfId>B1</OrgnlPmtInfId>\n"
                                 "<TxInfAndSts><TxSts>RJCT</TxSts></TxInfAnd>\n"
                                 "</OrgnlPmtInfAndSts>\n");
  const std::string error = error_of("r.xml", xml);
  EXPECT_EQ(error.rfind("r.xml:6: malformed XML: ", 0), 0u) << error;
}

TEST(Pain002Reader, MissingElementsAreNamedWithTheirPath) {
  EXPECT_EQ(error_of("r.xml", report("<GrpSts>ACCP</GrpSts>",
                                     "<OrgnlPmtInfAndSts><OrgnlPmtInfId>B1</OrgnlPmtInfId>\n"
                                     "<TxInfAndSts><TxSts>RJCT</TxSts></TxInfAndSts>\n"
                                     "</OrgnlPmtInfAndSts>\n")),
            "r.xml:6: CstmrPmtStsRpt/OrgnlPmtInfAndSts[1]/TxInfAndSts[1]: lacks the required "
            "element OrgnlEndToEndId");
  const std::string no_message_id =
      "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.03\"><CstmrPmtStsRpt>\n"
      "<GrpHdr><CreDtTm>2026-12-01T00:00:00</CreDtTm></GrpHdr></CstmrPmtStsRpt></Document>";
  EXPECT_EQ(error_of("r.xml", no_message_id),
            "r.xml:2: CstmrPmtStsRpt/GrpHdr: lacks the required element MsgId");
}

TEST(Pain002Reader, UnknownStatusAndBadAmountAreNamed) {
  EXPECT_EQ(error_of("r.xml", report("<GrpSts>OKAY</GrpSts>", "")),
            "r.xml:4: CstmrPmtStsRpt/OrgnlGrpInfAndSts/GrpSts: unknown status \"OKAY\"");
  EXPECT_EQ(error_of("r.xml", report("",
                                     "<OrgnlPmtInfAndSts><OrgnlPmtInfId>B1</OrgnlPmtInfId>\n"
                                     "<TxInfAndSts><OrgnlEndToEndId>E1</OrgnlEndToEndId>"
                                     "<TxSts>RJCT</TxSts><OrgnlTxRef><Amt>\n"
                                     "<InstdAmt Ccy=\"EUR\">12,50</InstdAmt></Amt></OrgnlTxRef>"
                                     "</TxInfAndSts></OrgnlPmtInfAndSts>\n")),
            "r.xml:7: CstmrPmtStsRpt/OrgnlPmtInfAndSts[1]/TxInfAndSts[1]/OrgnlTxRef/Amt/InstdAmt: "
            "\"12,50\" is not an amount with at most 2 decimals");
}

TEST(Pain002Reader, TransactionWithoutAnyStatusIsAnError) {
  EXPECT_EQ(error_of("r.xml", report("<GrpSts>PART</GrpSts>",
                                     "<OrgnlPmtInfAndSts><OrgnlPmtInfId>B1</OrgnlPmtInfId>\n"
                                     "<TxInfAndSts><OrgnlEndToEndId>E1</OrgnlEndToEndId>"
                                     "</TxInfAndSts></OrgnlPmtInfAndSts>\n")),
            "r.xml:6: CstmrPmtStsRpt/OrgnlPmtInfAndSts[1]/TxInfAndSts[1]: has no TxSts and no "
            "enclosing PmtInfSts or GrpSts that settles it");
}

TEST(Pain002Reader, ADuplicatedTransactionIsAnError) {
  const std::string tx =
      "<TxInfAndSts><OrgnlEndToEndId>E1</OrgnlEndToEndId><TxSts>RJCT</TxSts></TxInfAndSts>\n";
  EXPECT_EQ(error_of("r.xml", report("", "<OrgnlPmtInfAndSts><OrgnlPmtInfId>B1</OrgnlPmtInfId>\n" +
                                             tx + tx + "</OrgnlPmtInfAndSts>\n")),
            "r.xml:7: CstmrPmtStsRpt/OrgnlPmtInfAndSts[1]/TxInfAndSts[2]: a second status for E1 "
            "in the same report");
}

TEST(Pain002Reader, OtherMessagesAreRefused) {
  EXPECT_EQ(
      error_of("c.xml", "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"/>"),
      "c.xml:1: Document: not a pain.002 report (expected Document in namespace "
      "urn:iso:std:iso:20022:tech:xsd:pain.002.001.NN, found namespace "
      "\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\")");
}

TEST(Pain002Reader, ExternalEntitiesAreNotExpanded) {
  const std::string xml =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>\n"
      "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.03\"><CstmrPmtStsRpt>"
      "<GrpHdr><MsgId>&x;</MsgId><CreDtTm>2026-12-01T00:00:00</CreDtTm></GrpHdr>"
      "<OrgnlGrpInfAndSts><OrgnlMsgId>C</OrgnlMsgId><GrpSts>RJCT</GrpSts></OrgnlGrpInfAndSts>"
      "</CstmrPmtStsRpt></Document>";
  // Without expansion the MsgId is empty, and says so; expanded, it would hold the file.
  EXPECT_EQ(error_of("x.xml", xml), "x.xml:3: CstmrPmtStsRpt/GrpHdr/MsgId: is empty");
}

}  // namespace
}  // namespace caisse::adapters::sepa
