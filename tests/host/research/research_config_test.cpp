// [research] of the daemon file: min_group_size, 5 unless said otherwise, at least 2.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "config/config_loader.hpp"
#include "temp_dir.hpp"

namespace caisse::host::config {
namespace {

using ::testing::HasSubstr;

Result<DaemonConfig> load(const std::string& text) {
  static caisse::testing::TempDir dir;
  const auto file = dir.path() / "caissed.toml";
  std::ofstream(file, std::ios::trunc) << text;
  return load_daemon_config(file);
}

TEST(ResearchConfig, MinGroupSizeIsFiveByDefault) {
  auto loaded = load("");
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->research.min_group_size, 5);
}

TEST(ResearchConfig, MinGroupSizeIsRead) {
  auto loaded = load("[research]\nmin_group_size = 10\n");
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->research.min_group_size, 10);
}

TEST(ResearchConfig, WrongMinGroupSizeNamesKeyAndFile) {
  for (const char* text :
       {"[research]\nmin_group_size = 1\n", "[research]\nmin_group_size = 0\n",
        "[research]\nmin_group_size = \"5\"\n", "[research]\nmin_group_size = 5\nmax = 3\n"}) {
    auto loaded = load(text);
    ASSERT_FALSE(loaded.ok()) << text;
    EXPECT_THAT(loaded.error().message, HasSubstr("caissed.toml")) << text;
    EXPECT_THAT(loaded.error().message, HasSubstr("research.m")) << text;
  }
}

}  // namespace
}  // namespace caisse::host::config
