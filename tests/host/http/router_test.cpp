#include "http/router.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <stdexcept>

namespace caisse::host::http {
namespace {

Handler noop() {
  return [](Request&&, Responder) {};
}

TEST(Router, RouteBodyLimitComesWithItsMatch) {
  Router router;
  router.add("POST", "/imports/{kind}", noop(), 4096);
  router.add("POST", "/other", noop());
  EXPECT_EQ(router.match("POST", "/imports/households").max_body_bytes, 4096u);
  EXPECT_FALSE(router.match("POST", "/other").max_body_bytes.has_value());
  EXPECT_FALSE(router.match("GET", "/imports/households").max_body_bytes.has_value());
  EXPECT_EQ(router.largest_route_body_limit(), 4096u);
  EXPECT_EQ(Router().largest_route_body_limit(), 0u);
}

TEST(Router, ListsEveryRouteInTheOrderAdded) {
  Router router;
  router.add("POST", "/imports/{kind}", noop(), 4096);
  router.add("GET", "/healthz", noop());
  router.add("GET", "/imports/{kind}", noop());
  auto routes = router.routes();
  ASSERT_EQ(routes.size(), 3u);
  EXPECT_EQ(routes[0].method + " " + routes[0].pattern, "POST /imports/{kind}");
  EXPECT_EQ(routes[1].method + " " + routes[1].pattern, "GET /healthz");
  EXPECT_EQ(routes[2].method + " " + routes[2].pattern, "GET /imports/{kind}");
  EXPECT_TRUE(Router().routes().empty());
}

TEST(Router, MatchesLiteralRouteAndReportsItsPattern) {
  Router router;
  router.add("GET", "/healthz", noop());
  auto match = router.match("GET", "/healthz");
  EXPECT_NE(match.handler, nullptr);
  EXPECT_EQ(match.pattern, "/healthz");
  EXPECT_TRUE(match.path_params.empty());
}

TEST(Router, ExtractsDecodedPathParameters) {
  Router router;
  router.add("GET", "/caisses/{caisse}/households/{id}", noop());
  auto match = router.match("GET", "/caisses/caf%C3%A9/households/42");
  ASSERT_NE(match.handler, nullptr);
  EXPECT_EQ(match.pattern, "/caisses/{caisse}/households/{id}");
  EXPECT_EQ(match.path_params.at("caisse"), "café");
  EXPECT_EQ(match.path_params.at("id"), "42");
}

TEST(Router, EncodedSlashStaysInsideItsSegment) {
  Router router;
  router.add("GET", "/plugins/{name}", noop());
  auto match = router.match("GET", "/plugins/a%2Fb");
  ASSERT_NE(match.handler, nullptr);
  EXPECT_EQ(match.path_params.at("name"), "a/b");
}

TEST(Router, LiteralSegmentWinsOverParameterWhateverTheOrderAdded) {
  Router router;
  int called = 0;
  router.add("GET", "/plugins/{name}", [&](Request&&, Responder) { called = 1; });
  router.add("GET", "/plugins/reload", [&](Request&&, Responder) { called = 2; });
  auto match = router.match("GET", "/plugins/reload");
  ASSERT_NE(match.handler, nullptr);
  EXPECT_EQ(match.pattern, "/plugins/reload");
  (*match.handler)(Request{}, [](Response) {});
  EXPECT_EQ(called, 2);
  EXPECT_EQ(router.match("GET", "/plugins/other").pattern, "/plugins/{name}");
}

TEST(Router, UnknownPathHasNoHandlerAndNoPattern) {
  Router router;
  router.add("GET", "/plugins/{name}", noop());
  for (const char* path : {"/", "/plugins", "/plugins/", "/plugins/a/b", "/other", ""}) {
    auto match = router.match("GET", path);
    EXPECT_EQ(match.handler, nullptr) << path;
    EXPECT_TRUE(match.pattern.empty()) << path;
    EXPECT_TRUE(match.allowed_methods.empty()) << path;
  }
}

TEST(Router, KnownPathWithOtherMethodListsAllowedMethodsSorted) {
  Router router;
  router.add("POST", "/things/{id}", noop());
  router.add("DELETE", "/things/{id}", noop());
  router.add("GET", "/things/{id}", noop());
  auto match = router.match("PUT", "/things/7");
  EXPECT_EQ(match.handler, nullptr);
  EXPECT_EQ(match.pattern, "/things/{id}");
  EXPECT_EQ(match.allowed_methods, (std::vector<std::string>{"DELETE", "GET", "POST"}));
}

TEST(Router, MethodIsCaseSensitive) {
  Router router;
  router.add("GET", "/x", noop());
  EXPECT_EQ(router.match("get", "/x").handler, nullptr);
}

TEST(Router, MalformedPatternsAreRejected) {
  Router router;
  EXPECT_THROW(router.add("GET", "relative", noop()), std::invalid_argument);
  EXPECT_THROW(router.add("GET", "/a/{}", noop()), std::invalid_argument);
  EXPECT_THROW(router.add("GET", "/a/pre{name}", noop()), std::invalid_argument);
  EXPECT_THROW(router.add("GET", "/a/{x}/{x}", noop()), std::invalid_argument);
  EXPECT_THROW(router.add("", "/a", noop()), std::invalid_argument);
  EXPECT_THROW(router.add("GET", "/a", Handler{}), std::invalid_argument);
}

TEST(Router, SameMethodAndPatternTwiceIsRejected) {
  Router router;
  router.add("GET", "/a/{x}", noop());
  EXPECT_THROW(router.add("GET", "/a/{x}", noop()), std::invalid_argument);
  EXPECT_NO_THROW(router.add("POST", "/a/{x}", noop()));
}

TEST(PercentDecode, DecodesEscapesAndKeepsPlus) {
  EXPECT_EQ(percent_decode("/a%20b+c%2f"), "/a b+c/");
  EXPECT_EQ(percent_decode(""), "");
}

TEST(PercentDecode, RejectsTruncatedOrNonHexEscapesAndNul) {
  EXPECT_EQ(percent_decode("%"), std::nullopt);
  EXPECT_EQ(percent_decode("%4"), std::nullopt);
  EXPECT_EQ(percent_decode("%zz"), std::nullopt);
  EXPECT_EQ(percent_decode("a%00b"), std::nullopt);
}

TEST(JsonError, EscapesTheMessageAsJson) {
  Response r = json_error(404, "no plugin named \"x\"\n\\");
  EXPECT_EQ(r.status, 404u);
  EXPECT_EQ(r.content_type, "application/json");
  auto parsed = boost::json::parse(r.body);
  EXPECT_EQ(parsed.at("error").as_string(), "no plugin named \"x\"\n\\");
}

TEST(Request, HeaderLookupIgnoresCase) {
  Request request;
  request.headers = {{"Content-Type", "text/plain"}, {"X-Sig", "a"}, {"x-sig", "b"}};
  EXPECT_EQ(request.header("content-type"), "text/plain");
  EXPECT_EQ(request.header("X-SIG"), "a");
  EXPECT_EQ(request.header("Missing"), std::nullopt);
}

}  // namespace
}  // namespace caisse::host::http
