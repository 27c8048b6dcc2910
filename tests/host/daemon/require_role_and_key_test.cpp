#include <gtest/gtest.h>

#include <optional>

#include "daemon/api_answers.hpp"

namespace caisse::host::daemon {
namespace {

using http::Request;
using http::Response;
using http::Role;

// The guard around a handler that records whether it ran.
struct Guarded {
  http::TokenAuthenticator auth;
  bool ran = false;
  http::Handler handler;

  Guarded() {
    auth.add("op", Role::operator_role, "op-token");
    auth.add("aud", Role::auditor, "aud-token");
    handler = require_role_and_key(auth, {Role::operator_role},
                                   [this](Request&&, http::Responder respond) {
                                     ran = true;
                                     respond(Response{});
                                   });
  }

  Response call(std::optional<std::string> token, std::optional<std::string> key) {
    Request request;
    request.method = "POST";
    request.body = "{not even json";  // what the handler would refuse; it must not get to see it
    if (token) request.headers.emplace_back("Authorization", "Bearer " + *token);
    if (key) request.headers.emplace_back("Idempotency-Key", *key);
    std::optional<Response> answer;
    handler(std::move(request), [&answer](Response r) { answer = std::move(r); });
    EXPECT_TRUE(answer.has_value());
    return answer.value_or(Response{});
  }
};

TEST(RequireRoleAndKey, WithoutKeyIsRefused400NamingTheHeaderBeforeTheHandlerRuns) {
  Guarded guarded;
  Response answer = guarded.call("op-token", std::nullopt);
  EXPECT_EQ(answer.status, 400u);
  EXPECT_NE(answer.body.find("Idempotency-Key"), std::string::npos) << answer.body;
  EXPECT_FALSE(guarded.ran);
}

TEST(RequireRoleAndKey, MalformedKeyIsRefused400) {
  Guarded guarded;
  EXPECT_EQ(guarded.call("op-token", "has space").status, 400u);
  EXPECT_EQ(guarded.call("op-token", std::string(129, 'k')).status, 400u);
  EXPECT_FALSE(guarded.ran);
}

TEST(RequireRoleAndKey, TokenAndRoleAreCheckedBeforeTheKey) {
  Guarded guarded;
  EXPECT_EQ(guarded.call(std::nullopt, std::nullopt).status, 401u);
  EXPECT_EQ(guarded.call("aud-token", std::nullopt).status, 403u);
  EXPECT_EQ(guarded.call("aud-token", "k-1").status, 403u);
  EXPECT_FALSE(guarded.ran);
}

TEST(RequireRoleAndKey, AllowedRoleWithKeyReachesTheHandler) {
  Guarded guarded;
  EXPECT_EQ(guarded.call("op-token", "k-1").status, 200u);
  EXPECT_TRUE(guarded.ran);
}

}  // namespace
}  // namespace caisse::host::daemon
