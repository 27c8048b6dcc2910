// The spec checker the HelloAsso peer holds its answers to: each kind of deviation it must see,
// on payments written by hand from the spec's Payment schema, and what it must let through.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <functional>
#include <optional>

#include "openapi_json.hpp"

namespace caisse::testing::helloasso::spec {
namespace {

constexpr const char* kPayment = "HelloAsso.Api.V5.Common.Models.Statistics.Payment";

class OpenApiJsonTest : public ::testing::Test {
 protected:
  void SetUp() override {
    spec_ = OpenApiJson::load(HELLOASSO_OPENAPI_SPEC);
    if (!spec_) GTEST_SKIP() << "no spec at " << HELLOASSO_OPENAPI_SPEC;
  }

  // A payment as the HelloAsso documentation shows one (amounts in cents).
  static boost::json::value payment() {
    return boost::json::parse(R"({
      "order": {"id": 81000, "date": "2026-11-05T10:00:00+01:00", "formSlug": "cotisation",
                "formType": "Membership", "organizationSlug": "caisse",
                "organizationIsUnderColucheLaw": false},
      "payer": {"email": "payer@example.org", "firstName": null},
      "id": 41000, "amount": 2000, "date": "2026-11-05T10:00:00.9481975+01:00",
      "paymentMeans": "Card", "state": "Authorized", "installmentNumber": null,
      "refundOperations": []})");
  }

  // The problems the checker finds in payment() once `change` has been made to it.
  std::vector<std::string> problems_after(
      const std::function<void(boost::json::object&)>& change) const {
    auto value = payment();
    change(value.as_object());
    return spec_->check(value, kPayment);
  }

  std::optional<OpenApiJson> spec_;
};

TEST_F(OpenApiJsonTest, SpecFileIsReadable) {
  EXPECT_TRUE(spec_->documents("/payments/{paymentId}", "get", "200"));
  EXPECT_FALSE(spec_->documents("/payments/{paymentId}", "get", "404"));
}

TEST_F(OpenApiJsonTest, APaymentShapedAsTheSpecSaysPasses) {
  EXPECT_EQ(spec_->check(payment(), kPayment), std::vector<std::string>{});
}

TEST_F(OpenApiJsonTest, AStateOutsideTheEnumIsNamedWithItsPlace) {
  EXPECT_EQ(problems_after([](auto& p) { p["state"] = "Paid"; }),
            std::vector<std::string>{"$.state: \"Paid\" is not one of the enum"});
}

TEST_F(OpenApiJsonTest, AnAmountWrittenAsADecimalStringIsNotAnInteger) {
  EXPECT_EQ(problems_after([](auto& p) { p["amount"] = "20.00"; }),
            std::vector<std::string>{"$.amount: \"20.00\" is not of type integer"});
}

TEST_F(OpenApiJsonTest, APropertyTheSchemaDoesNotHaveIsReported) {
  EXPECT_EQ(
      problems_after([](auto& p) { p["order"].as_object()["customFields"] = {}; }),
      std::vector<std::string>{"$.order.customFields: the spec has no property customFields here"});
}

TEST_F(OpenApiJsonTest, NullIsAllowedOnlyWhereTheSpecSaysNullable) {
  EXPECT_EQ(problems_after([](auto& p) {
              p["id"] = nullptr;
              p["order"].as_object()["formSlug"] = nullptr;
            }),
            std::vector<std::string>{"$.id: null where the spec wants a value"});
}

TEST_F(OpenApiJsonTest, DatesAndInt32AreChecked) {
  EXPECT_EQ(problems_after([](auto& p) {
              p["date"] = "05/11/2026";
              p["amount"] = std::int64_t{3'000'000'000};
            }),
            (std::vector<std::string>{"$.amount: not an int32",
                                      "$.date: \"05/11/2026\" is not a date-time"}));
}

TEST_F(OpenApiJsonTest, ItemsOfAListingAreCheckedThroughTheAnswerSchema) {
  boost::json::object page{{"data", boost::json::array{payment(), payment()}},
                           {"pagination", {{"pageSize", 2}, {"continuationToken", "x"}}}};
  page["data"].as_array()[1].as_object()["paymentMeans"] = "Bitcoin";
  const auto problems = spec_->check_answer("/organizations/{organizationSlug}/payments", "get",
                                            "200", boost::json::serialize(page));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0],
            "get /organizations/{organizationSlug}/payments 200: $.data[1].paymentMeans: "
            "\"Bitcoin\" is not one of the enum");
}

TEST_F(OpenApiJsonTest, A401HasNoBodyAndAnUndocumentedStatusIsReported) {
  EXPECT_EQ(spec_->check_answer("/payments/{paymentId}", "get", "401", ""),
            std::vector<std::string>{});
  EXPECT_EQ(spec_->check_answer("/payments/{paymentId}", "get", "401", "{}").size(), 1u);
  EXPECT_EQ(spec_->check_answer("/payments/{paymentId}", "get", "418", ""),
            std::vector<std::string>{"get /payments/{paymentId} 418: not an answer the spec "
                                     "documents"});
}

}  // namespace
}  // namespace caisse::testing::helloasso::spec
