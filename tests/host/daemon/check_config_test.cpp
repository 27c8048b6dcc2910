#include "daemon/check_config.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "temp_dir.hpp"

namespace caisse::host::daemon {
namespace {

using ::testing::HasSubstr;

// A daemon file loading the in-tree hello plugin, with one caisse using it.
class CheckConfig : public ::testing::Test {
 protected:
  std::filesystem::path write(const std::string& name, const std::string& content) {
    auto path = dir_.path() / name;
    std::ofstream(path) << content;
    return path;
  }

  std::filesystem::path daemon_file(const std::string& plugin_config,
                                    const std::string& extra = "") {
    write("a.toml",
          "[caisse]\nid = \"a\"\nname = \"A\"\n[currency]\ncode = \"MONA\"\n"
          "name = \"MonA\"\nparity_eur = \"1.00\"\n[[plugin]]\ninstance = \"rule\"\n"
          "plugin = \"hello\"\n[plugin.config]\n" +
              plugin_config);
    return write("caissed.toml", "[daemon]\ncaisses = [\"a.toml\"]\n[plugins]\ndirs = [\"" +
                                     std::string(CAISSE_PLUGIN_DIR) + "\"]\n[plugins.hello]\n" +
                                     extra);
  }

  int run(const std::filesystem::path& file) { return check_config(file, out_, errors_); }

  caisse::testing::TempDir dir_;
  std::ostringstream out_, errors_;
};

TEST_F(CheckConfig, ValidConfigurationExitsZeroWithASummary) {
  EXPECT_EQ(run(daemon_file("amount_per_person = 100\n")), 0) << errors_.str();
  EXPECT_THAT(out_.str(), HasSubstr("OK (1 caisse(s), 1 plugin(s), 1 plugin instance(s))"));
}

TEST_F(CheckConfig, PluginBlockIsCheckedAgainstTheLoadedSchema) {
  EXPECT_EQ(run(daemon_file("amount_per_person = \"lots\"\n")), 1);
  EXPECT_THAT(errors_.str(),
              HasSubstr("a.toml:12:1: plugin[0].config.amount_per_person: expected an integer"));
}

TEST_F(CheckConfig, PluginThatCannotLoadIsReportedWithItsTable) {
  auto file = daemon_file("", "[plugins.ghost]\n");
  EXPECT_EQ(run(file), 1);
  EXPECT_THAT(errors_.str(), HasSubstr("caissed.toml:6:1: plugins.ghost: plugin ghost: not found"));
}

TEST_F(CheckConfig, UnresolvableSecretIsReported) {
  unsetenv("CAISSE_TEST_MISSING_TOKEN");
  auto file = daemon_file("",
                          "[[admin.tokens]]\nname = \"ops\"\nrole = \"operator\"\n"
                          "token = \"env:CAISSE_TEST_MISSING_TOKEN\"\n");
  EXPECT_EQ(run(file), 1);
  EXPECT_THAT(errors_.str(), HasSubstr("admin.tokens[0].token: environment variable "
                                       "CAISSE_TEST_MISSING_TOKEN is not set"));
}

}  // namespace
}  // namespace caisse::host::daemon
