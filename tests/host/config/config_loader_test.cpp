#include "config/config_loader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config_files.hpp"

namespace caisse::host::config {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string load_error(const std::filesystem::path& file) {
  auto loaded = load_daemon_config(file);
  EXPECT_FALSE(loaded.ok()) << "expected " << file << " to be refused";
  return loaded ? "" : loaded.error().message;
}

TEST(ConfigLoader, DemoConfigurationLoads) {
  auto loaded = load_daemon_config(CAISSE_SOURCE_DIR "/examples/demo/caissed.toml");
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  const DaemonConfig& c = *loaded;
  ASSERT_EQ(c.caisses.size(), 2u);
  EXPECT_EQ(c.caisses[0].id, "montpellier");
  EXPECT_EQ(c.caisses[0].currency.code, "MONA");
  EXPECT_EQ(c.caisses[1].id, "nantes-ouest");
  ASSERT_EQ(c.plugins.size(), 4u);
  // Plugins come sorted by name, whatever the order of their blocks in the file.
  EXPECT_EQ(c.plugins[0].name, "file_exchange");
  EXPECT_EQ(c.plugins[2].name, "per_person");
  EXPECT_TRUE(c.plugins[2].required);
  EXPECT_EQ(c.caisses[0].currency.adapter, "monnaie");
  ASSERT_NE(c.caisses[1].rule_in_force(RuleKind::contribution_grid, Month{2026, 11}), nullptr);
  // Two operators (approval needs a second one), then one token for each other role.
  ASSERT_EQ(c.admin_tokens.size(), 5u);
  EXPECT_EQ(c.admin_tokens[1].role, "operator");
  EXPECT_EQ(c.admin_tokens[4].role, "researcher");
  EXPECT_EQ(c.data_dir, std::filesystem::path(CAISSE_SOURCE_DIR "/examples/demo/data"));
  ASSERT_EQ(c.plugin_dirs.size(), 1u);
  EXPECT_EQ(c.plugin_dirs[0], std::filesystem::path(CAISSE_SOURCE_DIR "/build/plugins"));
}

TEST(ConfigLoader, ShippedStartingPointLoads) {
  auto loaded = load_daemon_config(CAISSE_SOURCE_DIR "/config/caissed.toml");
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->data_dir, std::filesystem::path("/var/lib/caissed"));
}

TEST(ConfigLoader, MinimalFileGetsDocumentedDefaults) {
  ConfigFiles files;
  auto loaded = load_daemon_config(files.write("caissed.toml", ""));
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->data_dir, std::filesystem::path("/var/lib/caissed"));
  EXPECT_EQ(loaded->http.listen_host, "127.0.0.1");
  EXPECT_EQ(loaded->http.listen_port, 8420);
  EXPECT_EQ(loaded->log.format, "text");
  EXPECT_EQ(loaded->log.level, "info");
  EXPECT_FALSE(loaded->storage.url.has_value());
  EXPECT_EQ(loaded->storage.pool_size, 4);
  EXPECT_EQ(loaded->http.max_body_bytes, 1024u * 1024u);
  EXPECT_EQ(loaded->http.max_import_bytes, 64u * 1024u * 1024u);
  EXPECT_EQ(loaded->dispatch_batch_size, 500u);
}

TEST(ConfigLoader, DispatchBatchSizeIsReadAndBounded) {
  ConfigFiles files;
  auto loaded =
      load_daemon_config(files.write("caissed.toml", "[daemon]\ndispatch_batch_size = 10\n"));
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->dispatch_batch_size, 10u);
  auto file = files.write("zero.toml", "[daemon]\ndispatch_batch_size = 0\n");
  EXPECT_THAT(load_error(file), HasSubstr(file.string() + ":2:23: daemon.dispatch_batch_size"));
}

TEST(ConfigLoader, ImportLimitIsReadAndBounded) {
  ConfigFiles files;
  auto loaded =
      load_daemon_config(files.write("caissed.toml", "[http]\nmax_import_bytes = 2048\n"));
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->http.max_import_bytes, 2048u);
  auto file = files.write("small.toml", "[http]\nmax_import_bytes = 10\n");
  EXPECT_THAT(load_error(file), HasSubstr(file.string() + ":2:20: http.max_import_bytes"));
}

TEST(ConfigLoader, UnknownKeyNamesFileLineColumnAndKeyPath) {
  ConfigFiles files;
  auto file = files.write("caissed.toml", "[http]\nlisten = \"127.0.0.1:1\"\n  listne = 3\n");
  std::string error = load_error(file);
  EXPECT_THAT(error, HasSubstr(file.string() + ":3:3: http.listne: unknown key"));
  EXPECT_THAT(error, HasSubstr("listen"));  // the known keys are suggested
}

TEST(ConfigLoader, UnknownTopLevelTableIsAnError) {
  ConfigFiles files;
  auto file = files.write("caissed.toml", "[htpp]\nlisten = \"x\"\n");
  EXPECT_THAT(load_error(file), HasSubstr(":1:2: htpp: unknown key"));
}

TEST(ConfigLoader, WrongTypeNamesExpectedAndFound) {
  ConfigFiles files;
  auto file = files.write("caissed.toml", "[http]\nthreads = \"two\"\n");
  EXPECT_THAT(load_error(file),
              HasSubstr(":2:11: http.threads: expected an integer, found string"));
}

TEST(ConfigLoader, OutOfRangeValueIsRefused) {
  ConfigFiles files;
  auto file = files.write("caissed.toml", "[storage]\npool_size = 0\n");
  EXPECT_THAT(load_error(file), HasSubstr("storage.pool_size: 0 is out of range (1 to 256)"));
}

TEST(ConfigLoader, SyntaxErrorHasLineAndColumn) {
  ConfigFiles files;
  auto file = files.write("caissed.toml", "[http]\nlisten = \"unterminated\n");
  EXPECT_THAT(load_error(file), HasSubstr(file.string() + ":2:"));
}

TEST(ConfigLoader, MissingFileIsNamed) {
  ConfigFiles files;
  EXPECT_THAT(load_error(files.dir() / "nope.toml"),
              HasSubstr("nope.toml: cannot read: No such file or directory"));
}

TEST(ConfigLoader, BadListenAddressIsRefused) {
  ConfigFiles files;
  auto file = files.write("caissed.toml", "[http]\nlisten = \"localhost\"\n");
  EXPECT_THAT(load_error(file), HasSubstr(":2:1: http.listen: \"localhost\" is not HOST:PORT"));
}

TEST(ConfigLoader, UnknownLogLevelListsTheValidOnes) {
  ConfigFiles files;
  auto file = files.write("caissed.toml", "[log]\nlevel = \"verbose\"\n");
  EXPECT_THAT(load_error(file), HasSubstr("log.level: \"verbose\" is not a level: trace, debug"));
}

TEST(ConfigLoader, InlineTokenIsRefusedWithoutRepeatingIt) {
  ConfigFiles files;
  auto file = files.write("caissed.toml",
                          "[[admin.tokens]]\nname = \"alice\"\nrole = \"operator\"\n"
                          "token = \"s3cr3t-pasted-by-mistake\"\n");
  std::string error = load_error(file);
  EXPECT_THAT(error, HasSubstr(":4:1: admin.tokens[0].token: is a secret"));
  EXPECT_THAT(error, Not(HasSubstr("s3cr3t-pasted-by-mistake")));
}

TEST(ConfigLoader, TokenNeedsAKnownRole) {
  ConfigFiles files;
  auto file = files.write(
      "caissed.toml", "[[admin.tokens]]\nname = \"bob\"\nrole = \"admin\"\ntoken = \"env:T\"\n");
  EXPECT_THAT(load_error(file),
              HasSubstr("admin.tokens[0].role: \"admin\" is not a role: operator, committee"));
}

TEST(ConfigLoader, TokenWithoutTokenIsMissing) {
  ConfigFiles files;
  auto file = files.write("caissed.toml", "[[admin.tokens]]\nname = \"bob\"\nrole = \"auditor\"\n");
  EXPECT_THAT(load_error(file), HasSubstr("admin.tokens[0].token: missing"));
}

TEST(ConfigLoader, TlsNeedsBothCertificateAndKey) {
  ConfigFiles files;
  auto file = files.write("caissed.toml", "[http]\ntls_cert = \"file:cert.pem\"\n");
  EXPECT_THAT(load_error(file), HasSubstr("TLS needs both tls_cert and tls_key"));
}

TEST(ConfigLoader, RelativePathsStartAtTheFilesFolder) {
  ConfigFiles files;
  files.write("etc/caisses/a.toml", caisse_toml("a"));
  auto file = files.write("etc/caissed.toml",
                          "[daemon]\ndata_dir = \"../var\"\ncaisses = [\"caisses/a.toml\"]\n"
                          "[plugins]\ndirs = [\"plugins\"]\n[storage]\nurl = \"file:db.url\"\n");
  auto loaded = load_daemon_config(file);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->data_dir, files.dir() / "var");
  EXPECT_EQ(loaded->plugin_dirs.at(0), files.dir() / "etc/plugins");
  EXPECT_EQ(loaded->caisses.at(0).file, files.dir() / "etc/caisses/a.toml");
  EXPECT_EQ(loaded->storage.url->describe(), "file:" + (files.dir() / "etc/db.url").string());
}

TEST(ConfigLoader, CaisseFileErrorsNameThatFile) {
  ConfigFiles files;
  auto caisse = files.write("a.toml",
                            "[caisse]\nid = \"a\"\nname = \"A\"\n\n[currency]\n"
                            "code = \"mona\"\nname = \"MonA\"\nparity_eur = 1.0\n");
  auto file = files.write("caissed.toml", "[daemon]\ncaisses = [\"a.toml\"]\n");
  std::string error = load_error(file);
  EXPECT_THAT(error, HasSubstr(caisse.string() + ":6:1: currency.code: \"mona\" must be"));
  EXPECT_THAT(error,
              HasSubstr(caisse.string() + ":8:14: currency.parity_eur: expected a string, found "
                                          "floating-point"));
}

TEST(ConfigLoader, MissingRequiredTableIsNamed) {
  ConfigFiles files;
  files.write("a.toml", "[caisse]\nid = \"a\"\nname = \"A\"\n");
  auto file = files.write("caissed.toml", "[daemon]\ncaisses = [\"a.toml\"]\n");
  EXPECT_THAT(load_error(file), HasSubstr("a.toml:1:1: currency: missing"));
}

TEST(ConfigLoader, EveryErrorOfEveryFileIsReportedAtOnce) {
  ConfigFiles files;
  files.write("a.toml", caisse_toml("a", "surprise = 1\n"));
  auto file =
      files.write("caissed.toml", "[daemon]\ncaisses = [\"a.toml\"]\n[log]\nformat = \"xml\"\n");
  std::string error = load_error(file);
  EXPECT_THAT(error, HasSubstr("log.format: \"xml\" is not a format"));
  EXPECT_THAT(error, HasSubstr("a.toml:9:1: currency.surprise: unknown key"));
}

TEST(ConfigLoader, TwoCaissesCannotShareAnId) {
  ConfigFiles files;
  files.write("a.toml", caisse_toml("same"));
  files.write("b.toml", caisse_toml("same"));
  auto file = files.write("caissed.toml", "[daemon]\ncaisses = [\"a.toml\", \"b.toml\"]\n");
  EXPECT_THAT(load_error(file), HasSubstr("caisse id \"same\" is also used by"));
}

TEST(ConfigLoader, InstanceNamesAreUniqueWithinACaisse) {
  ConfigFiles files;
  std::string block = "[[plugin]]\ninstance = \"x\"\nplugin = \"hello\"\n";
  files.write("a.toml", caisse_toml("a", block + block));
  auto file = files.write("caissed.toml",
                          "[daemon]\ncaisses = [\"a.toml\"]\n[plugins]\n"
                          "dirs = [\"p\"]\n[plugins.hello]\n");
  EXPECT_THAT(load_error(file), HasSubstr("plugin[1].instance: instance \"x\" is already defined"));
}

TEST(ConfigLoader, InstanceOfAnUndeclaredPluginIsRefused) {
  ConfigFiles files;
  files.write("a.toml", caisse_toml("a", "[[plugin]]\ninstance = \"x\"\nplugin = \"cyclos\"\n"));
  auto file = files.write("caissed.toml", "[daemon]\ncaisses = [\"a.toml\"]\n");
  EXPECT_THAT(load_error(file),
              HasSubstr("a.toml:9:1: plugin[0].plugin: plugin \"cyclos\" is not declared"));
}

TEST(ConfigLoader, PluginConfigIsKeptWithPositions) {
  ConfigFiles files;
  files.write("a.toml", caisse_toml("a",
                                    "[[plugin]]\ninstance = \"x\"\nplugin = \"hello\"\n"
                                    "[plugin.config]\namount = 100\nname = \"n\"\n"
                                    "on = true\nratio = 0.5\n"));
  auto file = files.write("caissed.toml",
                          "[daemon]\ncaisses = [\"a.toml\"]\n[plugins]\n"
                          "dirs = [\"p\"]\n[plugins.hello]\nsha256 = \"" +
                              std::string(64, 'a') + "\"\n");
  auto loaded = load_daemon_config(file);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  const auto& entries = loaded->caisses.at(0).plugins.at(0).config;
  ASSERT_EQ(entries.size(), 4u);
  EXPECT_EQ(std::get<std::int64_t>(entries[0].value), 100);
  EXPECT_EQ(entries[0].where.line, 13);
  EXPECT_EQ(std::get<std::string>(entries[1].value), "n");
  EXPECT_TRUE(std::get<bool>(entries[2].value));
  EXPECT_EQ(std::get<UnsupportedValue>(entries[3].value).toml_type, "floating-point");
  EXPECT_EQ(loaded->plugins.at(0).sha256, std::string(64, 'a'));
}

// A daemon file whose caisse has one hello instance, with `http_allow = <array>` as written.
std::filesystem::path with_http_allow(ConfigFiles& files, const std::string& array) {
  files.write("a.toml", caisse_toml("a",
                                    "[[plugin]]\ninstance = \"x\"\nplugin = \"hello\"\n"
                                    "http_allow = " +
                                        array + "\n"));
  return files.write("caissed.toml",
                     "[daemon]\ncaisses = [\"a.toml\"]\n[plugins]\n"
                     "dirs = [\"p\"]\n[plugins.hello]\n");
}

TEST(ConfigLoader, HttpAllowKeepsNormalisedOrigins) {
  ConfigFiles files;
  auto loaded = load_daemon_config(
      with_http_allow(files, "[\"https://Cyclos.Example.org\", \"http://127.0.0.1:8080/\"]"));
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->caisses.at(0).plugins.at(0).http_allow,
            (std::vector<std::string>{"https://cyclos.example.org:443", "http://127.0.0.1:8080"}));
}

TEST(ConfigLoader, HttpAllowEntryThatIsNotAnOriginIsNamed) {
  ConfigFiles files;
  const std::string e = load_error(with_http_allow(
      files,
      "[\"https://cyclos.example.org\",\n  \"https://cyclos.example.org/api\", \"ftp://x\"]"));
  EXPECT_THAT(e,
              HasSubstr("a.toml:13:3: plugin[0].http_allow[1]: \"https://cyclos.example.org/api\" "
                        "must be an origin"));
  EXPECT_THAT(e, HasSubstr("a.toml:13:37: plugin[0].http_allow[2]: URL 'ftp://x': the scheme"));
}

TEST(ConfigLoader, MalformedShaPinIsRefused) {
  ConfigFiles files;
  auto file = files.write("caissed.toml",
                          "[plugins]\ndirs = [\"p\"]\n[plugins.hello]\n"
                          "sha256 = \"abc\"\n");
  EXPECT_THAT(load_error(file), HasSubstr("plugins.hello.sha256: must be 64 hexadecimal digits"));
}

}  // namespace
}  // namespace caisse::host::config

namespace caisse::host::config {
namespace {

// A caisse with two allocation instances and their versions, for the rule tests below.
std::string caisse_with_rules(const std::string& rules) {
  return caisse_toml("a",
                     "[[plugin]]\ninstance = \"flat-2025\"\nplugin = \"hello\"\n"
                     "[[plugin]]\ninstance = \"flat-2026\"\nplugin = \"hello\"\n" +
                         rules);
}

Result<DaemonConfig> load_with_caisse(ConfigFiles& files, const std::string& caisse) {
  files.write("a.toml", caisse);
  return load_daemon_config(
      files.write("caissed.toml",
                  "[daemon]\ncaisses = [\"a.toml\"]\n[plugins]\ndirs = [\"p\"]\n"
                  "[plugins.hello]\n"));
}

TEST(CaisseRules, TheVersionInForceIsTheLatestStarted) {
  ConfigFiles files;
  auto loaded = load_with_caisse(
      files,
      caisse_with_rules("[[rules.allocation]]\nfrom = \"2026-01\"\ninstance = \"flat-2026\"\n"
                        "[[rules.allocation]]\nfrom = \"2025-03\"\ninstance = \"flat-2025\"\n"));
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  const CaisseConfig& caisse = loaded->caisses.at(0);
  EXPECT_EQ(caisse.rule_in_force(RuleKind::allocation, {2025, 2}), nullptr);
  EXPECT_EQ(caisse.rule_in_force(RuleKind::allocation, {2025, 3})->instance, "flat-2025");
  EXPECT_EQ(caisse.rule_in_force(RuleKind::allocation, {2025, 12})->instance, "flat-2025");
  EXPECT_EQ(caisse.rule_in_force(RuleKind::allocation, {2026, 1})->instance, "flat-2026");
  EXPECT_EQ(caisse.rule_in_force(RuleKind::allocation, {2030, 7})->instance, "flat-2026");
  EXPECT_EQ(caisse.rule_in_force(RuleKind::bonus, {2030, 7}), nullptr);
}

TEST(CaisseRules, MistakesAreNamedWithTheirPosition) {
  ConfigFiles files;
  auto loaded = load_with_caisse(
      files,
      caisse_with_rules("[[rules.allocation]]\nfrom = \"2026-13\"\ninstance = \"flat-2026\"\n"
                        "[[rules.allocation]]\nfrom = \"2026-01\"\ninstance = \"nope\"\n"
                        "[[rules.bonus]]\nfrom = \"2026-01\"\ninstance = \"flat-2025\"\n"
                        "[[rules.bonus]]\nfrom = \"2026-01\"\ninstance = \"flat-2026\"\n"
                        "[[rules.alocation]]\nfrom = \"2026-01\"\n"));
  ASSERT_FALSE(loaded.ok());
  const std::string& e = loaded.error().message;
  EXPECT_THAT(e, HasSubstr("a.toml:16:1: rules.allocation[0].from: \"2026-13\" is not a month"));
  EXPECT_THAT(e, HasSubstr("a.toml:20:1: rules.allocation[1].instance: no [[plugin]] instance "
                           "\"nope\" in this file"));
  EXPECT_THAT(e, HasSubstr("a.toml:25:1: rules.bonus[1].from: bonus already has a version from "
                           "2026-01 at"));
  EXPECT_THAT(e, HasSubstr("rules.alocation: unknown key"));
}

}  // namespace
}  // namespace caisse::host::config

namespace caisse::host::config {
namespace {

TEST(CaisseCurrency, AdapterMustBeAnInstanceOfTheCaisse) {
  ConfigFiles files;
  files.write("a.toml",
              "[caisse]\nid = \"a\"\nname = \"A\"\n[currency]\ncode = \"MNK\"\n"
              "name = \"Moneko\"\nparity_eur = \"1.00\"\nadapter = \"moneko\"\n");
  auto file = files.write("caissed.toml", "[daemon]\ncaisses = [\"a.toml\"]\n");
  EXPECT_THAT(load_error(file),
              HasSubstr("a.toml:8:1: currency.adapter: no [[plugin]] instance \"moneko\""));
  files.write("a.toml",
              "[caisse]\nid = \"a\"\nname = \"A\"\n[currency]\ncode = \"MNK\"\n"
              "name = \"Moneko\"\nparity_eur = \"1.00\"\nadapter = \"moneko\"\n"
              "[[plugin]]\ninstance = \"moneko\"\nplugin = \"hello\"\n");
  auto loaded = load_daemon_config(files.write(
      "caissed.toml",
      "[daemon]\ncaisses = [\"a.toml\"]\n[plugins]\ndirs = [\"p\"]\n[plugins.hello]\n"));
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->caisses.at(0).currency.adapter, "moneko");
}

}  // namespace
}  // namespace caisse::host::config

namespace caisse::host::config {
namespace {

constexpr const char* kCaisseHead =
    "[caisse]\nid = \"a\"\nname = \"A\"\n[currency]\ncode = \"MNK\"\n"
    "name = \"Moneko\"\nparity_eur = \"1.00\"\n";

TEST(CaisseBonus, PayWithinDaysDefaultsToTenAndIsRead) {
  ConfigFiles files;
  files.write("a.toml", kCaisseHead);
  auto file = files.write("caissed.toml", "[daemon]\ncaisses = [\"a.toml\"]\n");
  auto loaded = load_daemon_config(file);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->caisses.at(0).bonus.pay_within_days, 10);
  files.write("a.toml", std::string(kCaisseHead) + "[bonus]\npay_within_days = 3\n");
  loaded = load_daemon_config(file);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->caisses.at(0).bonus.pay_within_days, 3);
}

TEST(CaisseBonus, MistakesAreNamedWithTheirPosition) {
  ConfigFiles files;
  files.write("a.toml",
              std::string(kCaisseHead) + "[bonus]\npay_within_days = -1\npay_whithin_days = 5\n");
  auto file = files.write("caissed.toml", "[daemon]\ncaisses = [\"a.toml\"]\n");
  const std::string e = load_error(file);
  EXPECT_THAT(e, HasSubstr("a.toml:9:19: bonus.pay_within_days: -1 is out of range (0 to 366)"));
  EXPECT_THAT(e, HasSubstr("a.toml:10:1: bonus.pay_whithin_days: unknown key"));
}

}  // namespace
}  // namespace caisse::host::config
