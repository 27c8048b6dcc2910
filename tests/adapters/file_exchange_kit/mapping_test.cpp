// The column mapping: the default's sections replaced by the operator's, and every rule of the
// strict check reported as FILE:LINE:COLUMN: key: reason.
#include "file_exchange_kit/mapping.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "file_exchange_kit/file_errors.hpp"
#include "kit_test_support.hpp"

namespace caisse::adapters::file_exchange_kit {
namespace {

using ::testing::HasSubstr;
using testing::kBaseMapping;

class MappingTest : public ::testing::Test {
 protected:
  // The error of loading the base mapping with `operator_text` as the operator's file.
  std::string error_with(std::string_view operator_text) {
    testing::write_file(file(), operator_text);
    try {
      load_mapping(kBaseMapping, "base.toml", file());
    } catch (const MappingError& e) {
      return e.what();
    }
    return "no error";
  }
  std::filesystem::path file() const { return dir_.path() / "ops.toml"; }

  caisse::testing::TempDir dir_;
};

TEST_F(MappingTest, TheBaseMappingLoadsWithItsDefaults) {
  const Mapping m = load_mapping(kBaseMapping, "base.toml", std::nullopt);
  EXPECT_EQ(m.credit_file.table.format, FileFormat::csv);
  EXPECT_EQ(m.credit_file.table.separator, ';');
  EXPECT_EQ(m.credit_file.decimal, '.');
  EXPECT_EQ(m.transactions.decimal, ',');
  EXPECT_FALSE(m.merchants.include_all);
  EXPECT_EQ(m.credit_file.columns[2].header, "amount");
  EXPECT_FALSE(m.accounts);
}

TEST_F(MappingTest, AnOperatorSectionReplacesTheDefaultOneWhole) {
  testing::write_file(file(), "[credit_file]\nformat = \"xlsx\"\ncolumns = [\"amount\"]\n");
  const Mapping m = load_mapping(kBaseMapping, "base.toml", file());
  EXPECT_EQ(m.credit_file.table.format, FileFormat::xlsx);
  ASSERT_EQ(m.credit_file.columns.size(), 1u);
  EXPECT_EQ(m.transactions.payer_column, "payer");  // from the default
}

TEST_F(MappingTest, UnknownKeyIsNamedWithFileLineAndColumn) {
  EXPECT_EQ(error_with("[credit_file]\ncolumns = [\"amount\"]\ncolums = [\"amount\"]\n"),
            file().string() + ":3:1: credit_file.colums: unknown key");
}

TEST_F(MappingTest, UnknownSectionIsNamed) {
  EXPECT_EQ(error_with("\n[transaction]\ndate_format = \"%Y\"\n"),
            file().string() + ":2:2: transaction: unknown key");
}

TEST_F(MappingTest, MissingRequiredColumnIsNamed) {
  EXPECT_EQ(error_with("[transactions]\ndate_format = \"%d/%m/%Y\"\n[transactions.columns]\n"
                       "payer = \"p\"\nmerchant = \"m\"\ndate = \"d\"\n"),
            file().string() + ":3:1: transactions.columns.amount: required");
}

TEST_F(MappingTest, ColumnListedTwiceIsRefused) {
  EXPECT_EQ(error_with("[credit_file]\ncolumns = [\"amount\", \"household_id\", \"amount\"]\n"),
            file().string() + ":2:38: credit_file.columns: \"amount\" is listed twice");
}

TEST_F(MappingTest, TwoColumnsWithOneHeaderAreRefused) {
  EXPECT_EQ(error_with("[confirmation]\n[confirmation.columns]\noperation_id = \"Ref\"\n"
                       "status = \"Ref\"\n[confirmation.status_values]\ncredited = [\"OK\"]\n"
                       "rejected = [\"KO\"]\n"),
            file().string() +
                ":4:1: confirmation.columns.status: same header \"Ref\" as "
                "confirmation.columns.operation_id");
  EXPECT_EQ(error_with("[credit_file]\ncolumns = [\"amount\", \"currency\"]\n"
                       "[credit_file.headers]\ncurrency = \"amount\"\n"),
            file().string() +
                ":4:1: credit_file.headers.currency: same header \"amount\" as column amount");
}

TEST_F(MappingTest, WrongTypeIsNamed) {
  EXPECT_EQ(error_with("[credit_file]\nseparator = 1\ncolumns = [\"amount\"]\n"),
            file().string() + ":2:13: credit_file.separator: expected a string, found an integer");
  EXPECT_EQ(
      error_with("[merchants]\ncolumns = \"backend_ref\"\n"),
      file().string() + ":2:11: merchants.columns: expected an array of strings, found a string");
}

TEST_F(MappingTest, UnknownDateFormatDirectiveIsRefused) {
  EXPECT_EQ(error_with("[transactions]\ndate_format = \"%d/%m/%y\"\n[transactions.columns]\n"
                       "payer = \"p\"\nmerchant = \"m\"\namount = \"a\"\ndate = \"d\"\n"),
            file().string() +
                ":2:1: transactions.date_format: \"%d/%m/%y\": unknown directive %y (known: %Y "
                "%m %d %H %M %S %%)");
}

TEST_F(MappingTest, UnknownValuesAreRefusedNamingTheKnownOnes) {
  EXPECT_THAT(error_with("[credit_file]\nformat = \"ods\"\ncolumns = [\"amount\"]\n"),
              HasSubstr("ops.toml:2:10: credit_file.format: \"ods\" is not one of \"csv\", "
                        "\"xlsx\""));
  EXPECT_THAT(error_with("[credit_file]\ncolumns = [\"amount\", \"iban\"]\n"),
              HasSubstr("ops.toml:2:22: credit_file.columns: unknown column \"iban\" (known: "
                        "operation_id, household_id, account, amount"));
  EXPECT_THAT(error_with("timezone = \"Europe/Berlin\"\n"),
              HasSubstr("ops.toml:1:1: timezone: \"Europe/Berlin\" is not one of"));
}

TEST_F(MappingTest, KeysOfTheOtherFormatAreRefused) {
  EXPECT_EQ(error_with("[credit_file]\nsheet = \"Commande\"\ncolumns = [\"amount\"]\n"),
            file().string() + ":2:1: credit_file.sheet: only for format = \"xlsx\"");
  EXPECT_EQ(error_with("[credit_file]\nformat = \"xlsx\"\nbom = true\ncolumns = [\"amount\"]\n"),
            file().string() + ":3:1: credit_file.bom: only for format = \"csv\"");
}

TEST_F(MappingTest, AStatusValueInTwoListsIsRefused) {
  EXPECT_EQ(error_with("[confirmation]\n[confirmation.columns]\noperation_id = \"id\"\n"
                       "status = \"s\"\n[confirmation.status_values]\ncredited = [\"OK\"]\n"
                       "rejected = [\"ok\"]\n"),
            file().string() +
                ":7:13: confirmation.status_values.rejected: \"ok\" is also in "
                "confirmation.status_values.credited");
}

TEST_F(MappingTest, AccountsAreNeededWhenTheMappingUsesThem) {
  EXPECT_EQ(error_with("[credit_file]\ncolumns = [\"account\", \"amount\"]\n"),
            file().string() +
                ":2:1: credit_file.columns: needs an [accounts] section, to pair "
                "households and accounts");
}

TEST_F(MappingTest, KindsAndTheirColumnGoTogether) {
  EXPECT_THAT(error_with("[transactions]\ndate_format = \"%d/%m/%Y\"\n"
                         "purchase_kinds = [\"Paiement\"]\n[transactions.columns]\n"
                         "payer = \"p\"\nmerchant = \"m\"\namount = \"a\"\ndate = \"d\"\n"),
              HasSubstr("ops.toml:3:1: transactions.purchase_kinds: needs a kind column"));
}

TEST_F(MappingTest, EveryProblemIsReportedAtOnce) {
  const std::string error =
      error_with("[credit_file]\nformat = \"ods\"\ncolumns = [\"amount\", \"amount\"]\nx = 1\n");
  EXPECT_THAT(error, HasSubstr(":2:10: credit_file.format"));
  EXPECT_THAT(error, HasSubstr(":3:22: credit_file.columns: \"amount\" is listed twice"));
  EXPECT_THAT(error, HasSubstr(":4:1: credit_file.x: unknown key"));
}

TEST_F(MappingTest, SyntaxErrorIsNamedWithItsPlace) {
  EXPECT_THAT(error_with("[credit_file]\ncolumns = [\"amount\"\n"),
              HasSubstr("ops.toml:2:21: Error while parsing array: encountered end-of-file"));
}

TEST_F(MappingTest, AnUnreadableMappingFileIsNamed) {
  try {
    load_mapping(kBaseMapping, "base.toml", dir_.path() / "missing.toml");
    FAIL() << "no error";
  } catch (const MappingError& e) {
    EXPECT_THAT(e.what(), HasSubstr("missing.toml: cannot read the mapping file"));
  }
}

// The mappings the adapters ship are complete and valid on their own.
TEST_F(MappingTest, EveryShippedDefaultMappingLoads) {
  for (const char* name : {"moneko", "upcoop", "kohinos"}) {
    const auto path = std::filesystem::path(CAISSE_SOURCE_DIR) / "adapters" / name /
                      (std::string(name) + ".toml");
    const std::string text = testing::read_file(path);
    ASSERT_FALSE(text.empty()) << path;
    EXPECT_NO_THROW(load_mapping(text, path.filename().string(), std::nullopt)) << name;
  }
}

}  // namespace
}  // namespace caisse::adapters::file_exchange_kit
