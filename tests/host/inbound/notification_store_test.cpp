// Provider notifications in PostgreSQL: kept once per event id with their raw bytes, taken under
// a lease, retried with a doubling delay, filed as dead after the last attempt, and replayed.
#include "inbound/notification_store.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

#include "pg_test_env.hpp"
#include "store/migrations.hpp"

namespace caisse::host::inbound {
namespace {

class NotificationStore : public ::testing::Test {
 protected:
  void SetUp() override {
    auto connected = store::PgConnection::connect(caisse::testing::fresh_database("inbound"));
    if (!connected) throw std::runtime_error(connected.error().message);
    db_.emplace(std::move(connected.value()));
    auto migrated = store::migrate(*db_, store::builtin_migrations());
    if (!migrated) throw std::runtime_error(migrated.error().message);
  }

  std::string scalar(const std::string& sql) {
    auto result = db_->exec(sql);
    if (!result) throw std::runtime_error(result.error().message);
    return std::string(result->get(0, 0));
  }

  Intake keep(const std::string& event_id, const std::string& body) {
    plugins::Webhook webhook{
        {{"webhook-id", event_id}, {"Content-Type", "application/json"}}, body, 1'764'000'000'000};
    auto kept = keep_notification(*db_, "nantes-ouest", "card", event_id, webhook);
    if (!kept) throw std::runtime_error(kept.error().message);
    return *kept;
  }

  std::optional<store::PgConnection> db_;
};

TEST_F(NotificationStore, KeepsTheRawBytesOnceAndCountsDuplicates) {
  // Bytes a JSON re-serialisation would change, and a NUL: kept as they came.
  const std::string body = std::string("{\"a\" : 1,\n \"b\":\"\xc3\xa9\"}") + '\0' + "x";
  const Intake first = keep("msg_1", body);
  EXPECT_FALSE(first.duplicate);
  const Intake again = keep("msg_1", "another body");
  EXPECT_TRUE(again.duplicate);
  EXPECT_EQ(again.id, first.id);
  EXPECT_EQ(scalar("SELECT count(*) || '/' || max(duplicates) FROM inbound_events"), "1/1");

  auto due = take_due(*db_, 10, std::chrono::seconds(300));
  ASSERT_TRUE(due.ok()) << due.error().message;
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ((*due)[0].webhook.body, body);  // the first delivery's bytes, not the duplicate's
  ASSERT_EQ((*due)[0].webhook.headers.size(), 2u);
  EXPECT_EQ((*due)[0].webhook.headers[0].first, "webhook-id");
  EXPECT_EQ((*due)[0].webhook.headers[0].second, "msg_1");
  EXPECT_EQ((*due)[0].webhook.received_ms, 1'764'000'000'000);
}

TEST_F(NotificationStore, ATakenNotificationIsLeasedAndOthersAreTakenOldestFirst) {
  keep("msg_1", "1");
  keep("msg_2", "2");
  auto first = take_due(*db_, 1, std::chrono::seconds(300));
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->size(), 1u);
  EXPECT_EQ((*first)[0].event_id, "msg_1");
  auto second = take_due(*db_, 10, std::chrono::seconds(300));
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(second->size(), 1u);  // msg_1 is leased: only msg_2 is due
  EXPECT_EQ((*second)[0].event_id, "msg_2");
  auto none = take_due(*db_, 10, std::chrono::seconds(300));
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST_F(NotificationStore, FailuresRetryLaterThenTheNotificationIsDeadUntilReplayed) {
  const std::int64_t id = keep("msg_1", "{}").id;
  for (int attempt = 1; attempt <= 4; ++attempt) {
    auto dead = mark_failed(*db_, id, "HelloAsso answered 503", 5, std::chrono::seconds(30));
    ASSERT_TRUE(dead.ok()) << dead.error().message;
    EXPECT_FALSE(*dead) << "attempt " << attempt;
  }
  // Not due now: the fourth failure put it 30 s × 2^3 = 240 s away.
  EXPECT_EQ(scalar("SELECT (next_attempt_at - now() BETWEEN interval '239 s' AND interval '241 s')"
                   "::text FROM inbound_events"),
            "true");
  auto due = take_due(*db_, 10, std::chrono::seconds(300));
  ASSERT_TRUE(due.ok());
  EXPECT_TRUE(due->empty());

  auto dead = mark_failed(*db_, id, "HelloAsso answered 503", 5, std::chrono::seconds(30));
  ASSERT_TRUE(dead.ok());
  EXPECT_TRUE(*dead);
  auto listed = dead_notifications(*db_, "nantes-ouest");
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].attempts, 5);
  EXPECT_EQ((*listed)[0].last_error, "HelloAsso answered 503");
  EXPECT_TRUE(dead_notifications(*db_, "pays-de-retz")->empty());  // another caisse's list

  auto wrong_caisse = replay(*db_, "pays-de-retz", id);
  ASSERT_FALSE(wrong_caisse.ok());
  EXPECT_EQ(wrong_caisse.error().kind, ErrorKind::not_found);
  ASSERT_TRUE(replay(*db_, "nantes-ouest", id).ok());
  auto back = take_due(*db_, 10, std::chrono::seconds(300));
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->size(), 1u);
  EXPECT_EQ((*back)[0].attempts, 0);
  ASSERT_TRUE(mark_processed(*db_, id).ok());
  EXPECT_EQ(scalar("SELECT state FROM inbound_events"), "processed");
}

}  // namespace
}  // namespace caisse::host::inbound
