// caisse/sdk.hpp driven in-process through its C descriptor, against a minimal fake host table:
// what the wrapper promises plugin authors (roles deduced, exceptions become statuses with
// their message, result strings outlive the hook).
#include <gtest/gtest.h>
#include <caisse/sdk.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

// This test's own host side of the opaque handle (the real one lives in caisse_plugins, which
// this test does not link).
struct caisse_host_context {
  std::string error;
  std::optional<std::int64_t> amount_per_person;
  caisse_status_t kv_status = CAISSE_STATUS_OK;
  // What fake_http_send saw and how it answers.
  std::string http_method, http_url, http_headers, http_body;
  caisse_status_t http_status = CAISSE_STATUS_OK;
};

namespace caisse::sdk {
namespace {

std::string_view view(caisse_str_t text) {
  return {text.data, text.len};
}

void fake_log(caisse_host_context_t*, caisse_log_level_t, caisse_str_t) {}
void fake_set_error(caisse_host_context_t* ctx, caisse_str_t message) {
  ctx->error = view(message);
}
int64_t fake_now(caisse_host_context_t*) {
  return 0;
}
caisse_status_t fake_get_string(caisse_host_context_t*, caisse_str_t, caisse_str_t*) {
  return CAISSE_STATUS_INVALID_ARGUMENT;
}
caisse_status_t fake_get_int(caisse_host_context_t* ctx, caisse_str_t key, int64_t* value) {
  if (view(key) != "amount_per_person") return CAISSE_STATUS_INVALID_ARGUMENT;
  if (!ctx->amount_per_person) return CAISSE_STATUS_NOT_FOUND;
  *value = *ctx->amount_per_person;
  return CAISSE_STATUS_OK;
}
caisse_status_t fake_get_bool(caisse_host_context_t*, caisse_str_t, bool*) {
  return CAISSE_STATUS_INVALID_ARGUMENT;
}
caisse_status_t fake_kv_get(caisse_host_context_t* ctx, caisse_str_t, caisse_str_t*) {
  return ctx->kv_status == CAISSE_STATUS_OK ? CAISSE_STATUS_NOT_FOUND : ctx->kv_status;
}
caisse_status_t fake_kv_put(caisse_host_context_t* ctx, caisse_str_t, caisse_str_t) {
  return ctx->kv_status;
}
void fake_metric_add(caisse_host_context_t*, caisse_str_t, int64_t) {}

// Records the request, then answers 202 with two headers and a body, or fails with the
// context's status and a reason.
caisse_status_t fake_http_send(caisse_host_context_t* ctx, const caisse_http_request_t* request,
                               caisse_http_response_t* response) {
  static const caisse_http_header_t kHeaders[] = {{{"Content-Type", 12}, {"text/plain", 10}},
                                                  {{"X-Total-Count", 13}, {"42", 2}}};
  ctx->http_method = view(request->method);
  ctx->http_url = view(request->url);
  ctx->http_headers.clear();
  for (std::size_t i = 0; i < request->header_count; ++i) {
    ctx->http_headers += std::string(view(request->headers[i].name)) + "=" +
                         std::string(view(request->headers[i].value)) + ";";
  }
  ctx->http_body = request->has_body ? std::string(view(request->body)) : "(none)";
  if (ctx->http_status != CAISSE_STATUS_OK) {
    response->error_host_ptr = {"no answer from the peer", 23};
    return ctx->http_status;
  }
  response->status = 202;
  response->headers_host_ptr = kHeaders;
  response->header_count = 2;
  response->body_host_ptr = {"accepted", 8};
  return CAISSE_STATUS_OK;
}

constexpr caisse_host_api_t kFakeHost{
    sizeof(caisse_host_api_t),
    CAISSE_SDK_ABI_MAJOR,
    CAISSE_SDK_ABI_MINOR,
    &fake_log,
    &fake_set_error,
    &fake_now,
    &fake_get_string,
    &fake_get_int,
    &fake_get_bool,
    &fake_kv_get,
    &fake_kv_put,
    &fake_metric_add,
    &fake_http_send,
};

// The same host as it was before ABI 1.2: its table ends before caisse_host_http_send.
constexpr caisse_host_api_t kHostBefore_1_2 = [] {
  caisse_host_api_t api = kFakeHost;
  api.struct_size = offsetof(caisse_host_api_t, caisse_host_http_send);
  api.abi_minor = 1;
  return api;
}();

// A rule whose allocate reads kv (so the store can fail it) and throws on request.
class Rule {
 public:
  explicit Rule(Host host) : host_(host), amount_(host.config<std::int64_t>("amount_per_person")) {
    if (amount_ < 0) throw ConfigError("amount_per_person must be >= 0");
    if (amount_ == 13) throw std::runtime_error("unlucky amount");
  }
  std::int64_t allocate(const AllocationInput& in) {
    if (in.adults > 9)
      throw std::runtime_error("too many adults in " + std::string(in.household_id));
    host_.kv_get("seen");
    return amount_ * (in.adults + in.children);
  }

 private:
  Host host_;
  std::int64_t amount_;
};

// A currency that answers with strings built during the call, or with the wrong count.
class Currency {
 public:
  explicit Currency(Host) {}
  std::vector<OperationResult> credit(std::span<const CreditLine> lines) {
    std::vector<OperationResult> results;
    for (const CreditLine& line : lines) {
      if (line.operation_id == "drop") continue;
      results.push_back(
          {Outcome::succeeded,
           "transfer for " + std::string(line.operation_id) + " (a reference longer than SSO)",
           ""});
    }
    return results;
  }
  OperationResult status(std::string_view) { return {Outcome::pending, "", ""}; }
};

// A currency that also lists purchases (two, the second only if the host wants more) and keeps
// the merchant list it was given.
class Marketplace : public Currency {
 public:
  explicit Marketplace(Host host) : Currency(host) {}
  void list_purchases(std::int64_t from_ms, std::int64_t to_ms, const PurchaseSink& emit) {
    emit({"T-1", "H-1", "shop-9", 1250, "MNK", from_ms});
    emit({"T-2", "", "shop-9", 300, "MNK", to_ms - 1});
  }
  void sync_merchants(std::span<const Merchant> merchants) {
    synced.clear();
    for (const Merchant& m : merchants) {
      synced += std::string(m.merchant_id) + "=" + std::string(m.backend_ref) +
                (m.accredited ? "+" : "-") + ";";
    }
    if (synced.find("boom") != std::string::npos) throw std::runtime_error("cannot sync boom");
  }
  static inline std::string synced;
};

class Both : public Currency {
 public:
  explicit Both(Host host) : Currency(host) {}
  std::int64_t allocate(const AllocationInput&) { return 0; }
};

constexpr std::array kRuleConfig{
    field::integer("amount_per_person", "100", "Per person."),
    field::required(field::secret("api_token", "Token.")),
};

constexpr caisse_plugin_t kRule = describe<Rule>("rule", "1.0.0", "A rule.", kRuleConfig);
constexpr caisse_plugin_t kCurrency =
    describe<Currency>("currency", "1.0.0", "A currency.", no_config);

TEST(SdkWrapper, RolesAreDeducedFromTheMemberFunctions) {
  EXPECT_EQ(roles_of<Rule>(), static_cast<std::uint32_t>(CAISSE_ROLE_RULE));
  EXPECT_EQ(roles_of<Currency>(), static_cast<std::uint32_t>(CAISSE_ROLE_CURRENCY));
  EXPECT_EQ(roles_of<Both>(), static_cast<std::uint32_t>(CAISSE_ROLE_RULE | CAISSE_ROLE_CURRENCY));
  EXPECT_NE(kRule.rule, nullptr);
  EXPECT_EQ(kRule.currency, nullptr);
  EXPECT_NE(kCurrency.currency, nullptr);
  EXPECT_EQ(kCurrency.rule, nullptr);
}

TEST(SdkWrapper, DescriptorRequiresTheHeadersAbiAndCarriesTheSchema) {
  EXPECT_EQ(kRule.struct_size, sizeof(caisse_plugin_t));
  EXPECT_EQ(kRule.abi_major, static_cast<std::uint32_t>(CAISSE_SDK_ABI_MAJOR));
  EXPECT_EQ(kRule.abi_minor_required, static_cast<std::uint32_t>(CAISSE_SDK_ABI_MINOR));
  EXPECT_STREQ(kRule.name, "rule");
  ASSERT_EQ(kRule.config_field_count, 2u);
  EXPECT_EQ(kRule.config_fields, kRuleConfig.data());
  EXPECT_EQ(kCurrency.config_field_count, 0u);
  EXPECT_EQ(kCurrency.config_fields, nullptr);
}

TEST(SdkWrapper, FieldHelpersSetTypeDefaultAndFlags) {
  const caisse_config_field_t& amount = kRuleConfig[0];
  EXPECT_EQ(amount.type, CAISSE_CONFIG_TYPE_INTEGER);
  EXPECT_STREQ(amount.default_value, "100");
  EXPECT_EQ(amount.flags, 0u);
  const caisse_config_field_t& token = kRuleConfig[1];
  EXPECT_EQ(token.type, CAISSE_CONFIG_TYPE_STRING);
  EXPECT_EQ(token.default_value, nullptr);
  EXPECT_EQ(token.flags, CAISSE_CONFIG_REQUIRED | CAISSE_CONFIG_SECRET);
}

class RuleInstance : public ::testing::Test {
 protected:
  caisse_status_t init(std::optional<std::int64_t> amount) {
    ctx_.amount_per_person = amount;
    return kRule.caisse_on_instance_init(&kFakeHost, &ctx_, &state_);
  }
  void TearDown() override {
    if (state_ != nullptr) kRule.caisse_on_instance_destroy(state_);
  }
  caisse_status_t allocate(std::uint32_t adults, std::int64_t& amount) {
    const caisse_allocation_input_t input{sizeof input,   {"h7", 2},  adults, 1,
                                          {"2026-11", 7}, {"EUR", 3}, 0,      1};
    return kRule.rule->caisse_on_rule_allocate(state_, &input, &amount);
  }

  caisse_host_context ctx_;
  void* state_ = nullptr;
};

TEST_F(RuleInstance, HookReturnsTheClassesResult) {
  ASSERT_EQ(init(100), CAISSE_STATUS_OK);
  std::int64_t amount = 0;
  ASSERT_EQ(allocate(2, amount), CAISSE_STATUS_OK);
  EXPECT_EQ(amount, 300);
}

TEST_F(RuleInstance, ConfigErrorInTheConstructorIsInvalidArgumentWithItsMessage) {
  EXPECT_EQ(init(-1), CAISSE_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(ctx_.error, "amount_per_person must be >= 0");
  EXPECT_EQ(state_, nullptr);
}

TEST_F(RuleInstance, OtherExceptionInTheConstructorIsInternalWithItsMessage) {
  EXPECT_EQ(init(13), CAISSE_STATUS_INTERNAL);
  EXPECT_EQ(ctx_.error, "unlucky amount");
}

TEST_F(RuleInstance, MissingConfigValueIsInvalidArgumentNamingTheField) {
  EXPECT_EQ(init(std::nullopt), CAISSE_STATUS_INVALID_ARGUMENT);
  EXPECT_EQ(ctx_.error,
            "config field \"amount_per_person\" has no value: declare a default or mark it "
            "required");
}

TEST_F(RuleInstance, ExceptionInAHookIsInternalWithItsMessage) {
  ASSERT_EQ(init(100), CAISSE_STATUS_OK);
  std::int64_t amount = 0;
  EXPECT_EQ(allocate(10, amount), CAISSE_STATUS_INTERNAL);
  EXPECT_EQ(ctx_.error, "too many adults in h7");
}

TEST_F(RuleInstance, UnavailableStoreMakesTheHookUnavailable) {
  ASSERT_EQ(init(100), CAISSE_STATUS_OK);
  ctx_.kv_status = CAISSE_STATUS_UNAVAILABLE;
  std::int64_t amount = 0;
  EXPECT_EQ(allocate(1, amount), CAISSE_STATUS_UNAVAILABLE);
  EXPECT_EQ(ctx_.error, "kv_get \"seen\": state store unavailable");
}

class CurrencyInstance : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(kCurrency.caisse_on_instance_init(&kFakeHost, &ctx_, &state_), CAISSE_STATUS_OK);
  }
  void TearDown() override { kCurrency.caisse_on_instance_destroy(state_); }

  caisse_host_context ctx_;
  void* state_ = nullptr;
};

TEST_F(CurrencyInstance, ResultStringsStayValidAfterTheHookReturns) {
  const caisse_credit_line_t line{{"op-1", 4}, {"h1", 2}, {100, {"EUR", 3}}, {"", 0}};
  caisse_operation_result_t result{CAISSE_OUTCOME_UNKNOWN, {}, {}};
  ASSERT_EQ(kCurrency.currency->caisse_on_currency_credit(state_, &line, 1, &result),
            CAISSE_STATUS_OK);
  EXPECT_EQ(result.outcome, CAISSE_OUTCOME_SUCCEEDED);
  EXPECT_EQ(view(result.external_ref), "transfer for op-1 (a reference longer than SSO)");
}

TEST_F(CurrencyInstance, WrongNumberOfResultsIsInternalAndLeavesResultsUnknown) {
  const caisse_credit_line_t line{{"drop", 4}, {"h1", 2}, {100, {"EUR", 3}}, {"", 0}};
  caisse_operation_result_t result{CAISSE_OUTCOME_UNKNOWN, {}, {}};
  EXPECT_EQ(kCurrency.currency->caisse_on_currency_credit(state_, &line, 1, &result),
            CAISSE_STATUS_INTERNAL);
  EXPECT_EQ(ctx_.error, "credit returned 0 results for 1 lines");
  EXPECT_EQ(result.outcome, CAISSE_OUTCOME_UNKNOWN);
}

// The ABI 1.3 hooks: NULL when the class lacks them, and what crosses when it has them.
constexpr caisse_plugin_t kMarketplace =
    describe<Marketplace>("marketplace", "1.0.0", "A currency with purchases.", no_config);

struct CollectedPurchases {
  std::vector<std::string> seen;
  caisse_status_t answer = CAISSE_STATUS_OK;
};

caisse_status_t collect(void* sink_host_ptr, const caisse_purchase_t* purchase) {
  auto& collected = *static_cast<CollectedPurchases*>(sink_host_ptr);
  collected.seen.push_back(
      std::string(view(purchase->external_ref)) + "/" + std::string(view(purchase->household_id)) +
      "/" + std::string(view(purchase->merchant_ref)) + "/" +
      std::to_string(purchase->amount.minor) + std::string(view(purchase->amount.currency)) + "@" +
      std::to_string(purchase->paid_at_ms));
  return collected.answer;
}

TEST(SdkCurrency_1_3, OptionalHooksAreNullWhenTheClassLacksThem) {
  EXPECT_EQ(kCurrency.currency->caisse_on_currency_list_purchases, nullptr);
  EXPECT_EQ(kCurrency.currency->caisse_on_currency_sync_merchants, nullptr);
  EXPECT_NE(kMarketplace.currency->caisse_on_currency_list_purchases, nullptr);
  EXPECT_NE(kMarketplace.currency->caisse_on_currency_sync_merchants, nullptr);
  EXPECT_EQ(kMarketplace.currency->struct_size, sizeof(caisse_currency_hooks_t));
}

class MarketplaceInstance : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(kMarketplace.caisse_on_instance_init(&kFakeHost, &ctx_, &state_), CAISSE_STATUS_OK);
  }
  void TearDown() override { kMarketplace.caisse_on_instance_destroy(state_); }

  caisse_host_context ctx_;
  void* state_ = nullptr;
};

TEST_F(MarketplaceInstance, PurchasesReachTheSinkOneByOne) {
  CollectedPurchases collected;
  ASSERT_EQ(kMarketplace.currency->caisse_on_currency_list_purchases(state_, 1000, 2000, &collect,
                                                                     &collected),
            CAISSE_STATUS_OK);
  EXPECT_EQ(collected.seen,
            (std::vector<std::string>{"T-1/H-1/shop-9/1250MNK@1000", "T-2//shop-9/300MNK@1999"}));
}

TEST_F(MarketplaceInstance, ASinkThatStopsEndsTheListingWithItsStatus) {
  CollectedPurchases collected;
  collected.answer = CAISSE_STATUS_UNAVAILABLE;
  EXPECT_EQ(
      kMarketplace.currency->caisse_on_currency_list_purchases(state_, 0, 10, &collect, &collected),
      CAISSE_STATUS_UNAVAILABLE);
  EXPECT_EQ(collected.seen.size(), 1u);
  EXPECT_EQ(ctx_.error, "the host stopped the listing at T-1");
}

TEST_F(MarketplaceInstance, MerchantsCrossWholeAndAFailureCarriesItsMessage) {
  const caisse_merchant_t merchants[] = {
      {sizeof(caisse_merchant_t), {"M-1", 3}, {"Primeur", 7}, {"u1", 2}, true},
      {sizeof(caisse_merchant_t), {"M-2", 3}, {"Bar", 3}, {"u2", 2}, false}};
  ASSERT_EQ(kMarketplace.currency->caisse_on_currency_sync_merchants(state_, merchants, 2),
            CAISSE_STATUS_OK);
  EXPECT_EQ(Marketplace::synced, "M-1=u1+;M-2=u2-;");
  const caisse_merchant_t boom[] = {
      {sizeof(caisse_merchant_t), {"boom", 4}, {"", 0}, {"", 0}, true}};
  EXPECT_EQ(kMarketplace.currency->caisse_on_currency_sync_merchants(state_, boom, 1),
            CAISSE_STATUS_INTERNAL);
  EXPECT_EQ(ctx_.error, "cannot sync boom");
}

TEST_F(MarketplaceInstance, AMerchantShorterThanAbi_1_3IsRefused) {
  const caisse_merchant_t short_one[] = {{8, {"M-1", 3}, {"", 0}, {"", 0}, true}};
  EXPECT_EQ(kMarketplace.currency->caisse_on_currency_sync_merchants(state_, short_one, 1),
            CAISSE_STATUS_INVALID_ARGUMENT);
  EXPECT_NE(ctx_.error.find("merchant struct_size 8"), std::string::npos);
}

TEST(SdkHttp, RequestAndAnswerCrossAsGiven) {
  caisse_host_context_t ctx;
  Host host(&kFakeHost, &ctx);
  HttpResponse answer =
      host.http_send({"POST",
                      "https://cyclos.example.org/api/system/payments",
                      {{"Access-Client-Token", "t0k"}, {"Accept", "application/json"}},
                      std::string("{\"amount\":\"10.00\"}"),
                      5000});
  EXPECT_EQ(ctx.http_method, "POST");
  EXPECT_EQ(ctx.http_url, "https://cyclos.example.org/api/system/payments");
  EXPECT_EQ(ctx.http_headers, "Access-Client-Token=t0k;Accept=application/json;");
  EXPECT_EQ(ctx.http_body, "{\"amount\":\"10.00\"}");
  EXPECT_EQ(answer.status, 202u);
  EXPECT_EQ(answer.body, "accepted");
  EXPECT_EQ(answer.header("x-total-count"), "42");
  EXPECT_EQ(answer.header("X-Has-Next-Page"), std::nullopt);

  host.http_send({"GET", "https://cyclos.example.org/api/transfers", {}, std::nullopt, 0});
  EXPECT_EQ(ctx.http_body, "(none)");
}

TEST(SdkHttp, NoAnswerIsAStatusErrorWithTheHostsReason) {
  caisse_host_context_t ctx;
  ctx.http_status = CAISSE_STATUS_UNKNOWN_OUTCOME;
  Host host(&kFakeHost, &ctx);
  try {
    host.http_send({"POST", "https://cyclos.example.org/api/x", {}, std::string(), 0});
    FAIL() << "http_send returned without an answer";
  } catch (const StatusError& e) {
    EXPECT_EQ(e.status(), CAISSE_STATUS_UNKNOWN_OUTCOME);
    EXPECT_STREQ(e.what(), "no answer from the peer");
  }
}

TEST(SdkHttp, AHostBeforeAbi_1_2_IsUnsupported) {
  caisse_host_context_t ctx;
  Host host(&kHostBefore_1_2, &ctx);
  try {
    host.http_send({"GET", "https://cyclos.example.org/api/x", {}, std::nullopt, 0});
    FAIL() << "http_send called past the host's table";
  } catch (const StatusError& e) {
    EXPECT_EQ(e.status(), CAISSE_STATUS_UNSUPPORTED);
  }
  EXPECT_EQ(ctx.http_method, "");
}

}  // namespace
}  // namespace caisse::sdk
