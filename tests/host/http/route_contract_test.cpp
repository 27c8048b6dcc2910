#include "http/route_contract.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace caisse::host::http {
namespace {

// A spec with the given "paths" members, a shared Idempotency-Key parameter and bearer security.
std::string spec(const std::string& paths) {
  return R"({"openapi":"3.1.0","paths":{)" + paths + R"(},
    "components":{"parameters":{"Key":{"name":"Idempotency-Key","in":"header","required":true}}}})";
}

const std::string kCaisse = R"({"name":"caisse","in":"path","required":true})";
const std::string kMonth = R"({"name":"month","in":"path","required":true})";
const std::string kKeyRef = R"({"$ref":"#/components/parameters/Key"})";

std::string operation(const std::vector<std::string>& parameters,
                      const std::string& roles = R"(["operator"])") {
  std::string list;
  for (const auto& p : parameters) list += (list.empty() ? "" : ",") + p;
  return R"({"parameters":[)" + list + R"(],"security":[{"bearer":[]}],"x-roles":)" + roles + "}";
}

std::vector<ContractProblem> problems_of(const std::string& document,
                                         const std::vector<RouteEntry>& routes) {
  auto compared = compare_with_contract(document, routes);
  EXPECT_TRUE(static_cast<bool>(compared)) << compared.error().message;
  return compared ? *compared : std::vector<ContractProblem>{};
}

TEST(RouteContract, AgreeingSpecAndRoutesHaveNoProblem) {
  const auto document =
      spec(R"("/api/v1/caisses/{caisse}/cycles/{month}":{"get":)" + operation({kCaisse, kMonth}) +
           R"(,"post":)" + operation({kKeyRef, kCaisse, kMonth}) + "}");
  const std::vector<RouteEntry> routes = {{"GET", "/api/v1/caisses/{caisse}/cycles/{month}"},
                                          {"POST", "/api/v1/caisses/{caisse}/cycles/{month}"}};
  EXPECT_TRUE(problems_of(document, routes).empty());
}

TEST(RouteContract, RouteMissingFromTheFileIsReported) {
  const auto document = spec(R"("/api/v1/status":{"get":)" + operation({}) + "}");
  auto problems = problems_of(document, {{"GET", "/api/v1/status"}, {"POST", "/api/v1/status"}});
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].route, "POST /api/v1/status");
  EXPECT_NE(problems[0].problem.find("not described"), std::string::npos);
}

TEST(RouteContract, OperationWithoutRouteIsReported) {
  const auto document =
      spec(R"("/api/v1/status":{"get":)" + operation({}) +
           R"(},"/webhooks/{caisse}":{"post":{"security":[],"parameters":[)" + kCaisse + "]}}");
  auto problems = problems_of(document, {{"GET", "/api/v1/status"}});
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].route, "POST /webhooks/{caisse}");
  EXPECT_NE(problems[0].problem.find("no route serves"), std::string::npos);
}

TEST(RouteContract, RoutesOutsideTheApiAreNotPartOfTheContract) {
  const auto document = spec(R"("/api/v1/status":{"get":)" + operation({}) + "}");
  EXPECT_TRUE(problems_of(document, {{"GET", "/api/v1/status"},
                                     {"GET", "/healthz"},
                                     {"GET", "/metrics"},
                                     {"GET", "/dashboard/{file}"}})
                  .empty());
}

TEST(RouteContract, ParameterNamesMustMatchTheRoute) {
  const std::string id = R"({"name":"id","in":"path","required":true})";
  const auto document = spec(R"("/api/v1/plugins/{id}":{"get":)" + operation({id}) + "}");
  auto problems = problems_of(document, {{"GET", "/api/v1/plugins/{name}"}});
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].route, "GET /api/v1/plugins/{name}");
  EXPECT_NE(problems[0].problem.find("/api/v1/plugins/{id}"), std::string::npos);
}

TEST(RouteContract, PathParametersMustBeDeclaredUnderTheirTemplateNames) {
  const std::string caisse_id = R"({"name":"caisse_id","in":"path","required":true})";
  const auto document = spec(R"("/api/v1/caisses/{caisse}/cycles/{month}":{"get":)" +
                             operation({caisse_id, kMonth}) + "}");
  auto problems = problems_of(document, {{"GET", "/api/v1/caisses/{caisse}/cycles/{month}"}});
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_NE(problems[0].problem.find("{caisse} is not declared"), std::string::npos);
  EXPECT_NE(problems[1].problem.find("\"caisse_id\" is declared in: path"), std::string::npos);
}

TEST(RouteContract, PathLevelParametersCount) {
  const auto document = spec(R"("/api/v1/caisses/{caisse}/ledger":{"parameters":[)" + kCaisse +
                             R"(],"get":)" + operation({}) + "}");
  EXPECT_TRUE(problems_of(document, {{"GET", "/api/v1/caisses/{caisse}/ledger"}}).empty());
}

TEST(RouteContract, PostWithoutRequiredIdempotencyKeyIsReported) {
  const std::string optional_key = R"({"name":"idempotency-key","in":"header","required":false})";
  const auto document = spec(R"("/api/v1/a":{"post":)" + operation({}) +
                             R"(},"/api/v1/b":{"post":)" + operation({optional_key}) + "}");
  auto problems = problems_of(document, {{"POST", "/api/v1/a"}, {"POST", "/api/v1/b"}});
  ASSERT_EQ(problems.size(), 2u);
  for (const auto& p : problems) {
    EXPECT_NE(p.problem.find("Idempotency-Key"), std::string::npos) << p.route;
  }
}

TEST(RouteContract, BearerOperationNeedsKnownRoles) {
  const auto document = spec(R"("/api/v1/a":{"get":)" + operation({}, "[]") +
                             R"(},"/api/v1/b":{"get":)" + operation({}, R"(["operator","admin"])") +
                             R"(},"/api/v1/openapi.json":{"get":{"security":[]}})");
  auto problems = problems_of(
      document, {{"GET", "/api/v1/a"}, {"GET", "/api/v1/b"}, {"GET", "/api/v1/openapi.json"}});
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].route, "GET /api/v1/a");
  EXPECT_NE(problems[0].problem.find("no x-roles"), std::string::npos);
  EXPECT_EQ(problems[1].route, "GET /api/v1/b");
  EXPECT_NE(problems[1].problem.find("\"admin\""), std::string::npos);
}

TEST(RouteContract, TopLevelSecurityAppliesToOperationsWithoutTheirOwn) {
  const auto document = R"({"openapi":"3.1.0","security":[{"bearer":[]}],
                            "paths":{"/api/v1/a":{"get":{}}}})";
  auto problems = problems_of(document, {{"GET", "/api/v1/a"}});
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].problem.find("no x-roles"), std::string::npos);
}

TEST(RouteContract, TextThatIsNotAnOpenApiDocumentIsAnError) {
  EXPECT_FALSE(static_cast<bool>(compare_with_contract("{not json", {})));
  EXPECT_FALSE(static_cast<bool>(compare_with_contract(R"({"openapi":"3.1.0"})", {})));
}

}  // namespace
}  // namespace caisse::host::http
