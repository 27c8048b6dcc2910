// Hand-made camt documents for what genkgo's samples do not show: a direct-debit return with
// its reason, pending entries, "NOTPROVIDED", a .08 status, amounts with too many decimals, a
// document of another kind, broken XML. Expected values are read off the XML written here.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "camt_reader.hpp"

namespace {

using caisse::sdk::StatementEntry;

// A camt.053.001.02 statement for account FR7630001007941234567890185 holding `entries`.
std::string statement(const std::string& entries,
                      const std::string& ns = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<Document xmlns=\"" +
         ns +
         "\">\n"
         "<BkToCstmrStmt>\n"
         "<GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-11-30T18:00:00+01:00</CreDtTm></GrpHdr>\n"
         "<Stmt><Id>S1</Id><CreDtTm>2026-11-30T18:00:00+01:00</CreDtTm>\n"
         "<Acct><Id><IBAN>FR7630001007941234567890185</IBAN></Id></Acct>\n" +
         entries + "</Stmt>\n</BkToCstmrStmt>\n</Document>\n";
}

std::vector<StatementEntry> read(const std::string& content) {
  std::vector<StatementEntry> out;
  caisse::adapters::camt::read_camt("releve.xml", content,
                                    [&](const StatementEntry& e) { out.push_back(e); });
  return out;
}

std::string error_of(const std::string& content) {
  try {
    read(content);
  } catch (const caisse::sdk::StatusError& e) {
    EXPECT_EQ(e.status(), CAISSE_STATUS_INVALID_ARGUMENT);
    return e.what();
  }
  return "no error";
}

// The 1-based line of the first occurrence of `needle`, counted in the text itself.
int line_of(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

const std::string kReturn =
    "<Ntry><Amt Ccy=\"EUR\">25.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true</RvslInd>"
    "<Sts>BOOK</Sts><BookgDt><DtTm>2026-11-28T23:30:00+01:00</DtTm></BookgDt>"
    "<ValDt><Dt>2026-11-27</Dt></ValDt><AcctSvcrRef>BANK-REF-9</AcctSvcrRef>"
    "<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>IDDT</Cd><SubFmlyCd>UPDD</SubFmlyCd></Fmly></Domn>"
    "</BkTxCd><NtryDtls><TxDtls><Refs><EndToEndId>CCA-2026-11-H00042</EndToEndId>"
    "<MndtId>RUM-0042</MndtId></Refs><RltdPties><Dbtr><Nm>Camille Martin</Nm></Dbtr>"
    "<DbtrAcct><Id><IBAN>FR1420041010050500013M02606</IBAN></Id></DbtrAcct>"
    "<Cdtr><Nm>Caisse commune</Nm></Cdtr></RltdPties>"
    "<RtrInf><Rsn><Cd>AM04</Cd></Rsn></RtrInf></TxDtls></NtryDtls></Ntry>\n";

TEST(CamtDocuments, DirectDebitReturnCarriesItsReasonAndReferences) {
  const auto lines = read(statement(kReturn));
  ASSERT_EQ(lines.size(), 1u);
  const StatementEntry& line = lines[0];
  EXPECT_EQ(line.location, "Stmt[1]/Ntry[1]/NtryDtls/TxDtls[1]");
  EXPECT_EQ(line.account_iban, "FR7630001007941234567890185");
  EXPECT_EQ(line.amount_minor, -2500);
  EXPECT_EQ(line.currency, "EUR");
  EXPECT_EQ(line.booking_date, "2026-11-28");  // the bank's day, not UTC's (2026-11-28T22:30Z)
  EXPECT_EQ(line.value_date, "2026-11-27");
  EXPECT_EQ(line.bank_reference, "BANK-REF-9");
  EXPECT_EQ(line.end_to_end_id, "CCA-2026-11-H00042");
  EXPECT_EQ(line.mandate_id, "RUM-0042");
  EXPECT_EQ(line.return_reason, "AM04");
  // A debit: the counterparty is the creditor, here the caisse's own name; no CdtrAcct.
  EXPECT_EQ(line.counterparty_name, "Caisse commune");
  EXPECT_EQ(line.counterparty_iban, "");
}

TEST(CamtDocuments, PendingAndInformationEntriesAreNotLines) {
  const std::string pending =
      "<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>PDNG</Sts>"
      "<BookgDt><Dt>2026-11-02</Dt></BookgDt></Ntry>\n"
      "<Ntry><Amt Ccy=\"EUR\">2.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>INFO</Sts>"
      "<BookgDt><Dt>2026-11-02</Dt></BookgDt></Ntry>\n";
  const auto lines = read(statement(pending + kReturn));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].location, "Stmt[1]/Ntry[3]/NtryDtls/TxDtls[1]");
}

TEST(CamtDocuments, Version08StatusNotProvidedAndEntryWithoutDetails) {
  const std::string entries =
      "<Ntry><Amt Ccy=\"EUR\">12.5</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>"
      "<BookgDt><Dt>2026-11-03</Dt></BookgDt><NtryDtls><TxDtls><Refs>"
      "<EndToEndId>NOTPROVIDED</EndToEndId></Refs><RltdPties><Dbtr><Pty><Nm>Lou Bernard</Nm>"
      "</Pty></Dbtr><DbtrAcct><Id><IBAN>FR7612548029989876543210917</IBAN></Id></DbtrAcct>"
      "</RltdPties><RmtInf><Ustrd>Cotisation</Ustrd><Ustrd>novembre</Ustrd></RmtInf>"
      "</TxDtls></NtryDtls></Ntry>\n"
      "<Ntry><Amt Ccy=\"EUR\">3.10</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>"
      "<BookgDt><Dt>2026-11-04</Dt></BookgDt><AddtlNtryInf>FRAIS TENUE DE COMPTE</AddtlNtryInf>"
      "</Ntry>\n";
  const auto lines = read(statement(entries, "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].amount_minor, 1250);
  EXPECT_EQ(lines[0].end_to_end_id, "");
  EXPECT_EQ(lines[0].counterparty_name, "Lou Bernard");
  EXPECT_EQ(lines[0].counterparty_iban, "FR7612548029989876543210917");
  EXPECT_EQ(lines[0].remittance, "Cotisation novembre");
  EXPECT_EQ(lines[1].location, "Stmt[1]/Ntry[2]");
  EXPECT_EQ(lines[1].amount_minor, -310);
  EXPECT_EQ(lines[1].remittance, "FRAIS TENUE DE COMPTE");
}

TEST(CamtDocuments, BatchSplitsByTheDetailsOwnAmounts) {
  const std::string batch =
      "<Ntry><Amt Ccy=\"EUR\">60.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>"
      "<BookgDt><Dt>2026-11-05</Dt></BookgDt><NtryDtls><Btch><PmtInfId>PI-1</PmtInfId></Btch>"
      "<TxDtls><Refs><EndToEndId>E1</EndToEndId></Refs><AmtDtls><TxAmt><Amt Ccy=\"EUR\">15.00"
      "</Amt></TxAmt></AmtDtls></TxDtls>"
      "<TxDtls><Refs><EndToEndId>E2</EndToEndId></Refs><AmtDtls><TxAmt><Amt Ccy=\"EUR\">45.00"
      "</Amt></TxAmt></AmtDtls></TxDtls></NtryDtls></Ntry>\n";
  const auto lines = read(statement(batch));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].end_to_end_id, "E1");
  EXPECT_EQ(lines[0].amount_minor, 1500);
  EXPECT_EQ(lines[1].end_to_end_id, "E2");
  EXPECT_EQ(lines[1].amount_minor, 4500);
  EXPECT_EQ(lines[1].location, "Stmt[1]/Ntry[1]/NtryDtls/TxDtls[2]");
}

TEST(CamtDocuments, DecimalsBeyondTheCurrencysAreRefusedUnlessZeros) {
  const std::string padded =
      "<Ntry><Amt Ccy=\"EUR\">8.85000</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>"
      "<BookgDt><Dt>2026-11-05</Dt></BookgDt></Ntry>\n";
  ASSERT_EQ(read(statement(padded)).at(0).amount_minor, 885);

  std::string too_precise = padded;
  too_precise.replace(too_precise.find("8.85000"), 7, "8.85001");
  const std::string document = statement(too_precise);
  EXPECT_EQ(error_of(document), "releve.xml:" + std::to_string(line_of(document, "8.85001")) +
                                    ": Stmt[1]/Ntry[1]/Amt: \"8.85001\" has more decimals than "
                                    "the currency's 2");
}

TEST(CamtDocuments, MissingOrWrongIndicatorIsAnError) {
  const std::string entry =
      "<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CREDIT</CdtDbtInd><Sts>BOOK</Sts></Ntry>\n";
  const std::string document = statement(entry);
  EXPECT_EQ(error_of(document), "releve.xml:" + std::to_string(line_of(document, "<Ntry>")) +
                                    ": Stmt[1]/Ntry[1]/CdtDbtInd: \"CREDIT\" is neither CRDT "
                                    "nor DBIT");
  std::string no_amount = entry;
  no_amount.erase(no_amount.find("<Amt"), no_amount.find("<CdtDbtInd>") - no_amount.find("<Amt"));
  EXPECT_EQ(
      error_of(statement(no_amount)),
      "releve.xml:" + std::to_string(line_of(document, "<Ntry>")) + ": Stmt[1]/Ntry[1]: no Amt");
}

TEST(CamtDocuments, AnotherKindOfDocumentIsRefused) {
  const std::string pain =
      "<?xml version=\"1.0\"?>\n<Document "
      "xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.008.001.02\">\n<CstmrDrctDbtInitn/>\n"
      "</Document>\n";
  EXPECT_EQ(error_of(pain),
            "releve.xml:2: Document: not a camt.053 or camt.054 document (namespace "
            "\"urn:iso:std:iso:20022:tech:xsd:pain.008.001.02\"); this adapter reads "
            "camt.053.001.02 to .08 and camt.054.001.02 to .08");
}

TEST(CamtDocuments, BrokenXmlNamesTheLine) {
  std::string broken = statement(kReturn);
  broken.replace(broken.find("</Stmt>"), 7, "</Stmnt>");
  const std::string message = error_of(broken);
  const std::string where =
      "releve.xml:" + std::to_string(line_of(broken, "</Stmnt>")) + ": not well-formed XML: ";
  EXPECT_EQ(message.substr(0, where.size()), where) << message;
}

// Found by fuzz/ (fuzz_camt): a date was checked only for its dashes, and the CreDtTm that an
// undated entry falls back on not at all, so "2007-101-8" reached the host as a booking date.
TEST(CamtDocuments, DatesThatAreNoCalendarDayAreRefused) {
  const std::string entry =
      "<Ntry><Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>"
      "<BookgDt><Dt>2026-02-30</Dt></BookgDt></Ntry>\n";
  const std::string document = statement(entry);
  EXPECT_EQ(error_of(document), "releve.xml:" + std::to_string(line_of(document, "<Ntry>")) +
                                    ": Stmt[1]/Ntry[1]/BookgDt/Dt: \"2026-02-30\" is not an ISO "
                                    "date (YYYY-MM-DD)");

  std::string undated = entry;
  undated.erase(undated.find("<BookgDt>"), undated.find("</Ntry>") - undated.find("<BookgDt>"));
  ASSERT_EQ(read(statement(undated)).at(0).booking_date, "2026-11-30");  // the Stmt's CreDtTm
  std::string misdated = statement(undated);
  misdated.replace(misdated.rfind("2026-11-30T"), 10, "2026-113-0");
  EXPECT_EQ(error_of(misdated), "releve.xml:" + std::to_string(line_of(misdated, "<Stmt>")) +
                                    ": Stmt[1]/CreDtTm: \"2026-113-0T18:00:00+01:00\" is not an "
                                    "ISO date (YYYY-MM-DD)");
}

}  // namespace
