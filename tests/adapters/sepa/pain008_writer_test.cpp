// pain.008: a 350-debit month written in both versions, valid against the official XSD, with
// every NbOfTxs and CtrlSum equal to what the input adds up to; and every bad debit refused
// with its index, EndToEndId and field, before anything is written.
#include <gtest/gtest.h>

#include <functional>
#include <map>

#include "pain008_writer.hpp"
#include "sample_orders.hpp"
#include "sepa_errors.hpp"
#include "xml_checks.hpp"

namespace caisse::adapters::sepa {
namespace {

using testing::cents;
using testing::XPathDoc;

struct Written {
  std::string xml;
  std::size_t pieces = 0;
};

Written write(const DebitFile& file, Pain008Version version,
              const CaisseAccount& creditor = testing::test_caisse()) {
  Written out;
  write_pain008(creditor, version, file, [&](std::string_view piece) {
    out.xml += piece;
    ++out.pieces;
  });
  return out;
}

// SeqTp by the SDK's numbering (1 FRST ... 4 FNAL), written out here rather than asked of the
// writer.
std::string_view seq_code(Sequence sequence) {
  constexpr std::string_view kCodes[] = {"?", "FRST", "RCUR", "OOFF", "FNAL"};
  return kCodes[static_cast<int>(sequence)];
}

class Pain008Month : public ::testing::TestWithParam<Pain008Version> {};

TEST_P(Pain008Month, ValidAgainstTheOfficialXsd) {
  const auto reference = testing::reference_dir();
  if (!reference) GTEST_SKIP() << "CAISSE_SHARED_DIR/reference is absent: no XSD to check against";
  const auto month = testing::sample_month(350);
  const Written out = write(month.file(), GetParam());
  const auto xsd = *reference / "xsd" / (std::string(version_name(GetParam())) + ".xsd");
  EXPECT_EQ(testing::xsd_errors(xsd, out.xml), std::vector<std::string>{});
  EXPECT_GT(out.pieces, 1u) << "a 350-debit file comes out in pieces, not in one string";
  EXPECT_EQ(out.xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0), 0u) << "no BOM";
}

TEST_P(Pain008Month, CountsAndSumsAtEachLevelMatchTheInput) {
  const auto month = testing::sample_month(350);
  const XPathDoc doc(write(month.file(), GetParam()).xml);

  std::int64_t total = 0;
  std::map<std::string_view, std::pair<std::size_t, std::int64_t>> by_sequence;
  for (const DirectDebit& debit : month.debits) {
    total += debit.amount.minor;
    auto& [count, sum] = by_sequence[seq_code(debit.sequence)];
    ++count;
    sum += debit.amount.minor;
  }
  EXPECT_EQ(doc.text("/p:Document/p:CstmrDrctDbtInitn/p:GrpHdr/p:NbOfTxs"), "350");
  EXPECT_EQ(cents(doc.text("//p:GrpHdr/p:CtrlSum")), total);
  EXPECT_EQ(doc.count("//p:PmtInf"), by_sequence.size());
  for (const auto& [code, expected] : by_sequence) {
    const std::string block = "//p:PmtInf[p:PmtTpInf/p:SeqTp='" + std::string(code) + "']";
    EXPECT_EQ(doc.text(block + "/p:NbOfTxs"), std::to_string(expected.first)) << code;
    EXPECT_EQ(cents(doc.text(block + "/p:CtrlSum")), expected.second) << code;
    // And the block's own lines add up to what it declares.
    std::int64_t lines = 0;
    for (const std::string& amount : doc.texts(block + "/p:DrctDbtTxInf/p:InstdAmt")) {
      lines += cents(amount);
    }
    EXPECT_EQ(lines, expected.second) << code;
    EXPECT_EQ(doc.count(block + "/p:DrctDbtTxInf"), expected.first) << code;
    EXPECT_EQ(doc.text(block + "/p:PmtInfId"), "CAISSE-2026-11-" + std::string(code));
  }
}

TEST_P(Pain008Month, MandatesAmendmentsNamesAndBanks) {
  const auto month = testing::sample_month(350);
  const XPathDoc doc(write(month.file(), GetParam()).xml);
  std::size_t new_reference = 0;
  std::size_t new_account = 0;
  std::size_t without_bic = 0;
  for (const DirectDebit& debit : month.debits) {
    new_reference += !debit.amended_mandate_id.empty();
    new_account += !debit.amended_debtor_iban.empty();
    without_bic += debit.debtor_bic.empty();
  }
  ASSERT_GT(new_reference, 0u);
  ASSERT_GT(new_account, 0u);
  EXPECT_EQ(doc.count("//p:AmdmntInd[.='true']"), new_reference + new_account);
  EXPECT_EQ(doc.count("//p:AmdmntInd[.='false']"), 350 - new_reference - new_account);
  EXPECT_EQ(doc.count("//p:AmdmntInfDtls/p:OrgnlMndtId"), new_reference);
  EXPECT_EQ(doc.count("//p:OrgnlDbtrAcct/p:Id/p:Othr/p:Id[.='SMNDA']"), new_account);
  EXPECT_EQ(doc.text("//p:DrctDbtTxInf[p:PmtId/p:EndToEndId='2026-11-H100011']//p:OrgnlMndtId"),
            "OLD-RUM-11");

  EXPECT_EQ(doc.text("//p:DrctDbtTxInf[p:PmtId/p:EndToEndId='2026-11-H100000']/p:Dbtr/p:Nm"),
            "Francoise Loewy");
  EXPECT_EQ(doc.text("//p:DrctDbtTxInf[p:PmtId/p:EndToEndId='2026-11-H100003']/p:Dbtr/p:Nm"),
            "Zoe O'Hara + fils");
  EXPECT_EQ(doc.text("//p:DrctDbtTxInf[p:PmtId/p:EndToEndId='2026-11-H100042']/p:InstdAmt"),
            "999999999.99");
  EXPECT_EQ(doc.text("//p:DrctDbtTxInf[p:PmtId/p:EndToEndId='2026-11-H100008']/p:InstdAmt"),
            "0.01");

  if (GetParam() == Pain008Version::v02) {
    EXPECT_EQ(doc.count("//p:DbtrAgt/p:FinInstnId/p:Othr/p:Id[.='NOTPROVIDED']"), without_bic);
    EXPECT_EQ(doc.count("//p:DbtrAgt/p:FinInstnId/p:BIC"), 350 - without_bic);
  } else {
    EXPECT_EQ(doc.count("//p:DbtrAgt/p:FinInstnId[not(*)]"), without_bic);
    EXPECT_EQ(doc.count("//p:DbtrAgt/p:FinInstnId/p:BICFI"), 350 - without_bic);
  }
  EXPECT_EQ(doc.text("//p:PmtInf[1]/p:CdtrSchmeId/p:Id/p:PrvtId/p:Othr/p:Id"), "FR72ZZZ123456");
  EXPECT_EQ(doc.count("//p:LclInstrm/p:Cd[.='CORE']"), doc.count("//p:PmtInf"));
}

INSTANTIATE_TEST_SUITE_P(BothVersions, Pain008Month,
                         ::testing::Values(Pain008Version::v02, Pain008Version::v08),
                         [](const auto& info) {
                           return info.param == Pain008Version::v02 ? "v02" : "v08";
                         });

TEST(Pain008Writer, B2bAndNoBatchBookingFromTheAccount) {
  CaisseAccount creditor = testing::test_caisse(false);
  creditor.instrument = LocalInstrument::b2b;
  creditor.batch_booking = false;
  const auto month = testing::sample_month(3);
  const XPathDoc doc(write(month.file(), Pain008Version::v02, creditor).xml);
  EXPECT_EQ(doc.count("//p:LclInstrm/p:Cd[.='B2B']"), doc.count("//p:PmtInf"));
  EXPECT_EQ(doc.count("//p:BtchBookg[.='false']"), doc.count("//p:PmtInf"));
  EXPECT_EQ(doc.count("//p:CdtrAgt/p:FinInstnId/p:Othr/p:Id[.='NOTPROVIDED']"),
            doc.count("//p:PmtInf"));
}

// The message a refused month gets, and proof that nothing was written.
std::string refusal(const testing::DebitMonth& month,
                    const CaisseAccount& creditor = testing::test_caisse(),
                    std::string_view message_id = "CAISSE-2026-11") {
  std::size_t pieces = 0;
  try {
    write_pain008(creditor, Pain008Version::v02, month.file(message_id),
                  [&](std::string_view) { ++pieces; });
  } catch (const InvalidOrder& e) {
    EXPECT_EQ(pieces, 0u) << "bytes were written before the refusal";
    return e.what();
  }
  ADD_FAILURE() << "accepted";
  return "";
}

// One bad field of one debit of a 5-debit month, and the whole message it must get.
struct BadDebit {
  const char* what;
  std::size_t index;
  std::function<void(DirectDebit&, const testing::DebitMonth&)> spoil;
  std::string message;
};

class Pain008Refusals : public ::testing::TestWithParam<BadDebit> {};

TEST_P(Pain008Refusals, NameTheDebitAndTheField) {
  auto month = testing::sample_month(5);
  GetParam().spoil(month.debits[GetParam().index], month);
  EXPECT_EQ(refusal(month), GetParam().message);
}

const std::string kDebit1 = "debits[1] (EndToEndId \"2026-11-H100001\"): ";
const std::string kDebit2 = "debits[2] (EndToEndId \"2026-11-H100002\"): ";

INSTANTIATE_TEST_SUITE_P(
    Pain008Writer, Pain008Refusals,
    ::testing::Values(
        BadDebit{"iban", 3, [](DirectDebit& d, auto&) { d.debtor_iban = "DE89370400440532013001"; },
                 "debits[3] (EndToEndId \"2026-11-H100003\"): debtor_iban: DE89 **** 001: wrong "
                 "check digits (a character is mistyped or missing)"},
        BadDebit{"zero", 1, [](DirectDebit& d, auto&) { d.amount.minor = 0; },
                 kDebit1 + "amount: 0.00 EUR: must be more than zero"},
        BadDebit{"too_much", 1, [](DirectDebit& d, auto&) { d.amount.minor = 100'000'000'000; },
                 kDebit1 + "amount: 1000000000.00 EUR: more than the SEPA maximum 999999999.99"},
        BadDebit{"currency", 1, [](DirectDebit& d, auto&) { d.amount.currency = "CHF"; },
                 kDebit1 + "amount: currency \"CHF\": SEPA payments are in EUR only"},
        BadDebit{"no_mandate", 2, [](DirectDebit& d, auto&) { d.mandate_id = ""; },
                 kDebit2 + "mandate_id: missing"},
        BadDebit{"mandate_space", 2, [](DirectDebit& d, auto&) { d.mandate_id = "RUM 2"; },
                 kDebit2 + "mandate_id: character ' ' is not allowed (letters, digits and / - ? : "
                           "( ) . , ' + only)"},
        BadDebit{"signed_late", 2,
                 [](DirectDebit& d, auto&) { d.mandate_signed_on = "2026-12-06"; },
                 kDebit2 + "mandate_signed_on: after the collection date 2026-12-05"},
        BadDebit{"same_amendment", 2,
                 [](DirectDebit& d, auto&) { d.amended_mandate_id = d.mandate_id; },
                 kDebit2 + "amended_mandate_id: the same as mandate_id: nothing was amended"},
        BadDebit{"twice", 4,
                 [](DirectDebit& d, const testing::DebitMonth& m) {
                   d.end_to_end_id = m.debits[1].end_to_end_id;
                 },
                 "debits[4] (EndToEndId \"2026-11-H100001\"): end_to_end_id: appears twice in "
                 "this file"},
        BadDebit{"no_name", 0, [](DirectDebit& d, auto&) { d.debtor_name = " _ "; },
                 "debits[0] (EndToEndId \"2026-11-H100000\"): debtor_name: empty once written in "
                 "the SEPA character set"},
        BadDebit{"bic", 0, [](DirectDebit& d, auto&) { d.debtor_bic = "BNPAFR"; },
                 "debits[0] (EndToEndId \"2026-11-H100000\"): debtor_bic: 6 characters where a "
                 "BIC has 8 or 11"}),
    [](const auto& info) { return std::string(info.param.what); });

TEST(Pain008Writer, RefusesFileLevelProblems) {
  const auto month = testing::sample_month(2);
  EXPECT_EQ(refusal(month, testing::test_caisse(), std::string(31, 'M')),
            "message_id: 31 characters, at most 30 allowed");
  CaisseAccount no_ics = testing::test_caisse();
  no_ics.creditor_id.clear();
  EXPECT_EQ(refusal(month, no_ics),
            "creditor_id: a direct debit file needs the caisse's creditor identifier");
  EXPECT_EQ(refusal(testing::DebitMonth{}), "debits: a file needs at least one debit");
}

}  // namespace
}  // namespace caisse::adapters::sepa
