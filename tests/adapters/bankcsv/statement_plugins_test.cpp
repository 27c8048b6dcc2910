// bankcsv.so and camt.so through the host's loader and the daemon's config check, as the
// daemon runs them: a STATEMENT plugin each, the profile checked at init (a bad one refused
// with its place), every line of a file handed over in order.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "fake_plugin_services.hpp"
#include "plugins/plugin_instance.hpp"
#include "plugins/plugin_loader.hpp"
#include "temp_dir.hpp"
#include "validated_plugin_config.hpp"

namespace caisse::host::plugins {
namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

class StatementPlugins : public ::testing::Test {
 protected:
  Result<std::unique_ptr<PluginInstance>> try_instance(
      const std::string& plugin, const caisse::testing::PluginConfig& config) {
    auto loaded = load_plugin({plugin, {CAISSE_PLUGIN_DIR}, std::nullopt});
    if (!loaded) return loaded.error();
    auto resolved = caisse::testing::validated_plugin_config((*loaded)->descriptor(), "bank",
                                                             config, dir_.path());
    if (!resolved) return resolved.error();
    return PluginInstance::create(*loaded, "nantes-ouest", "bank", std::move(*resolved), services_);
  }

  std::vector<StatementEntry> parse(PluginInstance& instance, const std::string& name,
                                    const std::string& content) {
    std::vector<StatementEntry> lines;
    const auto done = instance.parse_statement(name, content, [&](StatementEntry&& entry) {
      lines.push_back(std::move(entry));
      return Result<void>{};
    });
    EXPECT_TRUE(done) << done.error().message;
    return lines;
  }

  FakePluginServices services_;
  caisse::testing::TempDir dir_;
};

TEST_F(StatementPlugins, BankCsvReadsAPresetsExport) {
  auto instance = try_instance("bankcsv", {{"profile", std::string("credit_agricole")}});
  ASSERT_TRUE(instance) << instance.error().message;
  EXPECT_EQ((*instance)->plugin().descriptor().roles,
            static_cast<std::uint32_t>(CAISSE_ROLE_STATEMENT));
  const auto lines =
      parse(**instance, "releve.csv",
            read_file(std::filesystem::path(BANKCSV_DATA_DIR) / "credit_agricole.csv"));
  ASSERT_EQ(lines.size(), 3u);  // data/credit_agricole.csv: lines 10, 11-12 and 13
  EXPECT_EQ(lines[0].location, "releve.csv:10");
  EXPECT_EQ(lines[0].amount.minor, 2500);
  EXPECT_EQ(lines[0].amount.currency, "EUR");
  EXPECT_EQ(lines[0].end_to_end_id, "CCA-2026-11-H00042");
  EXPECT_EQ(lines[1].amount.minor, -123456);
}

TEST_F(StatementPlugins, BankCsvReadsAnOperatorsProfileFile) {
  const auto profile = dir_.path() / "ma-banque.toml";
  std::ofstream(profile) << "[file]\nencoding = \"utf-8\"\n[dates]\nformats = [\"yyyy-mm-dd\"]\n"
                            "[amounts]\ndecimal_separator = \".\"\n[columns]\n"
                            "booking_date = \"day\"\nlabel = \"text\"\namount = \"eur\"\n";
  auto instance = try_instance("bankcsv", {{"profile_file", profile.string()}});
  ASSERT_TRUE(instance) << instance.error().message;
  const auto lines = parse(**instance, "x.csv", "day;text;eur\n2026-11-30;Don;42.00\n");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].amount.minor, 4200);
}

TEST_F(StatementPlugins, BankCsvRefusesABadProfileAtInit) {
  const auto profile = dir_.path() / "ma-banque.toml";
  std::ofstream(profile) << "[file]\nencoding = \"utf-8\"\nseparator = \";\"\n";
  auto bad = try_instance("bankcsv", {{"profile_file", profile.string()}});
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find(profile.string() + ":3:1: file.separator: unknown key"),
            std::string::npos)
      << bad.error().message;
  auto neither = try_instance("bankcsv", {});
  ASSERT_FALSE(neither);
  EXPECT_NE(neither.error().message.find("give either profile (a preset) or profile_file"),
            std::string::npos)
      << neither.error().message;
  auto unknown = try_instance("bankcsv", {{"profile", std::string("banque_de_la_lune")}});
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("\"banque_de_la_lune\" is not a preset"),
            std::string::npos);
}

TEST_F(StatementPlugins, BankCsvFailsTheWholeFileOnABadLine) {
  auto instance = try_instance("bankcsv", {{"profile", std::string("la_banque_postale")}});
  ASSERT_TRUE(instance) << instance.error().message;
  int handed = 0;
  const auto done = (*instance)->parse_statement(
      "lbp.csv", "Date;Libell\xE9;Montant(EUROS)\r\n01/11/2026;A;1,00\r\n02/11/2026;B;1,0O\r\n",
      [&](StatementEntry&&) {
        ++handed;
        return Result<void>{};
      });
  ASSERT_FALSE(done);
  EXPECT_NE(
      done.error().message.find("lbp.csv:3: column Montant(EUROS): \"1,0O\" is not an amount"),
      std::string::npos)
      << done.error().message;
}

TEST_F(StatementPlugins, CamtReadsANotification) {
  auto instance = try_instance("camt", {});
  ASSERT_TRUE(instance) << instance.error().message;
  const std::string xml =
      "<?xml version=\"1.0\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.08\">"
      "<BkToCstmrDbtCdtNtfctn><GrpHdr><MsgId>N1</MsgId><CreDtTm>2026-11-30T10:00:00</CreDtTm>"
      "</GrpHdr><Ntfctn><Id>N1</Id><Acct><Id><IBAN>FR7630001007941234567890185</IBAN></Id></Acct>"
      "<Ntry><Amt Ccy=\"EUR\">30.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>"
      "<BookgDt><Dt>2026-11-30</Dt></BookgDt><AcctSvcrRef>R1</AcctSvcrRef></Ntry></Ntfctn>"
      "</BkToCstmrDbtCdtNtfctn></Document>\n";
  const auto lines = parse(**instance, "avis.xml", xml);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].location, "Ntfctn[1]/Ntry[1]");
  EXPECT_EQ(lines[0].amount.minor, 3000);
  EXPECT_EQ(lines[0].account_iban, "FR7630001007941234567890185");
  EXPECT_EQ(lines[0].bank_reference, "R1");
}

}  // namespace
}  // namespace caisse::host::plugins
