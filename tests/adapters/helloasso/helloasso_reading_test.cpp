// Reading HelloAsso's notifications and payments: the event id a notification gets, each way a
// notification or an answer can be malformed (named by its field), the amounts in cents, and a
// caissed state for every PaymentState of the official spec.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <fstream>
#include <sstream>

#include "notification.hpp"
#include "payment_reading.hpp"

namespace caisse::adapters::helloasso {
namespace {

using ::testing::HasSubstr;

std::string failure_of(const std::function<void()>& run) {
  try {
    run();
  } catch (const sdk::StatusError& e) {
    EXPECT_EQ(e.status(), CAISSE_STATUS_INVALID_ARGUMENT);
    return e.what();
  }
  return "(no failure)";
}

std::string notification_failure(std::string_view body) {
  return failure_of([&] { read_notification(body); });
}

PaymentRead payment_from(std::string_view json) {
  static boost::json::value root;  // outlives the JsonField views while the test reads them
  root = boost::json::parse(json);
  return read_payment(JsonField(root, "GET /v5/payments/41000"));
}

TEST(HelloAssoNotification, ItsEventIdIsTypeIdAndState) {
  const auto n = read_notification(
      R"({"eventType":"Payment","data":{"id":41000,"amount":2000,"state":"Authorized"},
          "metadata":{"household":"H-1"}})");
  EXPECT_EQ(n.event_type, "Payment");
  EXPECT_EQ(n.resource, "41000");
  EXPECT_EQ(n.event_id(), "helloasso:Payment:41000:Authorized");
}

TEST(HelloAssoNotification, WithoutAStateTheEventIdIsTypeAndId) {
  EXPECT_EQ(read_notification(R"({"eventType":"Order","data":{"id":81000}})").event_id(),
            "helloasso:Order:81000");
  EXPECT_EQ(read_notification(R"({"eventType":"Form","data":{"formSlug":"adhesion"}})").event_id(),
            "helloasso:Form:adhesion");
}

TEST(HelloAssoNotification, EachMalformedPartIsNamed) {
  EXPECT_THAT(notification_failure("<html>"), HasSubstr("notification: the body is not JSON"));
  EXPECT_EQ(notification_failure(R"({"data":{"id":1}})"),
            "notification: field eventType is missing");
  EXPECT_EQ(notification_failure(R"({"eventType":"Refund","data":{"id":1}})"),
            "notification: field eventType is \"Refund\", not Payment, Order, Form or "
            "Organization");
  EXPECT_EQ(notification_failure(R"({"eventType":"Payment"})"),
            "notification: field data is missing");
  EXPECT_EQ(notification_failure(R"({"eventType":"Payment","data":[1]})"),
            "notification: field data is not an object");
  EXPECT_EQ(notification_failure(R"({"eventType":"Payment","data":{"id":"41000"}})"),
            "notification: field data.id is not an integer");
  EXPECT_EQ(notification_failure(R"({"eventType":"Payment","data":{"formSlug":"x"}})"),
            "notification: field data.id is missing");
  EXPECT_EQ(notification_failure(R"({"eventType":"Payment","data":{"id":-3}})"),
            "notification: field data.id is not a positive id");
  EXPECT_EQ(notification_failure(R"({"eventType":"Payment","data":{"id":3,"state":7}})"),
            "notification: field data.state is not a string");
}

TEST(HelloAssoPayment, AmountsAreCentsAndTheEventNamesThePaymentAndItsState) {
  const auto read = payment_from(
      R"({"id":41000,"amount":1550,"date":"2026-11-05T10:00:00+01:00","state":"Authorized",
          "order":{"id":81000,"organizationSlug":"caisse"}})");
  EXPECT_EQ(read.event.event_id, "helloasso:41000:Authorized");
  EXPECT_EQ(read.event.payment_ref, "helloasso:41000");
  EXPECT_EQ(read.event.state, sdk::PaymentState::paid);
  EXPECT_EQ(read.event.amount_minor, 1550);  // 15.50 €
  EXPECT_EQ(read.event.currency, "EUR");
  EXPECT_EQ(read.event.reason_code, "");
  EXPECT_EQ(read.event.occurred_at, "2026-11-05T10:00:00+01:00");
  EXPECT_EQ(read.order_id, 81000);
  EXPECT_EQ(read.organization_slug, "caisse");
}

TEST(HelloAssoPayment, AFailedOrRefundedPaymentGivesHelloAssosStateAsTheReason) {
  const auto refused =
      payment_from(R"({"id":1,"amount":100,"date":"2026-11-05T10:00:00Z","state":"Refused"})");
  EXPECT_EQ(refused.event.state, sdk::PaymentState::failed);
  EXPECT_EQ(refused.event.reason_code, "Refused");
  const auto contested =
      payment_from(R"({"id":1,"amount":100,"date":"2026-11-05T10:00:00Z","state":"Contested"})");
  EXPECT_EQ(contested.event.state, sdk::PaymentState::refunded);
  EXPECT_EQ(contested.event.reason_code, "Contested");
  EXPECT_EQ(contested.order_id, 0);
}

TEST(HelloAssoPayment, AMalformedAnswerNamesTheRequestAndTheField) {
  auto failure = [](std::string_view json) { return failure_of([&] { payment_from(json); }); };
  EXPECT_EQ(failure(R"({"id":1,"amount":"20.00","date":"d","state":"Authorized"})"),
            "GET /v5/payments/41000: field amount is not an integer");
  EXPECT_EQ(failure(R"({"id":1,"amount":100,"date":"d","state":"Paid"})"),
            "GET /v5/payments/41000: field state is \"Paid\", not a HelloAsso PaymentState");
  EXPECT_EQ(failure(R"({"id":1,"amount":100,"state":"Authorized"})"),
            "GET /v5/payments/41000: field date is missing");
  EXPECT_EQ(failure(R"({"id":1,"amount":100,"date":"d","state":"Authorized","order":{}})"),
            "GET /v5/payments/41000: field order.id is missing");
}

TEST(HelloAssoPayment, ListItemsAreNamedByTheirIndex) {
  const auto root = boost::json::parse(R"({"data":[{"id":1},{"id":"2"}]})");
  const auto items = JsonField(root, "GET /list")["data"].items();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(failure_of([&] { items[1]["id"].integer(); }),
            "GET /list: field data[1].id is not an integer");
}

// Every value of the spec's PaymentState, read from the official file, has a caissed state; the
// few whose meaning is plain are checked one by one.
TEST(HelloAssoPayment, EveryPaymentStateOfTheSpecIsMapped) {
  std::ifstream in(HELLOASSO_OPENAPI_SPEC);
  if (!in) GTEST_SKIP() << "no spec at " << HELLOASSO_OPENAPI_SPEC;
  std::stringstream text;
  text << in.rdbuf();
  const auto spec = boost::json::parse(text.str());
  const auto& states = spec.at("components")
                           .at("schemas")
                           .at("HelloAsso.Api.V5.Common.Models.Enums.PaymentState")
                           .at("enum")
                           .as_array();
  EXPECT_GE(states.size(), 20u);
  std::map<std::string, sdk::PaymentState> mapped;
  for (const auto& state : states) {
    const boost::json::value value = state;
    EXPECT_NO_THROW(mapped[std::string(state.as_string())] = state_of(JsonField(value, "spec")))
        << state;
  }
  EXPECT_EQ(mapped.at("Authorized"), sdk::PaymentState::paid);
  EXPECT_EQ(mapped.at("Refused"), sdk::PaymentState::failed);
  EXPECT_EQ(mapped.at("Refunded"), sdk::PaymentState::refunded);
  EXPECT_EQ(mapped.at("WaitingBankValidation"), sdk::PaymentState::pending);
  EXPECT_EQ(mapped.at("Registered"), sdk::PaymentState::pending);
}

}  // namespace
}  // namespace caisse::adapters::helloasso
