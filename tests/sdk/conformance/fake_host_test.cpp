// The kit's own parts, without a plugin: the fake host's callbacks called as a plugin would
// call them, and the fault injector's answers.
#include <gtest/gtest.h>

#include <caisse/testing/fake_host.hpp>
#include <caisse/testing/scripted_transport.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace caisse::testing {
namespace {

caisse_str_t str(std::string_view text) {
  return {text.data(), text.size()};
}

std::string_view view(caisse_str_t text) {
  return {text.data, text.len};
}

constexpr std::array<caisse_config_field_t, 4> kFields{{
    {"base_url", CAISSE_CONFIG_TYPE_STRING, nullptr, CAISSE_CONFIG_REQUIRED, "URL."},
    {"api_token", CAISSE_CONFIG_TYPE_STRING, nullptr, CAISSE_CONFIG_SECRET, "Token."},
    {"page_size", CAISSE_CONFIG_TYPE_INTEGER, "20", 0, "Page size."},
    {"sandbox", CAISSE_CONFIG_TYPE_BOOLEAN, "true", 0, "Sandbox."},
}};

caisse_plugin_t descriptor() {
  caisse_plugin_t d{};
  d.struct_size = sizeof d;
  d.abi_major = CAISSE_SDK_ABI_MAJOR;
  d.name = "unit";
  d.config_fields = kFields.data();
  d.config_field_count = kFields.size();
  return d;
}

class FakeHostTest : public ::testing::Test {
 protected:
  FakeHostTest()
      : transport_([this](const Request& request) {
          ++delivered_;
          seen_ = request;
          return Response{201, {{"Content-Type", "application/json"}}, R"({"id":"T-1"})"};
        }),
        host_(descriptor_, {{"base_url", "https://peer.test"}, {"api_token", "s3cret-token"}},
              clock_, &transport_) {}

  caisse_status_t send(const caisse_http_request_t& request, caisse_http_response_t& response) {
    response.struct_size = sizeof response;
    return host_.api()->caisse_host_http_send(host_.context(), &request, &response);
  }

  caisse_http_request_t post(const caisse_http_header_t* headers, std::size_t count) {
    caisse_http_request_t request{};
    request.struct_size = sizeof request;
    request.method = str("POST");
    request.url = str("https://peer.test/api/transfers?x=1#frag");
    request.headers = headers;
    request.header_count = count;
    request.body = str("{}");
    request.has_body = true;
    return request;
  }

  caisse_plugin_t descriptor_ = descriptor();
  FakeClock clock_;
  int delivered_ = 0;
  Request seen_;
  ScriptedTransport transport_;
  FakeHost host_;
};

TEST_F(FakeHostTest, ConfigComesFromTheTargetThenTheSchemaDefaults) {
  caisse_str_t url{};
  std::int64_t page_size = 0;
  bool sandbox = false;
  ASSERT_EQ(host_.api()->caisse_host_config_get_string(host_.context(), str("base_url"), &url),
            CAISSE_STATUS_OK);
  EXPECT_EQ(view(url), "https://peer.test");
  ASSERT_EQ(host_.api()->caisse_host_config_get_int(host_.context(), str("page_size"), &page_size),
            CAISSE_STATUS_OK);
  EXPECT_EQ(page_size, 20);
  ASSERT_EQ(host_.api()->caisse_host_config_get_bool(host_.context(), str("sandbox"), &sandbox),
            CAISSE_STATUS_OK);
  EXPECT_TRUE(sandbox);
  EXPECT_TRUE(host_.config_problems().empty());
  EXPECT_EQ(host_.secrets(), std::vector<std::string>{"s3cret-token"});
}

TEST_F(FakeHostTest, AnUndeclaredKeyIsInvalidAndRecordedAsMisuse) {
  std::int64_t value = 0;
  EXPECT_EQ(host_.api()->caisse_host_config_get_int(host_.context(), str("base_url"), &value),
            CAISSE_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(host_.api()->caisse_host_config_get_int(host_.context(), str("nope"), &value),
            CAISSE_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(host_.take_misuse().size(), 2u);
}

TEST(FakeHostConfig, ReportsUnknownKeysWrongTypesAndMissingRequiredFields) {
  const caisse_plugin_t d = descriptor();
  FakeClock clock;
  FakeHost host(d, {{"api_token", std::int64_t{5}}, {"pagesize", std::int64_t{5}}}, clock);
  ASSERT_EQ(host.config_problems().size(), 3u);
  EXPECT_NE(host.config_problems()[0].find("\"api_token\" must be a string"), std::string::npos);
  EXPECT_NE(host.config_problems()[1].find("\"pagesize\" is not in the plugin's schema"),
            std::string::npos);
  EXPECT_NE(host.config_problems()[2].find("\"base_url\" is REQUIRED"), std::string::npos);
}

TEST_F(FakeHostTest, TheStateStoreFailsWhenToldTo) {
  caisse_str_t value{};
  EXPECT_EQ(host_.api()->caisse_host_kv_put(host_.context(), str("k"), str("v")), CAISSE_STATUS_OK);
  host_.fail_kv_call(2);
  EXPECT_EQ(host_.api()->caisse_host_kv_get(host_.context(), str("k"), &value),
            CAISSE_STATUS_UNAVAILABLE);
  EXPECT_EQ(host_.api()->caisse_host_kv_get(host_.context(), str("k"), &value), CAISSE_STATUS_OK);
  EXPECT_EQ(view(value), "v");
  host_.set_kv_available(false);
  EXPECT_EQ(host_.api()->caisse_host_kv_put(host_.context(), str("k"), str("w")),
            CAISSE_STATUS_UNAVAILABLE);
  EXPECT_EQ(host_.kv().at("k"), "v");
}

TEST_F(FakeHostTest, WhatTheHostLendsIsOverwrittenWhenTheHookEnds) {
  host_.kv()["k"] = "value";
  caisse_str_t value{};
  host_.begin_hook();
  ASSERT_EQ(host_.api()->caisse_host_kv_get(host_.context(), str("k"), &value), CAISSE_STATUS_OK);
  EXPECT_EQ(view(value), "value");
  host_.end_hook();
  EXPECT_NE(view(value), "value");
}

TEST_F(FakeHostTest, HttpSendReachesTheBackendWithTheRequestTarget) {
  const std::array<caisse_http_header_t, 1> headers{{{str("Idempotency-Key"), str("op-1")}}};
  caisse_http_response_t response{};
  ASSERT_EQ(send(post(headers.data(), headers.size()), response), CAISSE_STATUS_OK);
  EXPECT_EQ(response.status, 201u);
  EXPECT_EQ(view(response.body_host_ptr), R"({"id":"T-1"})");
  EXPECT_EQ(seen_.method, "POST");
  EXPECT_EQ(seen_.target, "/api/transfers?x=1");
  EXPECT_EQ(seen_.header("idempotency-key"), "op-1");
  EXPECT_EQ(seen_.body, "{}");
}

TEST_F(FakeHostTest, HttpSendRefusesHeadersTheHostSets) {
  const std::array<caisse_http_header_t, 1> headers{{{str("Content-Length"), str("2")}}};
  caisse_http_response_t response{};
  EXPECT_EQ(send(post(headers.data(), headers.size()), response), CAISSE_STATUS_INVALID_ARGUMENT);
  EXPECT_NE(view(response.error_host_ptr).find("Content-Length"), std::string_view::npos);
  EXPECT_EQ(delivered_, 0);
  EXPECT_EQ(host_.take_misuse().size(), 1u);
}

TEST_F(FakeHostTest, RefusedAndServerErrorWithoutDeliveryNeverReachTheBackend) {
  transport_.fail_call(1, Fault::refuse);
  transport_.fail_call(2, Fault::server_error_without_delivery);
  caisse_http_response_t response{};
  EXPECT_EQ(send(post(nullptr, 0), response), CAISSE_STATUS_UNAVAILABLE);
  EXPECT_EQ(send(post(nullptr, 0), response), CAISSE_STATUS_OK);
  EXPECT_EQ(response.status, 503u);
  EXPECT_EQ(delivered_, 0);
  EXPECT_EQ(send(post(nullptr, 0), response), CAISSE_STATUS_OK);
  EXPECT_EQ(delivered_, 1);
  EXPECT_EQ(transport_.faults_fired(), 2u);
}

TEST_F(FakeHostTest, SpoiledAnswersAreDeliveredFirst) {
  transport_.fail_call(1, Fault::lose_answer);
  transport_.fail_call(2, Fault::truncated_json);
  transport_.fail_call(3, Fault::html_page);
  caisse_http_response_t response{};
  EXPECT_EQ(send(post(nullptr, 0), response), CAISSE_STATUS_UNKNOWN_OUTCOME);
  EXPECT_EQ(send(post(nullptr, 0), response), CAISSE_STATUS_OK);
  EXPECT_EQ(view(response.body_host_ptr), R"({"id":)");
  EXPECT_EQ(send(post(nullptr, 0), response), CAISSE_STATUS_OK);
  EXPECT_EQ(response.status, 200u);
  EXPECT_NE(view(response.body_host_ptr).find("<html>"), std::string_view::npos);
  EXPECT_EQ(delivered_, 3);
  EXPECT_NE(transport_.transcript().find("#1 POST /api/transfers?x=1 -> lose_answer (delivered)"),
            std::string::npos)
      << transport_.transcript();
}

TEST(ScriptedTransport, FailCommitWaitsForTheNthCallThatAppliedSomething) {
  std::size_t applied = 0;
  ScriptedTransport transport([&](const Request& request) {
    if (request.method == "POST") ++applied;
    return Response{200, {}, "ok"};
  });
  transport.set_commit_probe([&] { return applied; });
  transport.fail_commit(2, Fault::lose_answer);
  EXPECT_EQ(transport.send({"GET", "http://p/x", "/x", {}, {}, false, 0}).status, CAISSE_STATUS_OK);
  EXPECT_EQ(transport.send({"POST", "http://p/x", "/x", {}, {}, false, 0}).status,
            CAISSE_STATUS_OK);
  EXPECT_EQ(transport.send({"GET", "http://p/x", "/x", {}, {}, false, 0}).status, CAISSE_STATUS_OK);
  EXPECT_EQ(transport.send({"POST", "http://p/x", "/x", {}, {}, false, 0}).status,
            CAISSE_STATUS_UNKNOWN_OUTCOME);
  EXPECT_EQ(applied, 2u);
  EXPECT_EQ(transport.commits(), 2u);
}

}  // namespace
}  // namespace caisse::testing
