// The 350-debit month and the 50 payouts written into the build folder and validated by the
// xmllint command against the official XSDs: a second validator, outside our process and outside
// our libxml2 calls, that has to agree with the first.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "pain001_writer.hpp"
#include "pain008_writer.hpp"
#include "sample_orders.hpp"
#include "xml_checks.hpp"

namespace caisse::adapters::sepa {
namespace {

struct Outcome {
  int status = -1;
  std::string output;
};

// Runs `xmllint --noout --schema <xsd> <file>` and returns its exit status and what it printed.
Outcome xmllint(const std::filesystem::path& xsd, const std::filesystem::path& file) {
  const std::string command = std::string(SEPA_XMLLINT) + " --noout --schema '" + xsd.string() +
                              "' '" + file.string() + "' 2>&1";
  Outcome outcome;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return outcome;
  char buffer[512];
  while (fgets(buffer, sizeof buffer, pipe) != nullptr) outcome.output += buffer;
  const int status = pclose(pipe);
  outcome.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return outcome;
}

std::filesystem::path written_file(const std::string& name, const auto& write) {
  const std::filesystem::path path = std::filesystem::path(SEPA_TEST_OUTPUT_DIR) / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  write([&](std::string_view piece) {
    out.write(piece.data(), static_cast<std::streamsize>(piece.size()));
  });
  return path;
}

class Xmllint : public ::testing::TestWithParam<const char*> {};

TEST_P(Xmllint, ValidatesOurFile) {
  const auto reference = testing::reference_dir();
  if (!reference) GTEST_SKIP() << "CAISSE_SHARED_DIR/reference is absent: no XSD to check against";
  if (std::string_view(SEPA_XMLLINT).empty()) GTEST_SKIP() << "xmllint is not installed";
  const std::string version = GetParam();
  const auto month = testing::sample_month(350);
  const auto run = testing::sample_payouts(50);
  const auto file = written_file(version + ".written.xml", [&](const ByteSink& sink) {
    if (const auto debits = parse_pain008_version(version)) {
      write_pain008(testing::test_caisse(), *debits, month.file(), sink);
    } else {
      write_pain001(testing::test_caisse(), *parse_pain001_version(version), run.file(), sink);
    }
  });
  const Outcome outcome = xmllint(*reference / "xsd" / (version + ".xsd"), file);
  EXPECT_EQ(outcome.status, 0) << outcome.output;
  EXPECT_NE(outcome.output.find("validates"), std::string::npos) << outcome.output;
}

// xmllint must be able to say no, or its yes means nothing.
TEST(Xmllint, RefusesAFileOfTheWrongVersion) {
  const auto reference = testing::reference_dir();
  if (!reference) GTEST_SKIP() << "CAISSE_SHARED_DIR/reference is absent: no XSD to check against";
  if (std::string_view(SEPA_XMLLINT).empty()) GTEST_SKIP() << "xmllint is not installed";
  const auto month = testing::sample_month(3);
  const auto file = written_file("pain.008.001.08.for-02.xml", [&](const ByteSink& sink) {
    write_pain008(testing::test_caisse(), Pain008Version::v08, month.file(), sink);
  });
  EXPECT_NE(xmllint(*reference / "xsd" / "pain.008.001.02.xsd", file).status, 0);
}

INSTANTIATE_TEST_SUITE_P(Pain, Xmllint, ::testing::ValuesIn(testing::kPainVersions),
                         [](const auto& info) { return testing::test_name(info.param); });

}  // namespace
}  // namespace caisse::adapters::sepa
