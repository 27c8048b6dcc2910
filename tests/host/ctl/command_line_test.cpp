#include "ctl/command_line.hpp"

#include <gtest/gtest.h>

namespace caisse::host::ctl {
namespace {

Invocation parse_ok(std::vector<std::string> args, Environment env = {}) {
  auto result = parse_command_line(args, env);
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
  return result.ok() ? *result : Invocation{};
}

std::string parse_error(std::vector<std::string> args) {
  auto result = parse_command_line(args, {});
  EXPECT_FALSE(result.ok());
  return result.ok() ? "" : result.error().message;
}

TEST(ParseCommandLine, StatusWithDefaults) {
  auto inv = parse_ok({"status"});
  EXPECT_EQ(inv.command, Command::status);
  EXPECT_EQ(inv.url, "http://127.0.0.1:8420");
  EXPECT_FALSE(inv.json);
  EXPECT_FALSE(inv.token);
  EXPECT_FALSE(inv.token_file);
  EXPECT_FALSE(inv.ca_file);
}

TEST(ParseCommandLine, PluginListAndDescribe) {
  EXPECT_EQ(parse_ok({"plugin", "list"}).command, Command::plugin_list);
  auto inv = parse_ok({"plugin", "describe", "hello"});
  EXPECT_EQ(inv.command, Command::plugin_describe);
  EXPECT_EQ(inv.plugin_name, "hello");
}

TEST(ParseCommandLine, OptionsBeforeOrAfterTheCommandInBothForms) {
  auto inv = parse_ok({"--url", "https://caisse.example:8443", "--json", "plugin", "describe",
                       "hello", "--token-file=/etc/t", "--ca-file", "/etc/ca.pem"});
  EXPECT_EQ(inv.url, "https://caisse.example:8443");
  EXPECT_TRUE(inv.json);
  EXPECT_EQ(inv.token_file, "/etc/t");
  EXPECT_EQ(inv.ca_file, "/etc/ca.pem");
  EXPECT_EQ(inv.plugin_name, "hello");
}

TEST(ParseCommandLine, EnvironmentGivesUrlAndToken) {
  auto inv = parse_ok({"status"}, Environment{"http://10.0.0.1:9000", "tok"});
  EXPECT_EQ(inv.url, "http://10.0.0.1:9000");
  EXPECT_EQ(inv.token, "tok");
}

TEST(ParseCommandLine, EmptyEnvironmentVariablesCountAsUnset) {
  auto inv = parse_ok({"status"}, Environment{"", ""});
  EXPECT_EQ(inv.url, kDefaultUrl);
  EXPECT_FALSE(inv.token);
}

TEST(ParseCommandLine, FlagsWinOverEnvironment) {
  auto inv = parse_ok({"--url", "http://a:1", "--token-file", "f", "status"},
                      Environment{"http://b:2", "tok"});
  EXPECT_EQ(inv.url, "http://a:1");
  EXPECT_EQ(inv.token_file, "f");
  EXPECT_FALSE(inv.token);
}

TEST(ParseCommandLine, HelpAnywhereWins) {
  EXPECT_EQ(parse_ok({"--help"}).command, Command::help);
  EXPECT_EQ(parse_ok({"status", "-h"}).command, Command::help);
  EXPECT_EQ(parse_ok({"bogus", "--help"}).command, Command::help);
  EXPECT_EQ(parse_ok({"help"}).command, Command::help);
}

TEST(ParseCommandLine, WrongUsageIsAnError) {
  EXPECT_EQ(parse_error({}), "no command given");
  EXPECT_EQ(parse_error({"stat"}), "unknown command 'stat'");
  EXPECT_EQ(parse_error({"--verbose", "status"}), "unknown option '--verbose'");
  EXPECT_EQ(parse_error({"status", "--url"}), "--url needs a value");
  EXPECT_EQ(parse_error({"--url=", "status"}), "--url needs a non-empty value");
  EXPECT_EQ(parse_error({"plugin"}), "plugin: expected 'list' or 'describe NAME'");
  EXPECT_EQ(parse_error({"plugin", "describe"}), "plugin describe: expected a plugin name");
  EXPECT_EQ(parse_error({"plugin", "remove", "x"}),
            "plugin: unknown subcommand 'remove' (expected 'list' or 'describe NAME')");
  EXPECT_EQ(parse_error({"status", "now"}), "unexpected argument 'now'");
  EXPECT_EQ(parse_error({"plugin", "describe", "a", "b"}), "unexpected argument 'b'");
}

TEST(UsageText, NamesEveryCommandOptionAndExitCode) {
  std::string usage = usage_text();
  for (const char* word : {"status", "plugin list", "plugin describe NAME", "--url", "--token-file",
                           "--ca-file", "--json", "CAISSE_URL", "CAISSE_TOKEN", "0  done",
                           "1  the daemon refused", "2  wrong usage", "3  the daemon cannot"}) {
    EXPECT_NE(usage.find(word), std::string::npos) << word;
  }
}

}  // namespace
}  // namespace caisse::host::ctl
