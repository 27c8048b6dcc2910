#include "daemon/command_line.hpp"

#include <gtest/gtest.h>

namespace caisse::host::daemon {
namespace {

TEST(CommandLine, ConfigWithOverrides) {
  auto c = parse_command_line({"--config", "a.toml", "--listen", "127.0.0.1:0", "--data-dir", "d"});
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->mode, CommandLine::Mode::run);
  EXPECT_EQ(c->config_file, "a.toml");
  EXPECT_EQ(c->listen, "127.0.0.1:0");
  EXPECT_EQ(c->data_dir, std::filesystem::path("d"));
}

TEST(CommandLine, CheckConfigMode) {
  auto c = parse_command_line({"--check-config", "a.toml"});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->mode, CommandLine::Mode::check_config);
  EXPECT_EQ(c->config_file, "a.toml");
}

TEST(CommandLine, HelpAndVersionNeedNoConfig) {
  EXPECT_EQ(parse_command_line({"--help"})->mode, CommandLine::Mode::help);
  EXPECT_EQ(parse_command_line({"--version"})->mode, CommandLine::Mode::version);
}

TEST(CommandLine, MistakesAreNamed) {
  EXPECT_EQ(parse_command_line({}).error().message, "--config PATH is required");
  EXPECT_EQ(parse_command_line({"--config"}).error().message, "--config needs a value");
  EXPECT_EQ(parse_command_line({"--config", "a", "--lisen", "x"}).error().message,
            "unknown argument '--lisen'");
  EXPECT_EQ(parse_command_line({"--config", "a", "--check-config", "b"}).error().message,
            "give --config or --check-config once");
}

}  // namespace
}  // namespace caisse::host::daemon
