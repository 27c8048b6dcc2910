// Profiles are read strictly: every preset loads, and every mistake in an operator's profile is
// one line "FILE:LINE:COL: key: why" (positions counted by hand in the TOML below).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "csv_profile.hpp"

namespace caisse::adapters::bankcsv {
namespace {

std::string error_of(const std::string& toml) {
  try {
    load_profile_text(toml, "bank.toml");
  } catch (const caisse::sdk::ConfigError& e) {
    return e.what();
  }
  return "no error";
}

const std::string kColumns =
    "[columns]\n"
    "booking_date = \"Date\"\n"
    "label = \"Libellé\"\n"
    "amount = \"Montant\"\n";
const std::string kValid =
    "[file]\n"
    "encoding = \"utf-8\"\n"
    "[dates]\n"
    "formats = [\"dd/mm/yyyy\"]\n"
    "[amounts]\n"
    "decimal_separator = \",\"\n" +
    kColumns;

TEST(Profile, EveryPresetInProfilesLoads) {
  std::vector<std::string> files;
  for (const auto& item : std::filesystem::directory_iterator(BANKCSV_PROFILES_DIR)) {
    if (item.path().extension() == ".toml") files.push_back(item.path().stem().string());
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> names = preset_names();
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, files);
  EXPECT_GE(names.size(), 8u);
  for (const std::string& name : names) {
    SCOPED_TRACE(name);
    EXPECT_NO_THROW(load_preset(name));
  }
}

TEST(Profile, AValidProfileReadsItsDefaults) {
  const CsvProfile p = load_profile_text(kValid, "bank.toml");
  EXPECT_EQ(p.encoding, Encoding::utf8);
  EXPECT_EQ(p.delimiter, ';');
  EXPECT_EQ(p.quote, '"');
  EXPECT_EQ(p.header, HeaderMode::first);
  EXPECT_EQ(p.currency, "EUR");
  ASSERT_TRUE(p.amount);
  EXPECT_EQ(p.amount->header, "Montant");
  EXPECT_FALSE(p.debit);
}

TEST(Profile, UnknownKeyIsNamedWithItsPlace) {
  std::string toml = kValid;
  toml.insert(toml.find("[dates]"), "delimter = \";\"\n");  // line 3
  EXPECT_EQ(error_of(toml), "bank.toml:3:1: file.delimter: unknown key");
}

TEST(Profile, BadValuesAreNamedWithTheirPlace) {
  std::string toml = kValid;
  toml.replace(toml.find("\"utf-8\""), 7, "\"latin1\"");
  EXPECT_EQ(error_of(toml),
            "bank.toml:2:1: file.encoding: \"latin1\" is not one of \"utf-8\", \"cp1252\", "
            "\"iso-8859-1\", \"iso-8859-15\"");
  toml = kValid;
  toml.replace(toml.find("\"dd/mm/yyyy\""), 12, "\"dd/mm/yyy\"");
  EXPECT_EQ(error_of(toml),
            "bank.toml:4:12: dates.formats: \"dd/mm/yyy\": \"y\" is neither a field (dd, mm, yyyy, "
            "yy, hh, mi, ss) nor a separator");
}

TEST(Profile, EveryProblemIsReportedAtOnce) {
  std::string toml = kValid;
  toml.replace(toml.find("\",\""), 3, "\"x\"");  // line 6
  toml += "debit = \"Débit\"\n";                 // line 11: with amount
  toml += "[extra]\n";                           // line 12
  EXPECT_EQ(error_of(toml),
            "bank.toml:6:1: amounts.decimal_separator: \"x\" is not one of \",\", \".\"\n"
            "bank.toml:10:1: columns.amount: a signed amount column, or debit and credit "
            "columns, not both\n"
            "bank.toml:12:2: extra: unknown key");  // the name, inside the brackets
}

TEST(Profile, HeaderlessFilesTakeColumnsByNumber) {
  std::string toml = kValid;
  toml.insert(toml.find("[dates]"), "header = \"none\"\n");
  EXPECT_EQ(error_of(toml),
            "bank.toml:8:1: columns: file.header = \"none\": give every column by its number");
  toml =
      "[file]\nencoding = \"cp1252\"\nheader = \"none\"\n[dates]\nformats = [\"dd/mm/yy\"]\n"
      "[amounts]\ndecimal_separator = \".\"\n[columns]\nbooking_date = 1\nlabel = 2\n"
      "debit = 3\ncredit = 4\n";
  const CsvProfile p = load_profile_text(toml, "bank.toml");
  EXPECT_EQ(p.booking_date.number, 1);
  EXPECT_EQ(p.credit->number, 4);
}

TEST(Profile, MissingTablesAndKeysAreRequired) {
  EXPECT_EQ(error_of("[file]\nencoding = \"utf-8\"\n[dates]\nformats = [\"dd/mm/yyyy\"]\n"
                     "[amounts]\ndecimal_separator = \",\"\n"),
            "bank.toml:1:1: columns: required (a [columns] table)");
  EXPECT_EQ(error_of("[file]\nencoding = \"utf-8\"\n[dates]\nformats = [\"dd/mm/yyyy\"]\n"
                     "[amounts]\ndecimal_separator = \",\"\n[columns]\nlabel = \"L\"\n"),
            "bank.toml:7:1: columns.booking_date: required\n"
            "bank.toml:7:1: columns.amount: required: a signed amount column, or debit and "
            "credit columns");
}

TEST(Profile, UnknownPresetListsThePresets) {
  try {
    load_preset("banque_imaginaire");
    FAIL();
  } catch (const caisse::sdk::ConfigError& e) {
    EXPECT_TRUE(std::string(e.what()).starts_with(
        "profile: \"banque_imaginaire\" is not a preset; the presets are bnp_paribas, bpce, cic"))
        << e.what();
  }
}

}  // namespace
}  // namespace caisse::adapters::bankcsv
