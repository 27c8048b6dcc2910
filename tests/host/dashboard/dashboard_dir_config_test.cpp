// [http] dashboard_dir (config/README.md): optional, a relative path taken from the daemon
// file's folder like every path of the file, a wrong type refused naming the key.
#include <gtest/gtest.h>

#include <fstream>

#include "config/config_loader.hpp"
#include "temp_dir.hpp"

namespace caisse::host::config {
namespace {

class DashboardDirConfig : public ::testing::Test {
 protected:
  std::filesystem::path write(const std::string& text) {
    auto file = dir_.path() / "caissed.toml";
    std::ofstream(file) << text;
    return file;
  }
  caisse::testing::TempDir dir_;
};

TEST_F(DashboardDirConfig, UnsetLeavesItToTheBuildsFolder) {
  auto loaded = load_daemon_config(write(""));
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_TRUE(loaded->http.dashboard_dir.empty());
}

TEST_F(DashboardDirConfig, RelativePathIsTakenFromTheFilesFolder) {
  auto loaded = load_daemon_config(write("[http]\ndashboard_dir = \"web/../pages\"\n"));
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->http.dashboard_dir, dir_.path() / "pages");
}

TEST_F(DashboardDirConfig, AbsolutePathIsKept) {
  auto loaded = load_daemon_config(write("[http]\ndashboard_dir = \"/srv/caisse/dashboard\"\n"));
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->http.dashboard_dir, std::filesystem::path("/srv/caisse/dashboard"));
}

TEST_F(DashboardDirConfig, NotAStringIsRefusedNamingTheKey) {
  auto loaded = load_daemon_config(write("[http]\ndashboard_dir = 3\n"));
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error().message.find("http.dashboard_dir"), std::string::npos)
      << loaded.error().message;
}

}  // namespace
}  // namespace caisse::host::config
