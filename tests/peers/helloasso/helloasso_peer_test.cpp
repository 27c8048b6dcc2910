// The HelloAsso peer as the adapter sees it, over a real socket: OAuth2 client credentials,
// the bare 401 of the spec, payments and orders in the spec's shapes, and listings paged with
// continuation tokens. Every test ends by asserting the peer found nothing off-spec in its own
// answers.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <cstdint>
#include <string>

#include "helloasso_peer.hpp"
#include "helloasso_peer_server.hpp"
#include "net/http_client.hpp"

namespace caisse::testing::helloasso {
namespace {

namespace net = host::net;

class HelloAssoPeerTest : public ::testing::Test {
 protected:
  HelloAssoPeerTest() : peer_(options()), server_(peer_) {}

  HelloAssoPeerOptions options() {
    HelloAssoPeerOptions out;
    out.spec_file = HelloAssoPeer::spec_file_if_present(HELLOASSO_OPENAPI_SPEC);
    out.now_ms = [this] { return clock_ms_; };
    return out;
  }

  void TearDown() override { EXPECT_EQ(peer_.spec_violations(), std::vector<std::string>{}); }

  net::HttpResponse send(std::string method, std::string target, net::HttpHeaders headers = {},
                         std::optional<std::string> body = std::nullopt) {
    static const auto client = net::HttpClient::create(std::nullopt);
    const std::string port = std::to_string(server_.port());
    const net::HttpPeer where{false, "127.0.0.1", port, "127.0.0.1:" + port, server_.url()};
    auto answer = client->send(
        where, {std::move(method), std::move(target), std::move(headers), std::move(body)}, {});
    if (!answer) throw std::runtime_error(answer.error().message);
    return std::move(answer.value());
  }

  net::HttpResponse token_answer(const std::string& secret) {
    return send("POST", "/oauth2/token", {{"Content-Type", "application/x-www-form-urlencoded"}},
                "grant_type=client_credentials&client_id=caisse-client-id&client_secret=" + secret);
  }

  std::string token() {
    const auto answer = token_answer("caisse-client-secret");
    return std::string(boost::json::parse(answer.body).at("access_token").as_string());
  }

  boost::json::value get(const std::string& target, const std::string& bearer) {
    const auto answer = send("GET", target, {{"Authorization", "Bearer " + bearer}});
    EXPECT_EQ(answer.status, 200u) << target;
    return boost::json::parse(answer.body);
  }

  static PeerPayment payment(std::int64_t cents, std::string date) {
    PeerPayment out;
    out.amount = cents;
    out.date = std::move(date);
    return out;
  }

  std::int64_t clock_ms_ = 1'793'000'000'000;
  HelloAssoPeer peer_;
  HelloAssoPeerServer server_;
};

// Every other test here checks the peer's answers against the spec only when the file is there.
TEST_F(HelloAssoPeerTest, SpecFileIsReadable) {
  if (!peer_.spec_checked()) {
    GTEST_SKIP() << "no spec at " << HELLOASSO_OPENAPI_SPEC << ": answers are not checked";
  }
  SUCCEED();
}

TEST_F(HelloAssoPeerTest, ClientCredentialsGiveABearerTokenForTheConfiguredLifetime) {
  const auto answer = token_answer("caisse-client-secret");
  ASSERT_EQ(answer.status, 200u);
  const auto body = boost::json::parse(answer.body).as_object();
  EXPECT_EQ(body.at("token_type").as_string(), "bearer");
  EXPECT_EQ(body.at("expires_in").as_int64(), 1800);
  EXPECT_FALSE(body.at("access_token").as_string().empty());
  EXPECT_EQ(answer.header("Cache-Control"), "no-store");
  EXPECT_EQ(peer_.tokens_issued(), 1u);
}

TEST_F(HelloAssoPeerTest, AWrongSecretIsAnOAuthInvalidClient) {
  const auto answer = token_answer("guessed");
  EXPECT_EQ(answer.status, 400u);
  EXPECT_EQ(boost::json::parse(answer.body).at("error").as_string(), "invalid_client");
  EXPECT_EQ(peer_.tokens_issued(), 0u);
}

TEST_F(HelloAssoPeerTest, WithoutAValidTokenTheAnswerIsTheSpecsBare401) {
  const auto id = peer_.add_payment(payment(2000, "2026-11-05T10:00:00+01:00"));
  for (const std::string& authorization : {std::string(), std::string("Bearer forged")}) {
    net::HttpHeaders headers;
    if (!authorization.empty()) headers.emplace_back("Authorization", authorization);
    const auto answer = send("GET", "/v5/payments/" + std::to_string(id), headers);
    EXPECT_EQ(answer.status, 401u);
    EXPECT_EQ(answer.body, "");
    EXPECT_EQ(answer.header("WWW-Authenticate"), "Bearer");
  }
}

TEST_F(HelloAssoPeerTest, ATokenStopsWorkingWhenItExpiresOrIsRevoked) {
  const auto id = std::to_string(peer_.add_payment(payment(2000, "2026-11-05T10:00:00+01:00")));
  std::string bearer = token();
  clock_ms_ += 1800 * 1000;
  EXPECT_EQ(send("GET", "/v5/payments/" + id, {{"Authorization", "Bearer " + bearer}}).status,
            401u);
  bearer = token();
  EXPECT_EQ(send("GET", "/v5/payments/" + id, {{"Authorization", "Bearer " + bearer}}).status,
            200u);
  peer_.revoke_tokens();
  EXPECT_EQ(send("GET", "/v5/payments/" + id, {{"Authorization", "Bearer " + bearer}}).status,
            401u);
}

TEST_F(HelloAssoPeerTest, APaymentIsServedInCentsWithItsStateAndOrder) {
  PeerPayment added = payment(1550, "2026-11-05T10:00:00+01:00");
  added.state = "Refused";
  const auto id = peer_.add_payment(added);
  const auto body = get("/v5/payments/" + std::to_string(id), token()).as_object();
  EXPECT_EQ(body.at("id").as_int64(), id);
  EXPECT_EQ(body.at("amount").as_int64(), 1550);
  EXPECT_EQ(body.at("state").as_string(), "Refused");
  EXPECT_EQ(body.at("date").as_string(), "2026-11-05T10:00:00+01:00");
  EXPECT_GT(body.at("order").at("id").as_int64(), 0);
}

TEST_F(HelloAssoPeerTest, AnUnknownPaymentIs404) {
  const auto answer = send("GET", "/v5/payments/999", {{"Authorization", "Bearer " + token()}});
  EXPECT_EQ(answer.status, 404u);
}

TEST_F(HelloAssoPeerTest, TheOrderCarriesTheCustomFieldsAnsweredAtCheckout) {
  PeerPayment added = payment(2000, "2026-11-05T10:00:00+01:00");
  added.custom_fields["Numero de foyer"] = "H-12";
  const auto id = peer_.add_payment(added);
  const std::string bearer = token();
  const auto order_id = get("/v5/payments/" + std::to_string(id), bearer).at("order").at("id");
  const auto order = get("/v5/orders/" + std::to_string(order_id.as_int64()), bearer);
  const auto& field = order.at("items").at(0).at("customFields").at(0);
  EXPECT_EQ(field.at("name").as_string(), "Numero de foyer");
  EXPECT_EQ(field.at("answer").as_string(), "H-12");
  EXPECT_EQ(order.at("payments").at(0).at("id").as_int64(), id);
}

TEST_F(HelloAssoPeerTest, AListingIsPagedWithContinuationTokensWithinFromAndTo) {
  // Five payments in November (one each day from the 2nd), one on each side of it.
  peer_.add_payment(payment(100, "2026-10-31T23:59:59+00:00"));
  peer_.add_payment(payment(100, "2026-12-01T00:00:00+00:00"));
  std::vector<std::int64_t> november;
  for (int day = 2; day <= 6; ++day) {
    november.push_back(peer_.add_payment(
        payment(1000 + day, "2026-11-0" + std::to_string(day) + "T12:00:00+01:00")));
  }
  const std::string bearer = token();
  const std::string query =
      "/v5/organizations/caisse-alimentaire-nantes-ouest/payments?"
      "from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&pageSize=2";
  std::vector<std::int64_t> seen;
  std::vector<std::size_t> sizes;
  std::string continuation;
  for (int page = 1; page <= 4; ++page) {
    const auto body = get(query + continuation, bearer);
    const auto& pagination = body.at("pagination");
    EXPECT_EQ(pagination.at("totalCount").as_int64(), 5);
    EXPECT_EQ(pagination.at("totalPages").as_int64(), 3);
    EXPECT_EQ(pagination.at("pageIndex").as_int64(), page);
    sizes.push_back(body.at("data").as_array().size());
    for (const auto& item : body.at("data").as_array()) seen.push_back(item.at("id").as_int64());
    continuation =
        "&continuationToken=" + std::string(pagination.at("continuationToken").as_string());
  }
  // Newest first, the default order; past the last page, an empty one.
  EXPECT_EQ(sizes, (std::vector<std::size_t>{2, 2, 1, 0}));
  EXPECT_EQ(seen, std::vector<std::int64_t>(november.rbegin(), november.rend()));
}

TEST_F(HelloAssoPeerTest, AnotherOrganizationIs403) {
  const auto answer = send("GET", "/v5/organizations/someone-else/payments",
                           {{"Authorization", "Bearer " + token()}});
  EXPECT_EQ(answer.status, 403u);
  EXPECT_EQ(answer.body, "");
}

TEST_F(HelloAssoPeerTest, AMistypedFieldFaultChangesOnlyThatField) {
  const auto id = std::to_string(peer_.add_payment(payment(2000, "2026-11-05T10:00:00+01:00")));
  const std::string bearer = token();
  server_.fail_next(Route::payment, Fault::mistyped_field, 1, "amount");
  const auto body = get("/v5/payments/" + id, bearer);
  EXPECT_EQ(body.at("amount").as_string(), "12,345");
  EXPECT_EQ(body.at("state").as_string(), "Authorized");
  EXPECT_EQ(get("/v5/payments/" + id, bearer).at("amount").as_int64(), 2000);
  EXPECT_EQ(server_.faults_injected(), 1u);
}

TEST_F(HelloAssoPeerTest, ANotificationIsThePaymentWrappedAsHelloAssoPostsIt) {
  const auto id = peer_.add_payment(payment(2000, "2026-11-05T10:00:00+01:00"));
  const auto body = boost::json::parse(peer_.notification(id, "Authorized"));
  EXPECT_EQ(body.at("eventType").as_string(), "Payment");
  EXPECT_EQ(body.at("data").at("id").as_int64(), id);
  EXPECT_TRUE(body.at("metadata").is_object());
}

TEST_F(HelloAssoPeerTest, ScriptsAddPaymentsThroughTheTestRoutes) {
  const auto added = send("POST", "/_peer/payments", {{"Content-Type", "application/json"}},
                          R"({"amount": 2500, "date": "2026-11-05T10:00:00+01:00",
                              "state": "WaitingBankValidation"})");
  ASSERT_EQ(added.status, 201u) << added.body;
  const auto id = boost::json::parse(added.body).at("id").as_int64();
  EXPECT_EQ(get("/v5/payments/" + std::to_string(id), token()).at("state").as_string(),
            "WaitingBankValidation");
}

}  // namespace
}  // namespace caisse::testing::helloasso
