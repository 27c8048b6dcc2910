// The reader on small files written here: byte-order marks, separators, debit and credit
// columns, preambles, the rows a profile skips, and each kind of bad line with its exact
// message "file:line: column X: why" (lines counted by hand, preamble included).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "csv_profile.hpp"
#include "statement_reader.hpp"

namespace caisse::adapters::bankcsv {
namespace {

using caisse::sdk::StatementEntry;

const std::string kSigned =
    "[file]\nencoding = \"utf-8\"\n[dates]\nformats = [\"dd/mm/yyyy\"]\n"
    "[amounts]\ndecimal_separator = \",\"\nthousands_separator = \" \"\n"
    "[columns]\nbooking_date = \"Date\"\nlabel = \"Libellé\"\namount = \"Montant\"\n";

const std::string kSplit =
    "[file]\nencoding = \"cp1252\"\nskip_lines = 2\n[dates]\nformats = [\"dd/mm/yyyy\"]\n"
    "[amounts]\ndecimal_separator = \",\"\nthousands_separator = \".\"\n"
    "[columns]\nbooking_date = \"Date\"\nlabel = \"Libellé\"\ndebit = \"Débit\"\n"
    "credit = \"Crédit\"\n";

std::vector<StatementEntry> read(const std::string& profile, const std::string& csv) {
  std::vector<StatementEntry> out;
  read_statement(load_profile_text(profile, "p.toml"), "t.csv", csv,
                 [&](const StatementEntry& e) { out.push_back(e); });
  return out;
}

std::string error_of(const std::string& profile, const std::string& csv) {
  try {
    read(profile, csv);
  } catch (const caisse::sdk::StatusError& e) {
    EXPECT_EQ(e.status(), CAISSE_STATUS_INVALID_ARGUMENT);
    return e.what();
  }
  return "no error";
}

TEST(Reader, Utf8WithAndWithoutByteOrderMarkReadTheSame) {
  const std::string csv = "Date;Libellé;Montant\n01/11/2026;Café;1 234,56\n";
  const auto plain = read(kSigned, csv);
  const auto marked = read(kSigned, "\xEF\xBB\xBF" + csv);
  ASSERT_EQ(plain.size(), 1u);
  ASSERT_EQ(marked.size(), 1u);
  for (const auto* lines : {&plain, &marked}) {
    EXPECT_EQ((*lines)[0].location, "t.csv:2");
    EXPECT_EQ((*lines)[0].amount_minor, 123456);
    EXPECT_EQ((*lines)[0].remittance, "Caf\xC3\xA9");
  }
}

TEST(Reader, ByteOrderMarkInASingleByteProfileIsRefused) {
  EXPECT_EQ(error_of(kSplit, "\xEF\xBB\xBFx\n"),
            "t.csv:1: the file starts with a UTF-8 byte-order mark, but the profile says "
            "file.encoding = \"cp1252\"");
}

TEST(Reader, DebitAndCreditColumnsAfterAPreamble) {
  // cp1252: é is 0xE9. Debits written positive or negative both go out.
  const std::string csv =
      "Compte 0123;\r\nSolde 1.234,56;\r\n"
      "Date;Libell\xE9;D\xE9"
      "bit;Cr\xE9"
      "dit\r\n"
      "01/11/2026;\"VIR \"\"FONDATION\"\"; NOV\";;1.800,00\r\n"
      "02/11/2026;PRLV;12,50;\r\n"
      "03/11/2026;PRLV BIS;-7,25;0,00\r\n"
      "04/11/2026;NUL;0,00;\r\n";
  const auto lines = read(kSplit, csv);
  ASSERT_EQ(lines.size(), 3u);  // the line of amount zero moved no money
  EXPECT_EQ(lines[0].location, "t.csv:4");
  EXPECT_EQ(lines[0].amount_minor, 180000);
  EXPECT_EQ(lines[0].remittance, "VIR \"FONDATION\"; NOV");
  EXPECT_EQ(lines[1].amount_minor, -1250);
  EXPECT_EQ(lines[2].amount_minor, -725);
  EXPECT_EQ(lines[2].location, "t.csv:6");
}

TEST(Reader, ACreditWrittenNegativeOrBothSidesFilledIsAnError) {
  const std::string header =
      "a\r\nb\r\nDate;Libell\xE9;D\xE9"
      "bit;Cr\xE9"
      "dit\r\n";
  EXPECT_EQ(error_of(kSplit, header + "01/11/2026;X;;-3,00\r\n"),
            "t.csv:4: column Cr\xC3\xA9"
            "dit: a credit written negative; is the profile's credit "
            "column the debit?");
  EXPECT_EQ(error_of(kSplit, header + "01/11/2026;X;1,00;3,00\r\n"),
            "t.csv:4: both D\xC3\xA9"
            "bit and Cr\xC3\xA9"
            "dit hold an amount");
  EXPECT_EQ(error_of(kSplit, header + "01/11/2026;X;;\r\n"),
            "t.csv:4: no amount: D\xC3\xA9"
            "bit and Cr\xC3\xA9"
            "dit are empty");
}

TEST(Reader, BadAmountNamesLineAndColumn) {
  EXPECT_EQ(error_of(kSigned, "Date;Libellé;Montant\n01/11/2026;A;12,5x\n"),
            "t.csv:2: column Montant: \"12,5x\" is not an amount");
  EXPECT_EQ(error_of(kSigned, "Date;Libellé;Montant\n01/11/2026;A;1 23,00\n"),
            "t.csv:2: column Montant: \"1 23,00\": digits are grouped by three with \" \"");
  EXPECT_EQ(error_of(kSigned, "Date;Libellé;Montant\n01/11/2026;A;\n"),
            "t.csv:2: column Montant: empty, an amount is required");
}

TEST(Reader, BadDateNamesLineAndColumn) {
  EXPECT_EQ(error_of(kSigned, "Date;Libellé;Montant\n01/11/2026;A;1\n31/11/2026;B;2\n"),
            "t.csv:3: column Date: \"31/11/2026\" is not a date written dd/mm/yyyy");
}

TEST(Reader, MissingColumnListsTheHeader) {
  EXPECT_EQ(error_of(kSigned, "Date;Libelle;Montant\n01/11/2026;A;1\n"),
            "t.csv:1: no column \"Libellé\" (columns.label) in the header, which has \"Date\", "
            "\"Libelle\", \"Montant\"");
}

TEST(Reader, WrongNumberOfFieldsSuggestsTheDelimiter) {
  EXPECT_EQ(error_of(kSigned, "Date;Libellé;Montant\n01/11/2026;A;1\n02/11/2026,B,2\n"),
            "t.csv:3: 1 field where the header has 3 (is file.delimiter \";\" right?)");
}

TEST(Reader, LinesCountThePreambleAndMultiLineLabels) {
  const std::string csv =
      "x\r\ny\r\nDate;Libell\xE9;D\xE9"
      "bit;Cr\xE9"
      "dit\r\n"
      "01/11/2026;\"ONE\r\nTWO\";1,00;\r\n"
      "32/11/2026;Z;1,00;\r\n";
  EXPECT_EQ(error_of(kSplit, csv),
            "t.csv:6: column Date: \"32/11/2026\" is not a date written "
            "dd/mm/yyyy");
}

TEST(Reader, BytesOutsideTheEncodingAreRefused) {
  EXPECT_EQ(error_of(kSigned, "Date;Libellé;Montant\n01/11/2026;Caf\xE9;1\n"),
            "t.csv:2: column Libellé: byte 0xE9 is not UTF-8 (is the file cp1252 or "
            "iso-8859-15? set file.encoding)");
  EXPECT_EQ(error_of(kSplit,
                     "a\nb\nDate;Libell\xE9;D\xE9"
                     "bit;Cr\xE9"
                     "dit\n01/11/2026;\x81;1;\n"),
            "t.csv:4: column Libell\xC3\xA9: byte 0x81 is not a cp1252 character (set "
            "file.encoding to the file's encoding)");
}

TEST(Reader, UnclosedQuoteIsAnError) {
  EXPECT_EQ(error_of(kSigned, "Date;Libellé;Montant\n01/11/2026;\"A;1\n"),
            "t.csv:2: a quoted field is never closed");
  EXPECT_EQ(error_of(kSigned, "Date;Libellé;Montant\n01/11/2026;\"A\"B;1\n"),
            "t.csv:2: text after the closing quote of a field (a quote inside a quoted field is "
            "written twice)");
}

TEST(Reader, RowsTheProfileSkipsAndEmptyLinesOtherwise) {
  const std::string csv =
      "Date;Libellé;Montant\n01/11/2026;A;1\n;;\nSolde au 30/11;;9\n"
      "02/11/2026;B;2\nTotal;;3\n03/11/2026;C;4\n";
  EXPECT_EQ(error_of(kSigned, csv),
            "t.csv:3: an empty line (set rows.skip_empty = true if the bank writes them)");
  const std::string rows = kSigned +
                           "[rows]\nskip_empty = true\nskip_starting_with = [\"Solde\"]\n"
                           "stop_at_starting_with = [\"Total\"]\n";
  const auto lines = read(rows, csv);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].amount_minor, 100);
  EXPECT_EQ(lines[1].location, "t.csv:5");
}

TEST(Reader, HeaderlessFileByColumnNumbers) {
  const std::string profile =
      "[file]\nencoding = \"utf-8\"\ndelimiter = \",\"\nheader = \"none\"\n"
      "[dates]\nformats = [\"yyyy-mm-dd\"]\n[amounts]\ndecimal_separator = \".\"\n"
      "currency = \"EUR\"\n[columns]\nbooking_date = 1\nlabel = 3\namount = 2\n"
      "[references]\nmandate_marker = \"RUM:\"\n";
  const auto lines = read(profile, "2026-11-02,-15.00,PRLV RUM:FR42ZZZ-77 EDF\n");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].booking_date, "2026-11-02");
  EXPECT_EQ(lines[0].amount_minor, -1500);
  EXPECT_EQ(lines[0].mandate_id, "FR42ZZZ-77");
  EXPECT_EQ(error_of(profile, "2026-11-02,-15.00\n"),
            "t.csv:1: 2 fields, but the profile reads column 3");
}

TEST(Reader, FindModeSaysWhenNoLineIsTheHeader) {
  std::string profile = kSigned;
  profile.insert(profile.find("[dates]"), "header = \"find\"\n");
  EXPECT_EQ(error_of(profile, "Compte\nDate;Label;Amount\n"),
            "t.csv:3: no line holds the headers the profile names (\"Date\", \"Libellé\", "
            "\"Montant\"); is this the bank's export?");
}

}  // namespace
}  // namespace caisse::adapters::bankcsv
