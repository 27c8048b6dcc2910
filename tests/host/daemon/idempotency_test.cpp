// The Idempotency-Key of admin POSTs against a real PostgreSQL: a key runs its work once and
// replays the first answer; a key reused for another request, or whose first request is still
// running, is refused; a 5xx answer releases the key.
#include "daemon/idempotency.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "pg_test_env.hpp"
#include "store/migrations.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::daemon {
namespace {

http::Request post(std::string path, std::string body, std::string key) {
  http::Request r;
  r.method = "POST";
  r.path = std::move(path);
  r.body = std::move(body);
  r.principal = "alice";
  if (!key.empty()) r.headers.emplace_back("idempotency-key", std::move(key));
  return r;
}

class IdempotencyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string conninfo = caisse::testing::fresh_database("idempotency");
    auto db = store::PgConnection::connect(conninfo);
    if (!db) throw std::runtime_error(db.error().message);
    auto migrated = store::migrate(*db, store::builtin_migrations());
    if (!migrated) throw std::runtime_error(migrated.error().message);
    pool_.emplace(conninfo, 2);
    requests_.emplace(*pool_);
  }

  // Runs `request` through the store with a work that counts its runs and answers `status`.
  http::Response run(const http::Request& request, unsigned status = 200) {
    auto once = idempotent_request(request);
    EXPECT_TRUE(once.ok()) << once.error().message;
    return requests_->run(*once, [&] {
      ++runs_;
      http::Response r;
      r.status = status;
      r.body = "{\"run\":" + std::to_string(runs_) + "}";
      return r;
    });
  }

  std::optional<store::ConnectionPool> pool_;
  std::optional<IdempotentRequests> requests_;
  int runs_ = 0;
};

TEST_F(IdempotencyTest, TheSameKeyRunsOnceAndReplaysTheFirstAnswer) {
  auto first = run(post("/api/v1/caisses/m/cycles/2026-11/approve", "", "k-1"));
  auto second = run(post("/api/v1/caisses/m/cycles/2026-11/approve", "", "k-1"));
  EXPECT_EQ(runs_, 1);
  EXPECT_EQ(first.status, 200u);
  EXPECT_EQ(second.status, 200u);
  EXPECT_EQ(second.body, "{\"run\":1}");
  EXPECT_EQ(second.content_type, first.content_type);
  ASSERT_EQ(second.headers.size(), 1u);
  EXPECT_EQ(second.headers[0].first, "Idempotent-Replayed");

  // Another key is another operation.
  auto third = run(post("/api/v1/caisses/m/cycles/2026-11/approve", "", "k-2"));
  EXPECT_EQ(runs_, 2);
  EXPECT_EQ(third.body, "{\"run\":2}");
}

TEST_F(IdempotencyTest, KeysOfDifferentTokensNeverMeet) {
  run(post("/p", "", "shared"));
  auto bob = post("/p", "", "shared");
  bob.principal = "bob";
  run(bob);
  EXPECT_EQ(runs_, 2);
}

TEST_F(IdempotencyTest, AKeyReusedForAnotherRequestIsRefused) {
  run(post("/api/v1/caisses/m/imports/households", "household_id\nH-1\n", "k"));
  auto other_body = run(post("/api/v1/caisses/m/imports/households", "household_id\nH-2\n", "k"));
  EXPECT_EQ(other_body.status, 422u);
  EXPECT_NE(other_body.body.find("already used for another request"), std::string::npos);
  auto other_path = run(post("/api/v1/caisses/m/cycles/2026-11/dispatch", "", "k"));
  EXPECT_EQ(other_path.status, 422u);
  EXPECT_EQ(runs_, 1);
}

TEST_F(IdempotencyTest, AKeyWhoseFirstRequestHasNoAnswerYetIsRefused) {
  auto request = post("/p", "", "running");
  auto once = idempotent_request(request);
  ASSERT_TRUE(once.ok());
  http::Response inner;
  auto outer = requests_->run(*once, [&] {
    inner = run(request);  // the same key arrives while the first request is still running
    return http::Response{};
  });
  EXPECT_EQ(inner.status, 409u);
  EXPECT_NE(inner.body.find("still running"), std::string::npos);
  EXPECT_EQ(runs_, 0);
  EXPECT_EQ(outer.status, 200u);
}

TEST_F(IdempotencyTest, AServerErrorReleasesTheKey) {
  auto failed = run(post("/p", "", "retry"), 503);
  EXPECT_EQ(failed.status, 503u);
  auto retried = run(post("/p", "", "retry"));
  EXPECT_EQ(retried.status, 200u);
  EXPECT_EQ(runs_, 2);
  // A client error is an answer like any other: kept.
  run(post("/q", "", "refused"), 409);
  run(post("/q", "", "refused"));
  EXPECT_EQ(runs_, 3);
}

TEST(IdempotentRequest, NeedsAKeyOfVisibleAscii) {
  auto missing = idempotent_request(post("/p", "", ""));
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("Idempotency-Key header is required"), std::string::npos);
  EXPECT_FALSE(idempotent_request(post("/p", "", "has space")).ok());
  EXPECT_FALSE(idempotent_request(post("/p", "", std::string(129, 'k'))).ok());
  EXPECT_TRUE(idempotent_request(post("/p", "", std::string(128, 'k'))).ok());
}

TEST(IdempotentRequest, FingerprintCoversMethodPathAndBody) {
  auto a = idempotent_request(post("/p", "body", "k"));
  auto b = idempotent_request(post("/p", "body!", "k"));
  auto c = idempotent_request(post("/q", "body", "k"));
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  EXPECT_NE(a->fingerprint, b->fingerprint);
  EXPECT_NE(a->fingerprint, c->fingerprint);
  EXPECT_EQ(a->principal, "alice");
  EXPECT_EQ(a->key, "k");
}

}  // namespace
}  // namespace caisse::host::daemon
