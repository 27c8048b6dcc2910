#include "csv/csv_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

namespace caisse::host::csv {
namespace {

using ::testing::HasSubstr;

// Suites are named csv_* so that `ctest -R csv` selects them.
ReadOptions household_options(char separator = ',') {
  ReadOptions options;
  options.separator = separator;
  options.columns = {{"household_id"}, {"adults"}, {"note", false}};
  return options;
}

Result<Table> read(std::string_view bytes, char separator = ',') {
  return read_csv("households.csv", bytes, household_options(separator));
}

std::string error_of(std::string_view bytes, char separator = ',') {
  auto table = read(bytes, separator);
  if (table) return "(no error)";
  EXPECT_EQ(table.error().kind, ErrorKind::invalid);
  return table.error().message;
}

TEST(csv_reader, ReadsColumnsByNameInAnyOrderWithTheirLines) {
  auto table = read("adults,household_id\n2,H-1\r\n1,H-2");
  ASSERT_TRUE(table) << table.error().message;
  ASSERT_EQ(table->records.size(), 2u);
  EXPECT_EQ(table->records[0].text("household_id"), "H-1");
  EXPECT_EQ(table->records[0].text("adults"), "2");
  EXPECT_EQ(table->records[0].line(), 2u);
  EXPECT_EQ(table->records[1].text("household_id"), "H-2");
  EXPECT_EQ(table->records[1].line(), 3u);
  EXPECT_EQ(table->records[1].position(), "households.csv:3");
  EXPECT_FALSE(table->records[0].has("note"));
  EXPECT_EQ(table->records[0].text("note"), "");
}

TEST(csv_reader, AcceptsAByteOrderMarkAndSkipsEmptyLines) {
  auto table = read("\xEF\xBB\xBFhousehold_id,adults\n\nH-1,2\n\r\nH-2,3\n\n");
  ASSERT_TRUE(table) << table.error().message;
  ASSERT_EQ(table->records.size(), 2u);
  EXPECT_EQ(table->records[0].text("household_id"), "H-1");
  EXPECT_EQ(table->records[1].line(), 5u);
}

TEST(csv_reader, QuotedFieldsHoldSeparatorsLineBreaksAndDoubledQuotes) {
  auto table = read("household_id,adults,note\n\"H-1\",2,\"a, b\nsaid \"\"hi\"\"\"\nH-2,1,x\n");
  ASSERT_TRUE(table) << table.error().message;
  ASSERT_EQ(table->records.size(), 2u);
  EXPECT_EQ(table->records[0].text("note"), "a, b\nsaid \"hi\"");
  EXPECT_EQ(table->records[0].text("household_id"), "H-1");
  // The record after a two-line field starts on physical line 4.
  EXPECT_EQ(table->records[1].line(), 4u);
}

TEST(csv_reader, ReadsSemicolonFilesWhenAsked) {
  auto table = read("household_id;adults\nH-1;2\n", ';');
  ASSERT_TRUE(table) << table.error().message;
  EXPECT_EQ(table->records[0].text("adults"), "2");
}

TEST(csv_reader, RefusesUtf16AndUtf32) {
  EXPECT_THAT(error_of(std::string_view("\xFF\xFEh\0", 4)),
              HasSubstr("households.csv: the file is UTF-16"));
  EXPECT_THAT(error_of(std::string_view("\xFF\xFE\0\0h\0\0\0", 8)), HasSubstr("UTF-32"));
}

TEST(csv_reader, RefusesLatin1WithTheLineAndByte) {
  EXPECT_EQ(error_of("household_id,adults\nH-\xE9,2\n"),
            "households.csv:2: byte 0xE9 is not UTF-8; the file is probably Latin-1 or "
            "Windows-1252: save it as UTF-8 (\"CSV UTF-8\")");
}

TEST(csv_reader, RefusesANulByte) {
  EXPECT_THAT(error_of(std::string_view("household_id,adults\nH\0,2\n", 25)),
              HasSubstr("households.csv:2: a NUL byte"));
}

TEST(csv_reader, RefusesAQuoteInsideAnUnquotedField) {
  EXPECT_THAT(error_of("household_id,adults\nH-1,2\nH\"2,3\n"),
              HasSubstr("households.csv:3: column 1: a quote inside an unquoted field"));
}

TEST(csv_reader, RefusesTextAfterAClosingQuote) {
  EXPECT_THAT(error_of("household_id,adults\nH-1,\"2\"x\n"),
              HasSubstr("households.csv:2: column 2: text after the closing quote"));
}

TEST(csv_reader, RefusesAnUnclosedQuoteNamingWhereItOpened) {
  EXPECT_THAT(error_of("household_id,adults\nH-1,2\nH-2,\"3\nH-3,4\n"),
              HasSubstr("households.csv:3: column 2: a quote opened here is never closed"));
}

TEST(csv_reader, RefusesALoneCarriageReturn) {
  EXPECT_THAT(error_of("household_id,adults\rH-1,2\r"),
              HasSubstr("households.csv:1: a carriage return without a line feed"));
}

TEST(csv_reader, RefusesARecordWithMoreOrFewerFieldsThanTheHeader) {
  const std::string message = error_of("household_id,adults\nH-1,2,3\nH-2\nH-3,1\n");
  EXPECT_THAT(message, HasSubstr("households.csv:2: 3 fields, but the header has 2"));
  EXPECT_THAT(message, HasSubstr("households.csv:3: 1 fields, but the header has 2"));
  EXPECT_THAT(message, ::testing::Not(HasSubstr(":4:")));
}

TEST(csv_reader, RefusesUnknownDuplicatedAndMissingColumns) {
  EXPECT_THAT(error_of("household_id,adults,colour\n"),
              HasSubstr("households.csv:1: unknown column \"colour\" (expected household_id, "
                        "adults, note (optional))"));
  EXPECT_THAT(error_of("household_id,adults,adults\n"),
              HasSubstr("households.csv:1: column \"adults\" appears twice (columns 2 and 3)"));
  EXPECT_THAT(error_of("household_id,note\n"),
              HasSubstr("households.csv:1: missing column \"adults\""));
  EXPECT_THAT(error_of("household_id,,adults\n"),
              HasSubstr("households.csv:1: column 2 of the header has no name"));
}

TEST(csv_reader, SaysWhenTheSeparatorIsTheOtherOne) {
  EXPECT_THAT(error_of("household_id;adults\nH-1;2\n"),
              HasSubstr("the file seems to separate fields with ';', not ','"));
}

TEST(csv_reader, RefusesAFileWithoutAHeader) {
  EXPECT_THAT(error_of(""), HasSubstr("households.csv:1: expected a header row"));
  EXPECT_THAT(error_of("\xEF\xBB\xBF\n\n"), HasSubstr("households.csv:1: expected a header row"));
}

TEST(csv_reader, ListsEveryStructuralProblemOnePerLine) {
  const std::string message = error_of("household_id,adults\nH\"1,2\nH-2,\"2\"x\nH-3\n");
  EXPECT_EQ(std::count(message.begin(), message.end(), '\n'), 2) << message;
}

TEST(csv_reader, StopsAfterMaxErrors) {
  ReadOptions options = household_options();
  options.max_errors = 2;
  auto table = read_csv("households.csv", "household_id,adults\nA\nB\nC\nD\n", options);
  ASSERT_FALSE(table);
  EXPECT_EQ(std::count(table.error().message.begin(), table.error().message.end(), '\n'), 1);
}

TEST(csv_reader, TypedGettersNameTheLineAndColumn) {
  auto table = read(
      "household_id,adults,note\n"
      "H-1,deux,x\n"
      "H-2, 2,x\n"
      "H-3,99999999999999999999,x\n"
      "H-4,,x\n");
  ASSERT_TRUE(table) << table.error().message;
  EXPECT_EQ(table->records[0].whole_number("adults").error().message,
            "households.csv:2: column adults: \"deux\" is not a whole number");
  EXPECT_EQ(table->records[1].whole_number("adults").error().message,
            "households.csv:3: column adults: \" 2\" is not a whole number");
  EXPECT_EQ(table->records[2].whole_number("adults").error().message,
            "households.csv:4: column adults: \"99999999999999999999\" is too large");
  EXPECT_EQ(table->records[3].whole_number("adults").error().message,
            "households.csv:5: column adults: is empty, expected a whole number");
  EXPECT_EQ(table->records[0].whole_number("adults").error().kind, ErrorKind::invalid);
  auto empty = table->records[3].optional_whole_number("adults");
  ASSERT_TRUE(empty);
  EXPECT_FALSE(empty->has_value());
}

TEST(csv_reader, RequiredTextRefusesEmptyAndSurroundingSpaces) {
  auto table = read("household_id,adults,note\n H-1,1,x\n,1,x\nH-3,1,\n");
  ASSERT_TRUE(table) << table.error().message;
  EXPECT_EQ(table->records[0].required_text("household_id").error().message,
            "households.csv:2: column household_id: \" H-1\" starts or ends with a space");
  EXPECT_EQ(table->records[1].required_text("household_id").error().message,
            "households.csv:3: column household_id: is empty");
  auto note = table->records[2].optional_text("note");
  ASSERT_TRUE(note);
  EXPECT_FALSE(note->has_value());
}

TEST(csv_reader, AmountsDatesAndMonths) {
  ReadOptions options;
  options.columns = {{"amount"}, {"date"}, {"month"}};
  auto table = read_csv("receipts.csv",
                        "amount,date,month\n12.50,2026-11-05,2026-11\n\"12,5\",2026-02-30,2026-13\n"
                        "1.234,05/11/2026,26-11\n",
                        options);
  ASSERT_TRUE(table) << table.error().message;
  const auto& good = table->records[0];
  EXPECT_EQ(*good.amount("amount", 2), 1250);
  EXPECT_EQ(*good.date("date"),
            (Date{std::chrono::year{2026}, std::chrono::month{11}, std::chrono::day{5}}));
  EXPECT_EQ(*good.month("month"), (Month{2026, 11}));
  const auto& mixed = table->records[1];
  EXPECT_EQ(*mixed.amount("amount", 2), 1250);
  EXPECT_EQ(mixed.date("date").error().message,
            "receipts.csv:3: column date: \"2026-02-30\" is not a date YYYY-MM-DD");
  EXPECT_EQ(mixed.month("month").error().message,
            "receipts.csv:3: column month: \"2026-13\" is not a month YYYY-MM");
  const auto& bad = table->records[2];
  EXPECT_EQ(bad.amount("amount", 2).error().message,
            "receipts.csv:4: column amount: \"1.234\" has more than 2 decimals");
  EXPECT_EQ(bad.date("date").error().message,
            "receipts.csv:4: column date: \"05/11/2026\" is not a date YYYY-MM-DD");
  EXPECT_EQ(bad.month("month").error().kind, ErrorKind::invalid);
}

TEST(csv_reader, AGetterForAnUndeclaredColumnIsABug) {
  auto table = read("household_id,adults\nH-1,2\n");
  ASSERT_TRUE(table);
  EXPECT_THROW((void)table->records[0].text("colour"), std::invalid_argument);
}

}  // namespace
}  // namespace caisse::host::csv
