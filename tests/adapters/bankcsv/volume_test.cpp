// Volume: a generated 20 000-line Crédit Agricole export whose total is summed while it is
// written, and the benchmark's own generator (bench-peers/gen-bank-csv.py, whose layout the
// credit_agricole preset reads) checked against a total Python works out from the same file.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "csv_profile.hpp"
#include "statement_reader.hpp"
#include "temp_dir.hpp"

namespace caisse::adapters::bankcsv {
namespace {

using caisse::sdk::StatementEntry;

// "1 234,56" for 123456: thousands grouped by a space, decimal comma.
std::string french_amount(std::int64_t cents) {
  std::string units = std::to_string(cents / 100);
  for (int at = static_cast<int>(units.size()) - 3; at > 0; at -= 3) {
    units.insert(static_cast<std::size_t>(at), " ");
  }
  const std::int64_t rest = cents % 100;
  return units + "," + (rest < 10 ? "0" : "") + std::to_string(rest);
}

struct Totals {
  std::int64_t sum = 0;
  std::int64_t lines = 0;
  std::int64_t with_reference = 0;
};

Totals read_totals(const std::string& preset, const std::string& name, const std::string& csv) {
  Totals totals;
  read_statement(load_preset(preset), name, csv, [&](const StatementEntry& e) {
    totals.sum += e.amount_minor;
    ++totals.lines;
    totals.with_reference += e.end_to_end_id.empty() ? 0 : 1;
  });
  return totals;
}

TEST(Volume, TwentyThousandGeneratedLinesSumExactly) {
  std::mt19937_64 random(20261130);
  std::uniform_int_distribution<int> day(1, 28), kind(0, 9);
  std::uniform_int_distribution<std::int64_t> cents(1, 250'000'000);  // up to 2 500 000,00
  std::string csv =
      "T\xE9l\xE9"
      "chargement du 30/11/2026;\r\nSolde au 30/11/2026 1 234,56 \x80;\r\n"
      "\r\nDate;Libell\xE9;D\xE9"
      "bit euros;Cr\xE9"
      "dit euros;\r\n";
  Totals expected;
  for (int i = 0; i < 20000; ++i) {
    char date[16];
    std::snprintf(date, sizeof date, "%02d/11/2026", day(random));
    const std::int64_t amount = cents(random);
    const int k = kind(random);
    csv += date;
    if (k < 6) {  // a collection: credit, its reference in the label
      csv += ";\"PRELEVEMENT EUROPEEN " + std::to_string(i) + " DE: M. \xC9MILE REF: E2E-" +
             std::to_string(i) + "\";;" + french_amount(amount) + ";\r\n";
      expected.sum += amount;
      ++expected.with_reference;
    } else if (k < 9) {  // a payment out, its label quoted over two lines with quotes inside
      csv += ";\"VIR SEPA EMIS \"\"MONEKO\"\"\r\n/MOTIF " + std::to_string(i) + "\";" +
             french_amount(amount) + ";;\r\n";
      expected.sum -= amount;
    } else {  // a card payment, unquoted
      csv += ";CARTE X1234 " + std::to_string(i) + ";" + french_amount(amount) + ";;\r\n";
      expected.sum -= amount;
    }
    ++expected.lines;
  }
  const Totals got = read_totals("credit_agricole", "generated.csv", csv);
  EXPECT_EQ(got.lines, expected.lines);
  EXPECT_EQ(got.sum, expected.sum);
  EXPECT_EQ(got.with_reference, expected.with_reference);
}

std::string run(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buffer[256];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) out += buffer;
  return ::pclose(pipe) == 0 ? out : "failed: " + out;
}

TEST(Volume, BenchmarkGeneratorOutputReadsWithTheCreditAgricolePreset) {
  const std::filesystem::path generator = BANK_CSV_GENERATOR;
  if (!std::filesystem::exists(generator)) GTEST_SKIP() << generator << " is absent";
  if (std::system("python3 -c pass 2>/dev/null") != 0) GTEST_SKIP() << "no python3";
  caisse::testing::TempDir dir;
  const std::filesystem::path csv = dir.path() / "bank.csv";
  ASSERT_EQ(run("python3 '" + generator.string() + "' 400 '" + csv.string() + "'"), "");
  // The total in cents, lines and lines with "REF:", worked out by Python's csv module with
  // exact decimals: debit columns subtract, credit columns add.
  const std::string totals = run(
      "python3 -c \"import csv,decimal,sys\n"
      "rows=list(csv.reader(open(sys.argv[1],encoding='cp1252',newline=''),delimiter=';'))[1:]\n"
      "c=lambda s: int(decimal.Decimal(s.replace(',','.'))*100) if s else 0\n"
      "print(sum(c(r[3])-c(r[2]) for r in rows), len(rows), sum('REF:' in r[1] for r in rows))\" "
      "'" +
      csv.string() + "'");
  std::ifstream in(csv, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  const Totals got = read_totals("credit_agricole", "bank.csv", content.str());
  EXPECT_EQ(std::to_string(got.sum) + " " + std::to_string(got.lines) + " " +
                std::to_string(got.with_reference) + "\n",
            totals);
}

}  // namespace
}  // namespace caisse::adapters::bankcsv
