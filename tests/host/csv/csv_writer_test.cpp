#include "csv/csv_writer.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "csv/csv_reader.hpp"

namespace caisse::host::csv {
namespace {

TEST(csv_writer, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(escape_field("H-1"), "H-1");
  EXPECT_EQ(escape_field("a, b"), "\"a, b\"");
  EXPECT_EQ(escape_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(escape_field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(escape_field(" padded"), "\" padded\"");
  EXPECT_EQ(escape_field("a;b"), "a;b");
  EXPECT_EQ(escape_field("a;b", ';'), "\"a;b\"");
  EXPECT_EQ(escape_field(""), "");
}

TEST(csv_writer, NeutralisesFormulasButNotNumbers) {
  EXPECT_EQ(escape_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
  EXPECT_EQ(escape_field("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(escape_field("+33 6 12"), "'+33 6 12");
  EXPECT_EQ(escape_field("-x"), "'-x");
  EXPECT_EQ(escape_field("-3"), "-3");
  EXPECT_EQ(escape_field("+12.50"), "+12.50");
  EXPECT_EQ(escape_field("12.50"), "12.50");
}

TEST(csv_writer, TheGuardCanBeTakenOffAgain) {
  EXPECT_EQ(without_formula_guard("'=SUM(A1)"), "=SUM(A1)");
  EXPECT_EQ(without_formula_guard("'-x"), "-x");
  EXPECT_EQ(without_formula_guard("'-3"), "'-3");
  EXPECT_EQ(without_formula_guard("'hello"), "'hello");
  EXPECT_EQ(without_formula_guard("="), "=");
}

TEST(csv_writer, WritesAFileTheReaderReadsBack) {
  Writer writer({"id", "note"});
  writer.row({"H-1", "a, \"b\"\nc"});
  writer.row({"H-2", ""});
  EXPECT_EQ(writer.rows(), 2u);
  EXPECT_EQ(writer.text(), "id,note\nH-1,\"a, \"\"b\"\"\nc\"\nH-2,\n");
  ReadOptions options;
  options.columns = {{"id"}, {"note"}};
  auto table = read_csv("out.csv", writer.text(), options);
  ASSERT_TRUE(table) << table.error().message;
  ASSERT_EQ(table->records.size(), 2u);
  EXPECT_EQ(table->records[0].text("note"), "a, \"b\"\nc");
  EXPECT_EQ(table->records[1].text("note"), "");
}

TEST(csv_writer, ARowOfTheWrongWidthIsABug) {
  Writer writer({"a", "b"});
  EXPECT_THROW(writer.row({"1"}), std::invalid_argument);
  EXPECT_THROW(Writer({"a"}, '\t'), std::invalid_argument);
}

}  // namespace
}  // namespace caisse::host::csv
