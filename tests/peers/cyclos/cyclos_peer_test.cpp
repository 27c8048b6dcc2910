// The emulator, in process: each operation's success shape and each error shape, checked against
// the official spec file (property names, JSON types, enum values, required properties, response
// statuses and headers), plus its filters and paging.
#include "cyclos_peer.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include <boost/json.hpp>

#include "peer_test_support.hpp"
#include "peer_text.hpp"

namespace caisse::testing::cyclos {
namespace {

namespace json = boost::json;
using test::expect_conforms;
using test::json_of;
using test::str;

CyclosPeerOptions test_options() {
  CyclosPeerOptions o;
  o.access_client_token = "token-123";
  o.basic_user = "admin";
  o.basic_password = "s3cret";
  return o;
}

class CyclosPeerTest : public ::testing::Test {
 protected:
  CyclosPeerTest() : peer(test_options()) { peer.set_now("2024-03-10T12:00:00Z"); }

  PeerResponse call(std::string method, const std::string& target, std::string body = {},
                    std::vector<std::pair<std::string, std::string>> headers = {
                        {"Access-Client-Token", "token-123"}}) {
    PeerRequest request{std::move(method), "/api" + target, std::move(headers), std::move(body)};
    if (!request.body.empty()) request.headers.emplace_back("Content-Type", "application/json");
    return peer.handle(request);
  }
  PeerResponse get(const std::string& target) { return call("GET", target); }
  PeerResponse post(const std::string& target, const std::string& body) {
    return call("POST", target, body);
  }
  PeerResponse pay(const std::string& subject, const std::string& amount_json,
                   const std::string& extra = {}) {
    return post("/system/payments", R"({"amount":)" + amount_json + R"(,"subject":")" + subject +
                                        R"(","type":"debit.toUser")" + extra + "}");
  }

  // Expects an InputError with code `code` and, for validation, an error on `property`.
  void expect_input_error(const PeerResponse& r, std::string_view code,
                          std::string_view property = {}) {
    EXPECT_EQ(r.status, 422u) << r.body;
    expect_conforms(r.body, "InputError");
    json::value v = json_of(r.body);
    EXPECT_EQ(str(v, "code"), code) << r.body;
    if (!property.empty()) {
      ASSERT_TRUE(v.as_object().contains("propertyErrors")) << r.body;
      EXPECT_TRUE(v.at("propertyErrors").as_object().contains(property)) << r.body;
      bool listed = false;
      for (const auto& p : v.at("properties").as_array()) listed |= p.as_string() == property;
      EXPECT_TRUE(listed) << r.body;
    }
  }

  CyclosPeer peer;
};

// ---------------------------------------------------------------------------------------------
// The spec itself

TEST(CyclosPeerSpec, SpecFileIsReadable) {
  if (test::cyclos_spec() == nullptr) {
    GTEST_SKIP() << "the Cyclos OpenAPI spec is not at " << CYCLOS_OPENAPI_SPEC
                 << ": the checks against it are skipped";
  }
  EXPECT_GT(test::cyclos_spec()->schema_count(), 500u);
  // The reader sees what the spec says (a spot check of its own parsing).
  auto user_result = test::cyclos_spec()->properties("UserResult");
  for (auto name : {"id", "display", "name", "username", "customValues", "group"}) {
    EXPECT_TRUE(user_result.contains(name)) << name;
  }
  EXPECT_FALSE(user_result.contains("status"));
  EXPECT_EQ(test::cyclos_spec()->properties("UserView").at("customValues").items_ref,
            "UserCustomFieldValue");
  EXPECT_TRUE(test::cyclos_spec()->properties("TransferResult").at("customValues").map);
  EXPECT_FALSE(test::cyclos_spec()->properties("Transaction").contains("customValues"));
  EXPECT_EQ(test::cyclos_spec()->required("PaymentError"),
            std::vector<std::string>{"exceptionType"});
}

TEST(CyclosPeerSpec, TheCheckerRejectsWhatTheSpecDoesNotAllow) {
  const spec::OpenApi* api = test::cyclos_spec();
  if (api == nullptr) GTEST_SKIP() << "no spec file";
  auto problems = [&](const char* body, const char* schema) {
    return api->check(json::parse(body), schema).size();
  };
  EXPECT_EQ(problems(R"({"id":"1","name":"A","customValues":{"f":"v"}})", "UserResult"), 0u);
  EXPECT_EQ(problems(R"({"id":"1","status":"active"})", "UserResult"), 1u);  // no such property
  EXPECT_EQ(problems(R"({"id":"1","customValues":{"f":1}})", "UserResult"), 1u);  // not a string
  EXPECT_EQ(problems(R"({"id":"1","customValues":{"f":"v"}})", "UserView"), 1u);  // an array there
  EXPECT_EQ(problems(R"({"code":"sessionExpired"})", "UnauthorizedError"), 1u);   // enum
  EXPECT_EQ(problems(R"({"code":"insufficientBalance","kind":"payment"})", "PaymentError"),
            1u);  // exceptionType is required
  EXPECT_EQ(problems(R"({"id":"1","amount":12.5})", "Transaction"), 1u);  // amount is a string
  EXPECT_EQ(
      problems(R"({"id":"1","to":{"kind":"user","user":{"id":"2","nick":"x"}}})", "TransferResult"),
      1u);  // nested
  EXPECT_EQ(problems(R"({"properties":["a"],"propertyErrors":{"a":["x"]},"code":"validation"})",
                     "InputError"),
            0u);
}

TEST(CyclosPeerSpec, EveryEmulatedOperationIsInTheSpecWithItsStatuses) {
  const spec::OpenApi* api = test::cyclos_spec();
  if (api == nullptr) GTEST_SKIP() << "no spec file";
  struct Expected {
    const char* path;
    const char* method;
    const char* operation_id;
    const char* success;
  };
  for (const Expected& e : {Expected{"/users", "get", "searchUsers", "200"},
                            Expected{"/users", "post", "createUser", "201"},
                            Expected{"/users/{user}", "get", "viewUser", "200"},
                            Expected{"/{owner}/payments", "post", "performPayment", "201"},
                            Expected{"/transfers", "get", "searchTransfers", "200"},
                            Expected{"/{user}/status", "get", "getUserStatus", "200"},
                            Expected{"/{user}/status", "post", "changeUserStatus", "204"},
                            Expected{"/{user}/group", "get", "getGroupMembershipData", "200"},
                            Expected{"/{user}/group", "post", "changeGroupMembership", "204"}}) {
    const spec::Operation* op = api->operation(e.path, e.method);
    ASSERT_NE(op, nullptr) << e.method << " " << e.path;
    EXPECT_EQ(op->operation_id, e.operation_id);
    EXPECT_TRUE(op->responses.contains(e.success)) << e.operation_id;
  }
  // The statuses this peer answers that the spec gives explicitly.
  EXPECT_TRUE(
      api->operation("/{owner}/payments", "post")->responses.contains("500"));  // PaymentError
  EXPECT_TRUE(api->operation("/users", "post")->responses.contains("422"));
  EXPECT_TRUE(api->operation("/users/{user}", "get")->responses.contains("404"));
  EXPECT_TRUE(api->operation("/transfers", "get")->responses.contains("401"));
}

// ---------------------------------------------------------------------------------------------
// Authentication

TEST_F(CyclosPeerTest, MissingCredentialsAre401MissingAuthorization) {
  PeerResponse r = call("GET", "/users", {}, {});
  EXPECT_EQ(r.status, 401u);
  EXPECT_EQ(str(json_of(r.body), "code"), "missingAuthorization");
  expect_conforms(r.body, "UnauthorizedError");
}

TEST_F(CyclosPeerTest, WrongAccessClientTokenIs401InvalidAccessClient) {
  PeerResponse r = call("GET", "/users", {}, {{"Access-Client-Token", "token-124"}});
  EXPECT_EQ(r.status, 401u);
  EXPECT_EQ(str(json_of(r.body), "code"), "invalidAccessClient");
  expect_conforms(r.body, "UnauthorizedError");
}

TEST_F(CyclosPeerTest, WrongBasicPasswordIs401Login) {
  // admin:wrong
  PeerResponse r = call("GET", "/users", {}, {{"Authorization", "Basic YWRtaW46d3Jvbmc="}});
  EXPECT_EQ(r.status, 401u);
  EXPECT_EQ(str(json_of(r.body), "code"), "login");
  expect_conforms(r.body, "UnauthorizedError");
}

TEST_F(CyclosPeerTest, RightBasicCredentialsAreAccepted) {
  // admin:s3cret
  PeerResponse r = call("GET", "/users", {}, {{"Authorization", "Basic YWRtaW46czNjcmV0"}});
  EXPECT_EQ(r.status, 200u) << r.body;
}

TEST_F(CyclosPeerTest, SessionTokenIs401LoggedOutSinceSessionsAreNotEmulated) {
  PeerResponse r = call("GET", "/users", {}, {{"Session-Token", "abc"}});
  EXPECT_EQ(r.status, 401u);
  EXPECT_EQ(str(json_of(r.body), "code"), "loggedOut");
}

TEST(CyclosPeerAuth, AnUnconfiguredSchemeIsRefused) {
  CyclosPeer peer{CyclosPeerOptions{}};  // neither a token nor Basic credentials
  PeerResponse r = peer.handle({"GET", "/api/users", {{"Access-Client-Token", ""}}, ""});
  EXPECT_EQ(r.status, 401u);
  EXPECT_EQ(str(json_of(r.body), "code"), "invalidAccessClient");
  r = peer.handle({"GET", "/api/users", {{"Authorization", "Basic Og=="}}, ""});  // ":"
  EXPECT_EQ(str(json_of(r.body), "code"), "login");
}

// ---------------------------------------------------------------------------------------------
// Routing

TEST_F(CyclosPeerTest, UnknownPathsAndMethodsAre404NotFoundError) {
  for (auto [method, target] : {std::pair{"GET", "/nothing/here"}, std::pair{"DELETE", "/users"},
                                std::pair{"PUT", "/transfers"}, std::pair{"POST", "/self/payments"},
                                std::pair{"GET", "/users/data-for-new"}}) {
    PeerResponse r = call(method, target);
    EXPECT_EQ(r.status, 404u) << method << " " << target;
    expect_conforms(r.body, "NotFoundError");
  }
  EXPECT_EQ(peer.request_count(RouteKind::other), 5u);
}

TEST_F(CyclosPeerTest, UnknownPathWithoutCredentialsIsStill401) {
  EXPECT_EQ(call("GET", "/nothing", {}, {}).status, 401u);
}

TEST_F(CyclosPeerTest, RouteOfClassifiesWithoutRunning) {
  EXPECT_EQ(peer.route_of("POST", "/api/system/payments"), RouteKind::perform_payment);
  EXPECT_EQ(peer.route_of("GET", "/api/transfers?page=2"), RouteKind::search_transfers);
  EXPECT_EQ(peer.route_of("GET", "/api/users/123"), RouteKind::view_user);
  EXPECT_EQ(peer.route_of("POST", "/api/123/status"), RouteKind::change_user_status);
  EXPECT_EQ(peer.route_of("POST", "/api/123/group"), RouteKind::change_group_membership);
  EXPECT_EQ(peer.route_of("GET", "/other/users"), RouteKind::other);
  EXPECT_EQ(peer.request_count(RouteKind::any), 0u);
}

TEST_F(CyclosPeerTest, ParametersThatAreNotEmulatedAreALoud500) {
  PeerResponse r = get("/users?keywords=jane");
  EXPECT_EQ(r.status, 500u);
  EXPECT_EQ(str(json_of(r.body), "exceptionType"), "PeerNotEmulated");
  expect_conforms(r.body, "Error");
  EXPECT_EQ(get("/transfers?amountRange=1,2").status, 500u);
  EXPECT_EQ(get("/transfers?fields=id").status, 500u);
}

// ---------------------------------------------------------------------------------------------
// searchUsers

TEST_F(CyclosPeerTest, SearchUsersFindsTheHouseholdByProfileField) {
  peer.add_user("Ada Martin", "consumers", "H-001");
  std::string id = peer.add_user("Bea Durand", "consumers", "H-002");
  PeerResponse r = get("/users?profileFields=caisse_household:H-002");
  ASSERT_EQ(r.status, 200u) << r.body;
  expect_conforms(r.body, "UserResult[]");
  json::value v = json_of(r.body);
  ASSERT_EQ(v.as_array().size(), 1u);
  EXPECT_EQ(str(v.at(0), "id"), id);
  EXPECT_EQ(str(v.at(0), "name"), "Bea Durand");
  EXPECT_EQ(str(v.at(0).at("customValues"), "caisse_household"), "H-002");
  // display is not returned alongside profile fields, nor group without includeGroup.
  EXPECT_FALSE(v.at(0).as_object().contains("display"));
  EXPECT_FALSE(v.at(0).as_object().contains("group"));
  EXPECT_EQ(r.header("Content-Type"), "application/json");
}

TEST_F(CyclosPeerTest, SearchUsersAcceptsSeveralValuesAndFields) {
  peer.add_user("Ada", "consumers", "H-1");
  peer.add_user("Bea", "consumers", "H-2");
  peer.add_user("Cid", "merchants", "H-3");
  json::value v = json_of(get("/users?profileFields=caisse_household:H-1%7CH-3").body);
  EXPECT_EQ(v.as_array().size(), 2u);
  v = json_of(get("/users?profileFields=caisse_household:H-1|H-3,name:Cid").body);
  ASSERT_EQ(v.as_array().size(), 1u);
  EXPECT_EQ(str(v.at(0), "name"), "Cid");
}

TEST_F(CyclosPeerTest, SearchUsersPagesWithTheSpecHeaders) {
  for (int i = 0; i < 7; ++i) peer.add_user("User " + std::to_string(i), "consumers");
  if (const spec::OpenApi* api = test::cyclos_spec()) {
    const auto& headers = api->operation("/users", "get")->responses.at("200");
    for (auto name : {"X-Total-Count", "X-Page-Size", "X-Current-Page", "X-Has-Next-Page"}) {
      EXPECT_NE(std::find(headers.begin(), headers.end(), name), headers.end()) << name;
    }
  }
  std::set<std::string> seen;
  for (int page = 0; page < 3; ++page) {
    PeerResponse r = get("/users?pageSize=3&page=" + std::to_string(page));
    ASSERT_EQ(r.status, 200u);
    // Exact header names, as the spec spells them.
    std::vector<std::string> names;
    for (const auto& [name, value] : r.headers) names.push_back(name);
    EXPECT_NE(std::find(names.begin(), names.end(), "X-Total-Count"), names.end());
    EXPECT_EQ(r.header("X-Total-Count"), "7");
    EXPECT_EQ(r.header("X-Page-Size"), "3");
    EXPECT_EQ(r.header("X-Current-Page"), std::to_string(page));
    EXPECT_EQ(r.header("X-Has-Next-Page"), page < 2 ? "true" : "false");
    json::value v = json_of(r.body);
    EXPECT_EQ(v.as_array().size(), page < 2 ? 3u : 1u);
    for (const auto& u : v.as_array()) seen.insert(str(u, "id"));
  }
  EXPECT_EQ(seen.size(), 7u);
  PeerResponse beyond = get("/users?pageSize=3&page=5");
  EXPECT_EQ(json_of(beyond.body).as_array().size(), 0u);
  EXPECT_EQ(beyond.header("X-Has-Next-Page"), "false");
  EXPECT_EQ(get("/users").header("X-Page-Size"), "40");
  EXPECT_EQ(get("/users?skipTotalCount=true").header("X-Total-Count"), "");
}

TEST_F(CyclosPeerTest, SearchUsersDefaultsToActiveAndBlockedAndFiltersGroups) {
  std::string active = peer.add_user("Active", "consumers");
  std::string blocked = peer.add_user("Blocked", "merchants");
  std::string disabled = peer.add_user("Disabled", "consumers");
  peer.set_user_status(blocked, "blocked");
  peer.set_user_status(disabled, "disabled");
  EXPECT_EQ(json_of(get("/users").body).as_array().size(), 2u);
  json::value v = json_of(get("/users?statuses=disabled").body);
  ASSERT_EQ(v.as_array().size(), 1u);
  EXPECT_EQ(str(v.at(0), "id"), disabled);
  v = json_of(get("/users?groups=merchants&includeGroup=true").body);
  ASSERT_EQ(v.as_array().size(), 1u);
  EXPECT_EQ(str(v.at(0), "id"), blocked);
  EXPECT_EQ(str(v.at(0).at("group"), "internalName"), "merchants");
  expect_conforms(json::serialize(v), "UserResult[]");
}

TEST_F(CyclosPeerTest, SearchUsersWithIgnoreProfileFieldsAnswersDisplayOnly) {
  peer.add_user("Ada Martin", "consumers", "H-1");
  json::value v = json_of(get("/users?ignoreProfileFieldsInList=true").body);
  ASSERT_EQ(v.as_array().size(), 1u);
  EXPECT_EQ(str(v.at(0), "display"), "Ada Martin");
  EXPECT_FALSE(v.at(0).as_object().contains("name"));
  EXPECT_FALSE(v.at(0).as_object().contains("customValues"));
}

TEST_F(CyclosPeerTest, SearchUsersRefusesBadParameters) {
  expect_input_error(get("/users?profileFields=nickname:x"), "validation", "profileFields");
  expect_input_error(get("/users?page=two"), "dataConversion");
  expect_input_error(get("/users?statuses=sleeping"), "dataConversion");
  expect_input_error(get("/users?includeGroup=yes"), "dataConversion");
  expect_input_error(get("/users?page=-1"), "validation", "page");
  PeerResponse r = get("/users?groups=nobody");
  EXPECT_EQ(r.status, 404u);
  EXPECT_EQ(str(json_of(r.body), "entityType"), "Group");
}

// ---------------------------------------------------------------------------------------------
// viewUser

TEST_F(CyclosPeerTest, ViewUserAnswersUserViewWithCustomValuesAsAnArray) {
  std::string id = peer.add_user("Ada Martin", "consumers", "H-7");
  PeerResponse r = get("/users/" + id);
  ASSERT_EQ(r.status, 200u) << r.body;
  expect_conforms(r.body, "UserView");
  json::value v = json_of(r.body);
  EXPECT_EQ(str(v, "id"), id);
  EXPECT_EQ(str(v, "display"), "Ada Martin");
  EXPECT_EQ(str(v, "status"), "active");
  EXPECT_EQ(str(v.at("group"), "internalName"), "consumers");
  ASSERT_TRUE(v.at("customValues").is_array());
  ASSERT_EQ(v.at("customValues").as_array().size(), 1u);
  const json::value& field_value = v.at("customValues").at(0);
  EXPECT_EQ(str(field_value, "stringValue"), "H-7");
  EXPECT_EQ(str(field_value.at("field"), "internalName"), "caisse_household");
}

TEST_F(CyclosPeerTest, ViewUserByLoginNameAndQuotedPrincipal) {
  PeerResponse created = post("/users", R"({"name":"Ada","group":"consumers","username":"ada"})");
  ASSERT_EQ(created.status, 201u) << created.body;
  std::string id = str(json_of(created.body).at("user"), "id");
  EXPECT_EQ(str(json_of(get("/users/ada").body), "id"), id);
  EXPECT_EQ(str(json_of(get("/users/'ada").body), "id"), id);
}

TEST_F(CyclosPeerTest, ViewUnknownUserIs404NotFoundErrorOnUser) {
  PeerResponse r = get("/users/424242");
  EXPECT_EQ(r.status, 404u);
  expect_conforms(r.body, "NotFoundError");
  json::value v = json_of(r.body);
  EXPECT_EQ(str(v, "entityType"), "User");
  EXPECT_EQ(str(v, "key"), "424242");
}

// ---------------------------------------------------------------------------------------------
// createUser

TEST_F(CyclosPeerTest, CreateUserAnswers201UserRegistrationResultWithLocation) {
  PeerResponse r = call("POST", "/users",
                        R"({"name":"Jane Doe","group":"consumers","username":"jane",)"
                        R"("customValues":{"caisse_household":"H-42"},"skipActivationEmail":true})",
                        {{"Access-Client-Token", "token-123"}, {"Host", "cyclos.test"}});
  ASSERT_EQ(r.status, 201u) << r.body;
  expect_conforms(r.body, "UserRegistrationResult");
  json::value v = json_of(r.body);
  std::string id = str(v.at("user"), "id");
  EXPECT_EQ(str(v.at("user"), "display"), "Jane Doe");
  EXPECT_EQ(str(v, "status"), "active");
  EXPECT_EQ(r.header("Location"), "http://cyclos.test/api/users/" + id);
  auto user = peer.user(id);
  ASSERT_TRUE(user);
  EXPECT_EQ(user->household, "H-42");
  EXPECT_EQ(user->group, "consumers");
  EXPECT_EQ(user->username, "jane");
  EXPECT_EQ(peer.request_count(RouteKind::create_user), 1u);
}

TEST_F(CyclosPeerTest, CreateUserWithoutNameOrWithUnknownGroupIs422) {
  expect_input_error(post("/users", R"({"group":"consumers"})"), "validation", "name");
  expect_input_error(post("/users", R"({"name":"X","group":"pirates"})"), "validation", "group");
  expect_input_error(post("/users", R"({"name":"X"})"), "validation", "group");
  EXPECT_TRUE(peer.users().empty());
}

TEST_F(CyclosPeerTest, CreateUserWithAHouseholdAlreadyHeldIs422OnTheCustomField) {
  peer.add_user("First", "consumers", "H-9");
  PeerResponse r =
      post("/users",
           R"({"name":"Second","group":"consumers","customValues":{"caisse_household":"H-9"}})");
  expect_input_error(r, "validation");
  json::value v = json_of(r.body);
  ASSERT_TRUE(v.as_object().contains("customFieldErrors")) << r.body;
  EXPECT_TRUE(v.at("customFieldErrors").as_object().contains("caisse_household"));
  EXPECT_EQ(v.at("customFields").at(0).as_string(), "caisse_household");
  EXPECT_EQ(peer.users().size(), 1u);
}

TEST_F(CyclosPeerTest, CreateUserRefusesUnknownPropertiesAndFields) {
  expect_input_error(post("/users", R"({"name":"X","group":"consumers","custumValues":{}})"),
                     "validation", "custumValues");
  PeerResponse r = post("/users", R"({"name":"X","group":"consumers","customValues":{"x":"1"}})");
  expect_input_error(r, "validation");
  EXPECT_TRUE(json_of(r.body).at("customFieldErrors").as_object().contains("x"));
  expect_input_error(post("/users", R"({"name":5,"group":"consumers"})"), "dataConversion");
  expect_input_error(post("/users", R"({"name":"X","group":"consumers","username":"ada"})"
                                    R"(})"),
                     "dataConversion");  // trailing garbage
}

TEST_F(CyclosPeerTest, MalformedJsonBodiesAre422DataConversion) {
  for (const char* body : {"{", "not json", "[]", "\"text\"", "{\"name\":\"\xff\"}"}) {
    PeerResponse r = post("/users", body);
    expect_input_error(r, "dataConversion");
  }
  expect_input_error(post("/system/payments", "{\"amount\":"), "dataConversion");
}

// ---------------------------------------------------------------------------------------------
// performPayment

TEST_F(CyclosPeerTest, PerformPaymentCommitsAndAnswers201Transaction) {
  std::string id = peer.add_user("Ada", "consumers", "H-1");
  std::int64_t before = peer.system_balance_minor();
  PeerResponse r =
      pay(id, R"("42.50")",
          R"(,"description":"Allocation 2024-03","customValues":{"caisse_operation":"op-1"})");
  ASSERT_EQ(r.status, 201u) << r.body;
  expect_conforms(r.body, "Transaction");
  json::value v = json_of(r.body);
  EXPECT_EQ(str(v, "amount"), "42.50");
  EXPECT_EQ(str(v, "kind"), "payment");
  EXPECT_EQ(str(v, "description"), "Allocation 2024-03");
  EXPECT_EQ(str(v, "date"), "2024-03-10T12:00:00.000+00:00");
  EXPECT_EQ(str(v.at("type"), "internalName"), "toUser");
  EXPECT_EQ(str(v.at("from"), "kind"), "system");
  EXPECT_EQ(str(v.at("to"), "kind"), "user");
  EXPECT_EQ(str(v.at("to").at("user"), "id"), id);
  EXPECT_EQ(str(v.at("currency"), "symbol"), "MNK");
  EXPECT_EQ(v.at("currency").at("decimalDigits").as_int64(), 2);
  EXPECT_FALSE(v.as_object().contains("customValues"));  // Transaction has none in the spec
  EXPECT_NE(r.header("Location").find("/api/transactions/" + str(v, "id")), std::string::npos);

  EXPECT_EQ(peer.system_balance_minor(), before - 4250);
  EXPECT_EQ(peer.user_balance_minor(id), 4250);
  EXPECT_EQ(peer.payments_with_operation("op-1"), 1u);
  auto transfers = peer.transfers();
  ASSERT_EQ(transfers.size(), 1u);
  const Transfer& t = transfers[0];
  EXPECT_EQ(t.transaction_id, str(v, "id"));
  EXPECT_NE(t.id, t.transaction_id);  // a transfer is not its transaction
  EXPECT_EQ(t.transaction_number, str(v, "transactionNumber"));
  EXPECT_EQ(t.amount_minor, 4250);
  EXPECT_EQ(t.type, "debit.toUser");
}

TEST_F(CyclosPeerTest, PerformPaymentReadsJsonNumberAmountsExactly) {
  std::string id = peer.add_user("Ada", "consumers");
  ASSERT_EQ(pay(id, "12.5").status, 201u);
  ASSERT_EQ(pay(id, "100").status, 201u);
  ASSERT_EQ(pay(id, "0.07").status, 201u);  // 0.07 is not exact in binary floating point
  ASSERT_EQ(pay(id, "19.990").status, 201u);
  auto transfers = peer.transfers();
  EXPECT_EQ(transfers[0].amount_minor, 1250);
  EXPECT_EQ(transfers[1].amount_minor, 10000);
  EXPECT_EQ(transfers[2].amount_minor, 7);
  EXPECT_EQ(transfers[3].amount_minor, 1999);
}

TEST_F(CyclosPeerTest, PerformPaymentWithoutTypeUsesTheOnlyPossibleOne) {
  std::string id = peer.add_user("Ada", "consumers");
  PeerResponse r = post("/system/payments", R"({"amount":"1.00","subject":")" + id + R"("})");
  ASSERT_EQ(r.status, 201u) << r.body;
  EXPECT_EQ(peer.transfers().at(0).type, "debit.toUser");
}

TEST_F(CyclosPeerTest, PerformPaymentToUnknownSubjectIs404OnUser) {
  PeerResponse r = pay("999999", R"("1.00")");
  EXPECT_EQ(r.status, 404u);
  expect_conforms(r.body, "NotFoundError");
  EXPECT_EQ(str(json_of(r.body), "entityType"), "User");
  EXPECT_EQ(str(json_of(r.body), "key"), "999999");
  EXPECT_TRUE(peer.transfers().empty());
}

TEST_F(CyclosPeerTest, PerformPaymentRefusesInvalidAmounts) {
  std::string id = peer.add_user("Ada", "consumers");
  expect_input_error(pay(id, R"("0")"), "validation", "amount");
  expect_input_error(pay(id, R"("-5.00")"), "validation", "amount");
  expect_input_error(pay(id, "-1"), "validation", "amount");
  expect_input_error(pay(id, R"("1.005")"), "validation", "amount");
  expect_input_error(pay(id, R"("99999999999999999999")"), "validation", "amount");
  expect_input_error(pay(id, R"("")"), "validation", "amount");
  expect_input_error(pay(id, "null"), "validation", "amount");
  // Not a number at all: the conversion fails before validation.
  for (const char* amount : {R"("abc")", R"("1,50")", R"("1e2")", "1e2", "true", R"(["1"])"}) {
    PeerResponse r = pay(id, amount);
    expect_input_error(r, "dataConversion");
  }
  EXPECT_TRUE(peer.transfers().empty());
}

TEST_F(CyclosPeerTest, PerformPaymentRefusesUnknownTypeCurrencyAndCustomField) {
  std::string id = peer.add_user("Ada", "consumers");
  PeerResponse r =
      post("/system/payments", R"({"amount":"1","subject":")" + id + R"(","type":"debit.toPro"})");
  expect_input_error(r, "validation", "type");
  // The purchase type exists but does not leave the system account.
  expect_input_error(
      post("/system/payments", R"({"amount":"1","subject":")" + id + R"(","type":"user.toPro"})"),
      "validation", "type");
  expect_input_error(pay(id, R"("1")", R"(,"currency":"EUR")"), "validation", "currency");
  r = pay(id, R"("1")", R"(,"customValues":{"caisse_operaton":"op"})");
  expect_input_error(r, "validation");
  EXPECT_TRUE(json_of(r.body).at("customFieldErrors").as_object().contains("caisse_operaton"));
  expect_input_error(pay(id, R"("1")", R"(,"customValues":{"caisse_operation":7})"),
                     "dataConversion");
  expect_input_error(pay(id, R"("1")", R"(,"memo":"x")"), "validation", "memo");
  expect_input_error(post("/system/payments", R"({"amount":"1"})"), "validation", "subject");
  EXPECT_TRUE(peer.transfers().empty());
}

TEST_F(CyclosPeerTest, PerformPaymentToADisabledUserIs422) {
  std::string id = peer.add_user("Ada", "consumers");
  peer.set_user_status(id, "disabled");
  expect_input_error(pay(id, R"("1")"), "validation", "subject");
  peer.set_user_status(id, "blocked");  // blocked users still receive
  EXPECT_EQ(pay(id, R"("1")").status, 201u);
}

TEST_F(CyclosPeerTest, InsufficientSystemBalanceIs500PaymentError) {
  CyclosPeerOptions o = test_options();
  o.system_balance_minor = 1000;
  CyclosPeer small(o);
  std::string id = small.add_user("Ada", "consumers");
  auto pay_small = [&](const char* amount) {
    return small.handle(
        {"POST",
         "/api/system/payments",
         {{"Access-Client-Token", "token-123"}},
         R"({"amount":")" + std::string(amount) + R"(","subject":")" + id + R"("})"});
  };
  EXPECT_EQ(pay_small("6.00").status, 201u);
  PeerResponse r = pay_small("4.01");
  EXPECT_EQ(r.status, 500u) << r.body;
  expect_conforms(r.body, "PaymentError");
  json::value v = json_of(r.body);
  EXPECT_EQ(str(v, "code"), "insufficientBalance");
  EXPECT_EQ(str(v, "kind"), "payment");
  EXPECT_FALSE(str(v, "exceptionType").empty());
  EXPECT_EQ(small.system_balance_minor(), 400);
  EXPECT_EQ(pay_small("4.00").status, 201u);
  EXPECT_EQ(small.system_balance_minor(), 0);
}

TEST_F(CyclosPeerTest, ScheduledPaymentsAreNotEmulatedLoudly) {
  std::string id = peer.add_user("Ada", "consumers");
  EXPECT_EQ(pay(id, R"("1")", R"(,"scheduling":"recurring")").status, 500u);
  EXPECT_EQ(pay(id, R"("1")", R"(,"scheduling":"direct")").status, 201u);
  expect_input_error(pay(id, R"("1")", R"(,"scheduling":"someday")"), "dataConversion");
}

// ---------------------------------------------------------------------------------------------
// searchTransfers

class CyclosPeerTransfersTest : public CyclosPeerTest {
 protected:
  void SetUp() override {
    household = peer.add_user("Ada", "consumers", "H-1");
    merchant = peer.add_user("Shop", "merchants");
    other = peer.add_user("Bea", "consumers", "H-2");
    peer.set_now("2024-01-31T23:59:59Z");
    EXPECT_EQ(
        pay(household, R"("10.00")", R"(,"customValues":{"caisse_operation":"jan-H-1"})").status,
        201u);
    peer.set_now("2024-02-01T00:00:00Z");
    EXPECT_EQ(
        pay(household, R"("20.00")", R"(,"customValues":{"caisse_operation":"feb-H-1"})").status,
        201u);
    EXPECT_EQ(pay(other, R"("30.00")", R"(,"customValues":{"caisse_operation":"feb-H-2"})").status,
              201u);
    peer.add_member_payment(household, merchant, 550, "2024-02-15T10:30:00+01:00");
    peer.set_now("2024-03-01T08:00:00Z");
    EXPECT_EQ(pay(household, R"("40.00")").status, 201u);
  }
  std::vector<std::string> amounts(const std::string& query) {
    PeerResponse r = get("/transfers" + query);
    EXPECT_EQ(r.status, 200u) << query << " " << r.body;
    std::vector<std::string> out;
    json::value v = json_of(r.body);
    if (!v.is_array()) return out;
    for (const auto& t : v.as_array()) out.push_back(str(t, "amount"));
    return out;
  }
  using List = std::vector<std::string>;
  std::string household, merchant, other;
};

TEST_F(CyclosPeerTransfersTest, AnswersTransferResultsNewestFirst) {
  PeerResponse r = get("/transfers");
  ASSERT_EQ(r.status, 200u);
  expect_conforms(r.body, "TransferResult[]");
  json::value v = json_of(r.body);
  ASSERT_EQ(v.as_array().size(), 5u);
  EXPECT_EQ(str(v.at(0), "amount"), "40.00");
  const json::value& feb = v.at(1);  // the purchase, 2024-02-15T09:30Z
  EXPECT_EQ(str(feb, "amount"), "5.50");
  EXPECT_EQ(str(feb, "date"), "2024-02-15T09:30:00.000+00:00");
  EXPECT_EQ(str(feb.at("type"), "internalName"), "toPro");
  EXPECT_EQ(str(feb.at("from").at("user"), "id"), household);
  EXPECT_EQ(str(feb.at("to").at("user"), "id"), merchant);
  // Two payments at the same instant: the later commit first.
  EXPECT_EQ(str(v.at(2).at("customValues"), "caisse_operation"), "feb-H-2");
  EXPECT_EQ(str(v.at(3).at("customValues"), "caisse_operation"), "feb-H-1");
  EXPECT_EQ(str(v.at(3), "kind"), "payment");
  EXPECT_FALSE(v.at(3).as_object().contains("description"));  // not in TransferResult
  EXPECT_EQ(r.header("X-Total-Count"), "5");
}

TEST_F(CyclosPeerTransfersTest, FiltersByDatePeriod) {
  // Lower bound only, inclusive.
  EXPECT_EQ(amounts("?datePeriod=2024-02-01T00:00:00Z&orderBy=dateAsc"),
            (List{"20.00", "30.00", "5.50", "40.00"}));
  // Upper bound only: a leading comma.
  EXPECT_EQ(amounts("?datePeriod=,2024-01-31T23:59:59Z"), (List{"10.00"}));
  // Both bounds; a date-only upper bound covers its whole day.
  EXPECT_EQ(amounts("?datePeriod=2024-02-01,2024-02-29&orderBy=dateAsc"),
            (List{"20.00", "30.00", "5.50"}));
  // Offsets are honoured: 2024-02-01T00:30+01:00 is 2024-01-31T23:30Z.
  EXPECT_EQ(amounts("?datePeriod=2024-02-01T00:30:00%2B01:00,2024-02-01T00:30:00%2B01:00"),
            (List{}));
  EXPECT_EQ(amounts("?datePeriod=2024-01-31T23:30:00Z,2024-02-01T01:00:00%2B01:00&orderBy=dateAsc"),
            (List{"10.00", "20.00", "30.00"}));
  // Repeated parameters are the same array.
  EXPECT_EQ(amounts("?datePeriod=2024-02-10&datePeriod=2024-02-20"), (List{"5.50"}));
  expect_input_error(get("/transfers?datePeriod=yesterday"), "dataConversion");
  expect_input_error(get("/transfers?datePeriod=2024-02-30"), "dataConversion");
  expect_input_error(get("/transfers?datePeriod=2024-01-01,2024-02-01,2024-03-01"),
                     "dataConversion");
}

TEST_F(CyclosPeerTransfersTest, FiltersByOperationCustomField) {
  PeerResponse r = get("/transfers?customFields=caisse_operation:feb-H-1");
  json::value v = json_of(r.body);
  ASSERT_EQ(v.as_array().size(), 1u);
  EXPECT_EQ(str(v.at(0), "amount"), "20.00");
  EXPECT_EQ(r.header("X-Total-Count"), "1");
  EXPECT_EQ(amounts("?customFields=caisse_operation:jan-H-1|feb-H-2&orderBy=dateAsc"),
            (List{"10.00", "30.00"}));
  EXPECT_EQ(amounts("?customFields=caisse_operation:mar-H-1"), (List{}));
  expect_input_error(get("/transfers?customFields=operation:x"), "validation", "customFields");
}

TEST_F(CyclosPeerTransfersTest, FiltersByKindTypeAndUser) {
  EXPECT_EQ(amounts("?transferTypes=user.toPro"), (List{"5.50"}));
  EXPECT_EQ(amounts("?transferTypes=debit.toUser&user=" + other), (List{"30.00"}));
  EXPECT_EQ(amounts("?kinds=payment").size(), 5u);
  EXPECT_EQ(amounts("?kinds=import").size(), 0u);
  EXPECT_EQ(amounts("?user=" + merchant), (List{"5.50"}));
  expect_input_error(get("/transfers?kinds=gift"), "dataConversion");
  EXPECT_EQ(get("/transfers?transferTypes=toUser").status, 404u);  // not qualified
  EXPECT_EQ(str(json_of(get("/transfers?user=nobody").body), "entityType"), "User");
}

TEST_F(CyclosPeerTransfersTest, OrdersAndPages) {
  EXPECT_EQ(amounts("?orderBy=amountAsc"), (List{"5.50", "10.00", "20.00", "30.00", "40.00"}));
  EXPECT_EQ(amounts("?orderBy=amountDesc&pageSize=2&page=1"), (List{"20.00", "10.00"}));
  PeerResponse r = get("/transfers?orderBy=dateAsc&pageSize=2&page=2");
  EXPECT_EQ(r.header("X-Current-Page"), "2");
  EXPECT_EQ(r.header("X-Has-Next-Page"), "false");
  EXPECT_EQ(r.header("X-Total-Count"), "5");
  EXPECT_EQ(json_of(r.body).as_array().size(), 1u);
  // Same instant: commit order, reversed when descending.
  EXPECT_EQ(amounts("?datePeriod=2024-02-01T00:00:00Z,2024-02-01T00:00:00Z"),
            (List{"30.00", "20.00"}));
  expect_input_error(get("/transfers?orderBy=random"), "dataConversion");
}

// ---------------------------------------------------------------------------------------------
// getUserStatus / changeUserStatus

TEST_F(CyclosPeerTest, ChangeUserStatusAnswers204AndGetShowsItWithHistory) {
  std::string id = peer.add_user("Ada", "consumers");
  PeerResponse r =
      post("/" + id + "/status", R"({"status":"blocked","comment":"left the caisse"})");
  EXPECT_EQ(r.status, 204u) << r.body;
  EXPECT_TRUE(r.body.empty());
  EXPECT_EQ(peer.user_status(id), "blocked");
  r = get("/" + id + "/status");
  ASSERT_EQ(r.status, 200u);
  expect_conforms(r.body, "UserStatusData");
  json::value v = json_of(r.body);
  EXPECT_EQ(str(v, "status"), "blocked");
  EXPECT_EQ(str(v.at("user"), "id"), id);
  ASSERT_EQ(v.at("history").as_array().size(), 2u);
  EXPECT_EQ(str(v.at("history").at(0), "comment"), "left the caisse");
  EXPECT_FALSE(v.at("history").at(0).at("period").as_object().contains("end"));
  EXPECT_TRUE(v.at("history").at(1).at("period").as_object().contains("end"));
  bool active_possible = false;
  for (const auto& s : v.at("possibleNewStatuses").as_array()) active_possible |= s == "active";
  EXPECT_TRUE(active_possible);
}

TEST_F(CyclosPeerTest, ChangeUserStatusRefusesWhatTheSpecForbids) {
  std::string id = peer.add_user("Ada", "consumers");
  expect_input_error(post("/" + id + "/status", R"({"status":"pending"})"), "validation", "status");
  expect_input_error(post("/" + id + "/status", R"({"status":"asleep"})"), "dataConversion");
  expect_input_error(post("/" + id + "/status", R"({"comment":"x"})"), "validation", "status");
  expect_input_error(post("/" + id + "/status", R"({"status":"active"})"), "validation", "status");
  ASSERT_EQ(post("/" + id + "/status", R"({"status":"removed"})").status, 204u);
  expect_input_error(post("/" + id + "/status", R"({"status":"active"})"), "validation", "status");
  EXPECT_EQ(post("/999/status", R"({"status":"active"})").status, 404u);
  EXPECT_EQ(post("/self/status", R"({"status":"active"})").status, 404u);
}

// ---------------------------------------------------------------------------------------------
// getGroupMembershipData / changeGroupMembership

TEST_F(CyclosPeerTest, ChangeGroupMembershipAnswers204AndGetShowsIt) {
  std::string id = peer.add_user("Shop", "merchants");
  PeerResponse r =
      post("/" + id + "/group", R"({"group":"merchants_suspended","comment":"audit"})");
  EXPECT_EQ(r.status, 204u) << r.body;
  EXPECT_EQ(peer.user_group(id), "merchants_suspended");
  r = get("/" + id + "/group");
  ASSERT_EQ(r.status, 200u);
  expect_conforms(r.body, "GroupMembershipData");
  json::value v = json_of(r.body);
  EXPECT_EQ(str(v.at("group"), "internalName"), "merchants_suspended");
  EXPECT_EQ(str(v.at("group"), "kind"), "memberGroup");
  EXPECT_EQ(v.at("history").as_array().size(), 2u);
  EXPECT_EQ(v.at("possibleNewGroups").as_array().size(), 2u);
}

TEST_F(CyclosPeerTest, ChangeGroupMembershipToAnUnknownGroupIs422) {
  std::string id = peer.add_user("Shop", "merchants");
  expect_input_error(post("/" + id + "/group", R"({"group":"pirates"})"), "validation", "group");
  expect_input_error(post("/" + id + "/group", R"({"group":"merchants"})"), "validation", "group");
  expect_input_error(post("/" + id + "/group", R"({})"), "validation", "group");
  EXPECT_EQ(peer.user_group(id), "merchants");
}

// ---------------------------------------------------------------------------------------------
// Test-side API and test routes

TEST_F(CyclosPeerTest, RequestCountsArePerOperation) {
  std::string id = peer.add_user("Ada", "consumers");
  get("/users");
  get("/users");
  pay(id, R"("1")");
  call("GET", "/transfers", {}, {});  // refused, still counted
  EXPECT_EQ(peer.request_count(RouteKind::search_users), 2u);
  EXPECT_EQ(peer.request_count(RouteKind::perform_payment), 1u);
  EXPECT_EQ(peer.request_count(RouteKind::search_transfers), 1u);
  EXPECT_EQ(peer.request_count(RouteKind::any), 4u);
}

TEST_F(CyclosPeerTest, TestRoutesSeedAndDump) {
  PeerResponse r = peer.handle_test_route(
      {"POST",
       "/_peer/users",
       {},
       R"({"name":"Ada","group":"consumers","household":"H-1","username":"ada"})"});
  ASSERT_EQ(r.status, 201u) << r.body;
  std::string ada = str(json_of(r.body), "id");
  r = peer.handle_test_route(
      {"POST", "/_peer/users", {}, R"({"name":"Shop","group":"merchants"})"});
  std::string shop = str(json_of(r.body), "id");
  r = peer.handle_test_route(
      {"POST",
       "/_peer/member-payments",
       {},
       R"({"from":")" + ada + R"(","to":")" + shop + R"(","amount":"3.20","date":"2024-02-02"})"});
  ASSERT_EQ(r.status, 201u) << r.body;
  EXPECT_EQ(
      peer.handle_test_route({"POST", "/_peer/users", {}, R"({"name":"X","group":"nope"})"}).status,
      400u);
  json::value dump = json_of(peer.handle_test_route({"GET", "/_peer/transfers", {}, ""}).body);
  ASSERT_EQ(dump.as_array().size(), 1u);
  EXPECT_EQ(str(dump.at(0), "amount"), "3.20");
  EXPECT_EQ(dump.at(0).at("amountMinor").as_int64(), 320);
  EXPECT_EQ(str(dump.at(0), "from"), ada);
  EXPECT_EQ(str(dump.at(0), "type"), "user.toPro");
  EXPECT_EQ(str(json_of(get("/users/ada").body), "id"), ada);
  EXPECT_EQ(peer.handle_test_route({"GET", "/_peer/nothing", {}, ""}).status, 404u);
}

TEST(CyclosPeerText, AmountsAreParsedAndFormattedWithoutFloatingPoint) {
  using detail::parse_amount;
  EXPECT_EQ(parse_amount("12.5", 2).minor, 1250);
  EXPECT_EQ(parse_amount("0.07", 2).minor, 7);
  EXPECT_EQ(parse_amount("92233720368547758.07", 2).minor, 9223372036854775807);
  EXPECT_EQ(parse_amount("92233720368547758.08", 2).problem, detail::AmountProblem::too_large);
  EXPECT_EQ(parse_amount("1.234", 2).problem, detail::AmountProblem::too_many_decimals);
  EXPECT_EQ(parse_amount(".5", 2).problem, detail::AmountProblem::not_a_number);
  EXPECT_EQ(parse_amount("5.", 2).problem, detail::AmountProblem::not_a_number);
  EXPECT_EQ(detail::format_amount(1250, 2), "12.50");
  EXPECT_EQ(detail::format_amount(5, 2), "0.05");
  EXPECT_EQ(detail::format_amount(-5, 2), "-0.05");
  EXPECT_EQ(detail::format_amount(7, 0), "7");
  EXPECT_EQ(detail::format_instant(*detail::parse_instant("2024-02-29T23:59:59.999-01:30")),
            "2024-03-01T01:29:59.999+00:00");
  EXPECT_FALSE(detail::parse_instant("2023-02-29"));
}

}  // namespace
}  // namespace caisse::testing::cyclos
