// Reading someone else's CSV file: BOM, quotes, encodings, and every malformed line named by
// file and line.
#include "file_exchange_kit/csv_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "file_exchange_kit/csv_codec.hpp"
#include "file_exchange_kit/file_errors.hpp"
#include "kit_test_support.hpp"

namespace caisse::adapters::file_exchange_kit {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class CsvReaderTest : public ::testing::Test {
 protected:
  // Every row of `text` read as a file.
  std::vector<CsvRow> rows(std::string_view text, CsvDialect dialect = {}) {
    testing::write_file(path(), text);
    CsvReader reader(path(), dialect);
    std::vector<CsvRow> out;
    for (CsvRow row; reader.next(row);) out.push_back(row);
    return out;
  }
  std::string error(std::string_view text, CsvDialect dialect = {}) {
    try {
      rows(text, dialect);
    } catch (const FileFormatError& e) {
      return e.what();
    }
    return "no error";
  }
  std::filesystem::path path() const { return dir_.path() / "export.csv"; }

  caisse::testing::TempDir dir_;
};

TEST_F(CsvReaderTest, ReadsBomQuotesAndLineNumbers) {
  const std::vector<CsvRow> r = rows(
      "\xEF\xBB\xBF Date ;Montant;Libellé\r\n"
      "01/11/2026;12,50;\"Épicerie; vrac\"\r\n"
      "\n"
      "02/11/2026;\"1 234,00\";\"sur\ndeux lignes\"\n"
      "03/11/2026;3;\"dit \"\"bio\"\"\"\n");
  EXPECT_EQ(CsvReader(path(), {}).column("Date", "k"), 0u);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].line, 2);
  EXPECT_THAT(r[0].fields, ElementsAre("01/11/2026", "12,50", "Épicerie; vrac"));
  EXPECT_EQ(r[1].line, 4);
  EXPECT_EQ(r[1].fields[2], "sur\ndeux lignes");
  EXPECT_EQ(r[2].line, 6);  // the quoted line break counts
  EXPECT_EQ(r[2].fields[2], "dit \"bio\"");
}

TEST_F(CsvReaderTest, SkipsTitleLinesAndTrailingEmptyFields) {
  CsvDialect dialect;
  dialect.skip_lines = 2;
  dialect.separator = ',';
  const auto r = rows("Export du 01/12/2026\n\nref,amount\nT-1,5.00,,\n", dialect);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].line, 4);
  EXPECT_THAT(r[0].fields, ElementsAre("T-1", "5.00"));
}

TEST_F(CsvReaderTest, DecodesWindows1252) {
  CsvDialect dialect;
  dialect.encoding = Encoding::windows_1252;
  const auto r = rows(
      "Libell\xE9;Montant\n\x80uros \x9C"
      "uf;1\n",
      dialect);
  EXPECT_EQ(CsvReader(path(), dialect).column("Libellé", "k"), 0u);
  EXPECT_EQ(r[0].fields[0], "€uros œuf");
}

TEST_F(CsvReaderTest, MalformedFilesAreNamedByFileAndLine) {
  EXPECT_EQ(error("a;b\n1;2\n3\n"),
            "export.csv:3: expected 2 fields, found 1 (is the separator \";\"?)");
  EXPECT_EQ(error("a;b\n1;2;3\n"), "export.csv:2: expected 2 fields, found 3");
  EXPECT_EQ(error("a;b\n1;2\n\"3;4\n"), "export.csv:3: a quoted field is not closed");
  EXPECT_THAT(error("a;b\n1;2\nd\xE9j\xE0;3\n"),
              HasSubstr("export.csv:3: byte 0xE9 is not UTF-8; if the file comes from a "
                        "spreadsheet saved as Windows-1252, set encoding = \"windows-1252\""));
  EXPECT_EQ(error(""), "export.csv:1: no header line (the file is empty)");
}

TEST_F(CsvReaderTest, AMissingColumnNamesTheMappingKeyAndWhatTheHeaderHas) {
  testing::write_file(path(), "\nDate;Montant;Date\n1;2;3\n");
  const CsvReader t(path(), {});
  try {
    t.column("Montant TTC", "transactions.columns.amount");
    FAIL();
  } catch (const FileFormatError& e) {
    EXPECT_STREQ(e.what(),
                 "export.csv:2: transactions.columns.amount: no column \"Montant TTC\" in the "
                 "header (found: Date, Montant, Date)");
  }
  EXPECT_THROW(t.column("Date", "transactions.columns.date"), FileFormatError);
}

TEST_F(CsvReaderTest, WrittenRecordsReadBack) {
  const std::vector<std::string> fields{"a,b", "say \"hi\"", "two\nlines", "plain"};
  const std::string text = write_record(fields, ',', "\r\n");
  EXPECT_EQ(text, "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",plain\r\n");
  std::size_t pos = 0;
  std::string error;
  EXPECT_EQ(read_record(text, pos, ',', error), fields);
  EXPECT_EQ(pos, text.size());
}

}  // namespace
}  // namespace caisse::adapters::file_exchange_kit
