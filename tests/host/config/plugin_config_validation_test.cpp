#include "config/plugin_config_validation.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>

namespace caisse::host::config {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const caisse_config_field_t kFields[] = {
    {"greeting", CAISSE_CONFIG_TYPE_STRING, "bonjour", 0, "What to say."},
    {"amount", CAISSE_CONFIG_TYPE_INTEGER, nullptr, CAISSE_CONFIG_REQUIRED, "Minor units."},
    {"enabled", CAISSE_CONFIG_TYPE_BOOLEAN, "true", 0, "On or off."},
    {"limit", CAISSE_CONFIG_TYPE_INTEGER, "-5", 0, "A default integer."},
    {"api_key", CAISSE_CONFIG_TYPE_STRING, nullptr, CAISSE_CONFIG_SECRET, "Peer key."},
};

caisse_plugin_t descriptor() {
  caisse_plugin_t d{};
  d.struct_size = sizeof d;
  d.abi_major = CAISSE_SDK_ABI_MAJOR;
  d.name = "sample";
  d.config_fields = kFields;
  d.config_field_count = std::size(kFields);
  return d;
}

PluginBlock block(std::vector<PluginConfigEntry> entries) {
  PluginBlock b;
  b.instance = "main";
  b.plugin = "sample";
  b.key_path = "plugin[0]";
  b.where = {"caisse.toml", 7, 1};
  b.config = std::move(entries);
  return b;
}

PluginConfigEntry entry(std::string key, decltype(PluginConfigEntry::value) value, int line) {
  return {std::move(key), std::move(value), {"caisse.toml", line, 1}};
}

TEST(PluginConfigValidation, GivenValuesAndDefaultsAreResolved) {
  auto d = descriptor();
  auto resolved = validate_plugin_config(block({entry("amount", std::int64_t{10000}, 9)}), d);
  ASSERT_TRUE(resolved.ok()) << resolved.error().message;
  const auto& v = resolved->values;
  EXPECT_EQ(std::get<std::int64_t>(v.at("amount").value), 10000);
  EXPECT_EQ(std::get<std::string>(v.at("greeting").value), "bonjour");
  EXPECT_TRUE(std::get<bool>(v.at("enabled").value));
  EXPECT_EQ(std::get<std::int64_t>(v.at("limit").value), -5);
  EXPECT_EQ(v.count("api_key"), 0u);  // optional, no default: absent
}

TEST(PluginConfigValidation, UnknownKeyIsNamedWithPositionAndKnownKeys) {
  auto d = descriptor();
  auto r = validate_plugin_config(
      block({entry("amount", std::int64_t{1}, 9), entry("greting", std::string("x"), 10)}), d);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.error().message,
              HasSubstr("caisse.toml:10:1: plugin[0].config.greting: unknown key for plugin "
                        "sample (known: greeting, amount, enabled, limit, api_key)"));
}

TEST(PluginConfigValidation, WrongTypeIsRefused) {
  auto d = descriptor();
  auto r = validate_plugin_config(block({entry("amount", std::string("100"), 9)}), d);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.error().message,
              HasSubstr("caisse.toml:9:1: plugin[0].config.amount: expected an integer, found a "
                        "string"));
}

TEST(PluginConfigValidation, UnsupportedTomlTypeIsRefused) {
  auto d = descriptor();
  auto r =
      validate_plugin_config(block({entry("amount", UnsupportedValue{"floating-point"}, 9)}), d);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.error().message, HasSubstr("expected an integer, found a floating-point"));
}

TEST(PluginConfigValidation, MissingRequiredFieldPointsAtTheBlock) {
  auto d = descriptor();
  auto r = validate_plugin_config(block({}), d);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.error().message,
              HasSubstr("caisse.toml:7:1: plugin[0].config.amount: missing: plugin sample "
                        "requires it"));
}

TEST(PluginConfigValidation, InlineSecretIsRefusedWithoutEchoingIt) {
  auto d = descriptor();
  auto r = validate_plugin_config(
      block({entry("amount", std::int64_t{1}, 9), entry("api_key", std::string("sk_live_x"), 10)}),
      d);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.error().message, HasSubstr("plugin[0].config.api_key: is a secret"));
  EXPECT_THAT(r.error().message, Not(HasSubstr("sk_live_x")));
}

TEST(PluginConfigValidation, SecretReferenceIsResolvedAndMarkedSecret) {
  setenv("CAISSE_TEST_API_KEY", "k-42", 1);
  auto d = descriptor();
  auto r =
      validate_plugin_config(block({entry("amount", std::int64_t{1}, 9),
                                    entry("api_key", std::string("env:CAISSE_TEST_API_KEY"), 10)}),
                             d);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(std::get<std::string>(r->values.at("api_key").value), "k-42");
  EXPECT_TRUE(r->values.at("api_key").secret);
  EXPECT_FALSE(r->values.at("amount").secret);
}

TEST(PluginConfigValidation, UnresolvableSecretIsAnError) {
  unsetenv("CAISSE_TEST_NO_KEY");
  auto d = descriptor();
  auto r =
      validate_plugin_config(block({entry("amount", std::int64_t{1}, 9),
                                    entry("api_key", std::string("env:CAISSE_TEST_NO_KEY"), 10)}),
                             d);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.error().message,
              HasSubstr("caisse.toml:10:1: plugin[0].config.api_key: environment variable "
                        "CAISSE_TEST_NO_KEY is not set"));
}

TEST(PluginConfigValidation, EveryProblemIsReportedAtOnce) {
  auto d = descriptor();
  auto r = validate_plugin_config(
      block({entry("greeting", std::int64_t{1}, 9), entry("typo", true, 10)}), d);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.error().message, HasSubstr("config.greeting: expected a string"));
  EXPECT_THAT(r.error().message, HasSubstr("config.typo: unknown key"));
  EXPECT_THAT(r.error().message, HasSubstr("config.amount: missing"));
}

}  // namespace
}  // namespace caisse::host::config
