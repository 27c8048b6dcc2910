#include "plugins/host_api.hpp"

#include <gtest/gtest.h>

#include <array>
#include <string>
#include <string_view>

#include "fake_plugin_services.hpp"
#include "log_capture.hpp"
#include "plugins/host_context.hpp"

namespace caisse::host::plugins {
namespace {

constexpr std::array<caisse_config_field_t, 5> kFields{{
    {"api_url", CAISSE_CONFIG_TYPE_STRING, nullptr, CAISSE_CONFIG_REQUIRED, "Base URL."},
    {"api_token", CAISSE_CONFIG_TYPE_STRING, nullptr, CAISSE_CONFIG_SECRET, "Bearer token."},
    {"retries", CAISSE_CONFIG_TYPE_INTEGER, "3", 0, "Attempts."},
    {"sandbox", CAISSE_CONFIG_TYPE_BOOLEAN, "false", 0, "Use the test peer."},
    {"note", CAISSE_CONFIG_TYPE_STRING, nullptr, 0, "Optional."},
}};

caisse_plugin_t descriptor() {
  caisse_plugin_t d{};
  d.name = "probe";
  d.config_fields = kFields.data();
  d.config_field_count = kFields.size();
  return d;
}

caisse_str_t str(std::string_view text) {
  return {text.data(), text.size()};
}
std::string_view view(caisse_str_t text) {
  return {text.data, text.len};
}

class HostApi : public ::testing::Test {
 protected:
  void SetUp() override {
    context_.caisse_id = "demo";
    context_.instance = "cyclos";
    context_.descriptor = &descriptor_;
    context_.services = &services_;
    context_.config.values["api_url"] = {std::string("https://cyclos.test"), false};
    context_.config.values["api_token"] = {std::string("s3cr3t"), true};
    context_.config.values["retries"] = {std::int64_t{5}, false};
    context_.config.values["sandbox"] = {true, false};
  }

  const caisse_host_api_t& api_ = host_api();
  caisse_plugin_t descriptor_ = descriptor();
  FakePluginServices services_;
  caisse_host_context context_;
};

TEST_F(HostApi, TableAnnouncesThisHeadersAbiAndSize) {
  EXPECT_EQ(api_.struct_size, sizeof(caisse_host_api_t));
  EXPECT_EQ(api_.abi_major, static_cast<std::uint32_t>(CAISSE_SDK_ABI_MAJOR));
  EXPECT_EQ(api_.abi_minor, static_cast<std::uint32_t>(CAISSE_SDK_ABI_MINOR));
}

TEST_F(HostApi, ConfigGettersReturnEachTypeIncludingResolvedSecrets) {
  caisse_str_t url{}, token{};
  std::int64_t retries = 0;
  bool sandbox = false;
  ASSERT_EQ(api_.caisse_host_config_get_string(&context_, str("api_url"), &url), CAISSE_STATUS_OK);
  ASSERT_EQ(api_.caisse_host_config_get_string(&context_, str("api_token"), &token),
            CAISSE_STATUS_OK);
  ASSERT_EQ(api_.caisse_host_config_get_int(&context_, str("retries"), &retries), CAISSE_STATUS_OK);
  ASSERT_EQ(api_.caisse_host_config_get_bool(&context_, str("sandbox"), &sandbox),
            CAISSE_STATUS_OK);
  EXPECT_EQ(view(url), "https://cyclos.test");
  EXPECT_EQ(view(token), "s3cr3t");
  EXPECT_EQ(retries, 5);
  EXPECT_TRUE(sandbox);
}

TEST_F(HostApi, AbsentOptionalFieldIsNotFound) {
  caisse_str_t note{};
  EXPECT_EQ(api_.caisse_host_config_get_string(&context_, str("note"), &note),
            CAISSE_STATUS_NOT_FOUND);
}

TEST_F(HostApi, UndeclaredKeyOrWrongTypeIsInvalidArgument) {
  caisse_str_t text{};
  std::int64_t number = 0;
  EXPECT_EQ(api_.caisse_host_config_get_string(&context_, str("password"), &text),
            CAISSE_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(api_.caisse_host_config_get_int(&context_, str("api_url"), &number),
            CAISSE_STATUS_INVALID_ARGUMENT);
}

TEST_F(HostApi, KvRoundTripsThroughTheServicesScopedToCaisseAndInstance) {
  ASSERT_EQ(api_.caisse_host_kv_put(&context_, str("cursor"), str("42")), CAISSE_STATUS_OK);
  EXPECT_EQ(services_.kv.at("demo/cyclos/cursor"), "42");
  caisse_str_t value{};
  ASSERT_EQ(api_.caisse_host_kv_get(&context_, str("cursor"), &value), CAISSE_STATUS_OK);
  EXPECT_EQ(view(value), "42");
  EXPECT_EQ(api_.caisse_host_kv_get(&context_, str("other"), &value), CAISSE_STATUS_NOT_FOUND);
}

TEST_F(HostApi, EarlierKvValueStaysValidAfterALaterGetInTheSameHook) {
  services_.kv["demo/cyclos/a"] = "first value, longer than the small-string buffer";
  services_.kv["demo/cyclos/b"] = "second";
  caisse_str_t a{}, b{};
  ASSERT_EQ(api_.caisse_host_kv_get(&context_, str("a"), &a), CAISSE_STATUS_OK);
  ASSERT_EQ(api_.caisse_host_kv_get(&context_, str("b"), &b), CAISSE_STATUS_OK);
  EXPECT_EQ(view(a), "first value, longer than the small-string buffer");
  EXPECT_EQ(view(b), "second");
}

TEST_F(HostApi, UnreachableStoreIsUnavailable) {
  services_.store_available = false;
  caisse_str_t value{};
  EXPECT_EQ(api_.caisse_host_kv_get(&context_, str("cursor"), &value), CAISSE_STATUS_UNAVAILABLE);
  EXPECT_EQ(api_.caisse_host_kv_put(&context_, str("cursor"), str("1")), CAISSE_STATUS_UNAVAILABLE);
}

TEST_F(HostApi, MetricAddReachesTheServicesScopedToCaisseAndInstance) {
  api_.caisse_host_metric_add(&context_, str("credits_sent"), 3);
  api_.caisse_host_metric_add(&context_, str("credits_sent"), 2);
  EXPECT_EQ(services_.metrics.at("demo/cyclos/credits_sent"), 5);
}

TEST_F(HostApi, MetricWithAnInvalidNameIsDroppedWithAWarning) {
  LogCapture log;
  api_.caisse_host_metric_add(&context_, str("Credits Sent"), 1);
  EXPECT_TRUE(services_.metrics.empty());
  EXPECT_EQ(log.text(),
            "warning caisse=demo instance=cyclos event=plugin_metric_refused reason=\"name must "
            "match [a-z0-9_]+\"\n");
}

TEST_F(HostApi, ClockComesFromTheServices) {
  services_.clock_ms = 1234;
  EXPECT_EQ(api_.caisse_host_clock_now_ms(&context_), 1234);
}

TEST_F(HostApi, LogLinesCarryCaisseAndInstanceAndMaskIbans) {
  LogCapture log;
  api_.caisse_host_log(&context_, CAISSE_LOG_LEVEL_WARN,
                       str("payout to FR7630006000011234567890189: refused"));
  EXPECT_EQ(log.text(),
            "warning caisse=demo instance=cyclos payout to FR76*******************0189: refused\n");
}

TEST_F(HostApi, SetErrorKeepsTheLastMessage) {
  api_.caisse_host_set_error(&context_, str("first"));
  api_.caisse_host_set_error(&context_, str("peer answered 503"));
  EXPECT_EQ(context_.last_error, "peer answered 503");
}

}  // namespace
}  // namespace caisse::host::plugins
