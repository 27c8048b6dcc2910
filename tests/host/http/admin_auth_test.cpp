#include "http/admin_auth.hpp"

#include <gtest/gtest.h>

#include <cstring>

namespace caisse::host::http {
namespace {

constexpr Role kAllRoles[] = {Role::operator_role, Role::committee, Role::auditor,
                              Role::researcher};

// Runs a handler synchronously and returns what it answered.
std::optional<Response> call(const Handler& handler, Request request) {
  std::optional<Response> answer;
  handler(std::move(request), [&answer](Response r) { answer = std::move(r); });
  return answer;
}

Request with_token(std::string_view token) {
  Request request;
  request.headers.emplace_back("Authorization", "Bearer " + std::string(token));
  return request;
}

std::string hex(const Sha256Digest& digest) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  for (unsigned char b : digest) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 0xf]);
  }
  return out;
}

TEST(ParseRole, AcceptsEachRoleNameAndRoundTripsWithRoleName) {
  for (Role role : kAllRoles) {
    auto parsed = parse_role(role_name(role));
    ASSERT_TRUE(parsed.ok()) << role_name(role);
    EXPECT_EQ(*parsed, role);
  }
  EXPECT_STREQ(role_name(Role::operator_role), "operator");
}

TEST(ParseRole, UnknownNameIsAnErrorListingTheValidNames) {
  auto parsed = parse_role("admin");
  ASSERT_FALSE(parsed.ok());
  const auto& message = parsed.error().message;
  EXPECT_NE(message.find("'admin'"), std::string::npos) << message;
  for (const char* name : {"operator", "committee", "auditor", "researcher"}) {
    EXPECT_NE(message.find(name), std::string::npos) << message;
  }
  EXPECT_FALSE(parse_role("Operator").ok());
}

TEST(Sha256, MatchesTheStandardTestVector) {
  EXPECT_EQ(hex(sha256("abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(TokenAuthenticator, StoresTheSha256OfTheSecretNeverTheSecret) {
  TokenAuthenticator auth;
  const std::string secret = "s3cret-token-value-that-is-32-by";  // as long as a digest
  auth.add("ops", Role::operator_role, secret);
  auto stored = auth.stored_digest("ops");
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(*stored, sha256(secret));
  EXPECT_NE(std::memcmp(stored->data(), secret.data(), stored->size()), 0);
  EXPECT_EQ(hex(*stored).find(secret), std::string::npos);
  EXPECT_EQ(auth.stored_digest("nobody"), std::nullopt);
}

TEST(TokenAuthenticator, KnownTokenGivesItsNameAndRole) {
  TokenAuthenticator auth;
  auth.add("ops", Role::operator_role, "token-ops");
  auth.add("jury", Role::committee, "token-jury");
  auto who = auth.authenticate("Bearer token-jury");
  ASSERT_TRUE(who.has_value());
  EXPECT_EQ(who->name, "jury");
  EXPECT_EQ(who->role, Role::committee);
}

TEST(TokenAuthenticator, SchemeIsCaseInsensitiveAndSpacesAreTrimmed) {
  TokenAuthenticator auth;
  auth.add("ops", Role::operator_role, "token-ops");
  EXPECT_TRUE(auth.authenticate("bearer token-ops").has_value());
  EXPECT_TRUE(auth.authenticate("BEARER   token-ops  ").has_value());
}

TEST(TokenAuthenticator, RejectsUnknownTokenOtherSchemeAndEmptyToken) {
  TokenAuthenticator auth;
  auth.add("ops", Role::operator_role, "token-ops");
  auth.add("empty", Role::operator_role, "");
  EXPECT_FALSE(auth.authenticate("Bearer token-op").has_value());
  EXPECT_FALSE(auth.authenticate("Bearer token-ops2").has_value());
  EXPECT_FALSE(auth.authenticate("Basic token-ops").has_value());
  EXPECT_FALSE(auth.authenticate("Bearertoken-ops").has_value());
  EXPECT_FALSE(auth.authenticate("token-ops").has_value());
  EXPECT_FALSE(auth.authenticate("Bearer ").has_value());
  EXPECT_FALSE(auth.authenticate("Bearer").has_value());
  EXPECT_FALSE(auth.authenticate("").has_value());
}

TEST(RequireRole, MissingTokenGets401WithBearerChallenge) {
  TokenAuthenticator auth;
  auth.add("ops", Role::operator_role, "token-ops");
  bool ran = false;
  auto handler = require_role(auth, {Role::operator_role}, [&ran](Request&&, Responder respond) {
    ran = true;
    respond(Response{});
  });
  auto answer = call(handler, Request{});
  ASSERT_TRUE(answer.has_value());
  EXPECT_EQ(answer->status, 401u);
  EXPECT_NE(answer->body.find("\"error\""), std::string::npos);
  ASSERT_EQ(answer->headers.size(), 1u);
  EXPECT_EQ(answer->headers[0].first, "WWW-Authenticate");
  EXPECT_EQ(answer->headers[0].second, "Bearer");
  EXPECT_FALSE(ran);
}

TEST(RequireRole, InvalidTokenGets401) {
  TokenAuthenticator auth;
  auth.add("ops", Role::operator_role, "token-ops");
  bool ran = false;
  auto handler =
      require_role(auth, {Role::operator_role}, [&ran](Request&&, Responder) { ran = true; });
  auto answer = call(handler, with_token("wrong"));
  ASSERT_TRUE(answer.has_value());
  EXPECT_EQ(answer->status, 401u);
  EXPECT_FALSE(ran);
}

TEST(RequireRole, RoleNotAllowedGets403NamingTheRole) {
  TokenAuthenticator auth;
  auth.add("lab", Role::researcher, "token-lab");
  auto handler = require_role(auth, {Role::operator_role, Role::committee},
                              [](Request&&, Responder respond) { respond(Response{}); });
  auto answer = call(handler, with_token("token-lab"));
  ASSERT_TRUE(answer.has_value());
  EXPECT_EQ(answer->status, 403u);
  EXPECT_NE(answer->body.find("researcher"), std::string::npos) << answer->body;
}

TEST(RequireRole, EachRolePassesExactlyWhereItIsAllowedAndThePrincipalAndRoleAreSet) {
  TokenAuthenticator auth;
  for (Role role : kAllRoles) {
    auth.add(std::string("name-") + role_name(role), role, std::string("token-") + role_name(role));
  }
  for (Role allowed : kAllRoles) {
    std::string principal;
    std::string role;
    auto handler =
        require_role(auth, {allowed}, [&principal, &role](Request&& r, Responder respond) {
          principal = r.principal;
          role = r.role;
          respond(Response{});
        });
    for (Role presented : kAllRoles) {
      principal.clear();
      auto answer = call(handler, with_token(std::string("token-") + role_name(presented)));
      ASSERT_TRUE(answer.has_value());
      if (presented == allowed) {
        EXPECT_EQ(answer->status, 200u) << role_name(presented);
        EXPECT_EQ(principal, std::string("name-") + role_name(presented));
        EXPECT_EQ(role, role_name(presented));
      } else {
        EXPECT_EQ(answer->status, 403u)
            << role_name(presented) << " on a route for " << role_name(allowed);
        EXPECT_TRUE(principal.empty());
      }
    }
  }
}

TEST(RequireRole, SeveralAllowedRolesAllPass) {
  TokenAuthenticator auth;
  auth.add("ops", Role::operator_role, "token-ops");
  auth.add("audit", Role::auditor, "token-audit");
  auto handler = require_role(auth, {Role::operator_role, Role::auditor},
                              [](Request&&, Responder respond) { respond(Response{}); });
  EXPECT_EQ(call(handler, with_token("token-ops"))->status, 200u);
  EXPECT_EQ(call(handler, with_token("token-audit"))->status, 200u);
}

}  // namespace
}  // namespace caisse::host::http
