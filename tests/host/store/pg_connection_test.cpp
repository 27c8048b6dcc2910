#include "store/pg_connection.hpp"

#include <gtest/gtest.h>

#include "pg_test_env.hpp"
#include "store/transaction.hpp"

namespace caisse::host::store {
namespace {

class PgConnectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto connected = PgConnection::connect(caisse::testing::fresh_database("pg_connection"));
    ASSERT_TRUE(connected.ok()) << connected.error().message;
    connection_.emplace(std::move(connected.value()));
  }

  PgConnection& db() { return *connection_; }

  std::optional<PgConnection> connection_;
};

TEST_F(PgConnectionTest, ExecReturnsRowsAndColumns) {
  auto result = db().exec("SELECT 1, 'deux' UNION ALL SELECT 3, NULL");
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->rows(), 2);
  EXPECT_EQ(result->columns(), 2);
  EXPECT_EQ(result->get(0, 1), "deux");
  EXPECT_TRUE(result->is_null(1, 1));
  EXPECT_FALSE(result->is_null(1, 0));
}

TEST_F(PgConnectionTest, ErrorNamesSqlstateMessageAndStatement) {
  auto result = db().exec("SELECT * FROM x");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().message,
            "postgres error 42P01: relation \"x\" does not exist (while: SELECT * FROM x)");
}

TEST_F(PgConnectionTest, ErrorQuotesOnlyTheStartOfALongStatement) {
  std::string sql =
      "SELECT\n  nonexistent_column\nFROM generate_series(1, 10) AS numbers_to_look_at";
  auto result = db().exec(sql);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find(
                "(while: SELECT nonexistent_column FROM generate_series(1, 10) AS num)"),
            std::string::npos)
      << result.error().message;
}

TEST_F(PgConnectionTest, ExecParamsBindsTextAndNull) {
  auto result = db().exec_params("SELECT $1::text || '!', $2::text IS NULL",
                                 {std::string("l'été \"chaud\""), std::nullopt});
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->get(0, 0), "l'été \"chaud\"!");
  EXPECT_EQ(result->get(0, 1), "t");
}

TEST_F(PgConnectionTest, AffectedRowsCountsChangedRows) {
  ASSERT_TRUE(db().exec("CREATE TABLE t (n int); INSERT INTO t SELECT generate_series(1, 5)").ok());
  auto updated = db().exec("UPDATE t SET n = n + 1 WHERE n > 2");
  ASSERT_TRUE(updated.ok()) << updated.error().message;
  EXPECT_EQ(updated->affected_rows(), 3);
  EXPECT_EQ(updated->command_tag(), "UPDATE 3");
}

TEST_F(PgConnectionTest, TransactionNotCommittedIsRolledBack) {
  ASSERT_TRUE(db().exec("CREATE TABLE t (n int)").ok());
  {
    auto transaction = Transaction::begin(db());
    ASSERT_TRUE(transaction.ok()) << transaction.error().message;
    ASSERT_TRUE(db().exec("INSERT INTO t VALUES (1)").ok());
  }
  auto count = db().exec("SELECT count(*) FROM t");
  ASSERT_TRUE(count.ok()) << count.error().message;
  EXPECT_EQ(count->get(0, 0), "0");
}

TEST_F(PgConnectionTest, CommittedTransactionKeepsChanges) {
  ASSERT_TRUE(db().exec("CREATE TABLE t (n int)").ok());
  {
    auto transaction = Transaction::begin(db());
    ASSERT_TRUE(transaction.ok()) << transaction.error().message;
    ASSERT_TRUE(db().exec("INSERT INTO t VALUES (1)").ok());
    auto committed = transaction->commit();
    ASSERT_TRUE(committed.ok()) << committed.error().message;
  }
  auto count = db().exec("SELECT count(*) FROM t");
  ASSERT_TRUE(count.ok()) << count.error().message;
  EXPECT_EQ(count->get(0, 0), "1");
}

TEST_F(PgConnectionTest, CommitAfterAFailedStatementIsAnError) {
  auto transaction = Transaction::begin(db());
  ASSERT_TRUE(transaction.ok()) << transaction.error().message;
  ASSERT_FALSE(db().exec("SELECT * FROM missing_table").ok());
  auto committed = transaction->commit();
  ASSERT_FALSE(committed.ok());
  EXPECT_NE(committed.error().message.find("rolled back"), std::string::npos);
}

TEST_F(PgConnectionTest, HealthyUntilTheBackendIsTerminated) {
  EXPECT_TRUE(db().healthy());
  auto killer = PgConnection::connect(caisse::testing::test_database_url());
  ASSERT_TRUE(killer.ok()) << killer.error().message;
  auto terminated = killer->exec("SELECT pg_terminate_backend(" +
                                 std::to_string(db().backend_pid()) + ", 10000)");
  ASSERT_TRUE(terminated.ok()) << terminated.error().message;
  EXPECT_FALSE(db().healthy());
}

TEST(PgConnection, ConnectFailureNamesServerWithoutPassword) {
  auto connected =
      PgConnection::connect("host=/nonexistent/socket user=app password=s3cret dbname=x");
  ASSERT_FALSE(connected.ok());
  EXPECT_NE(connected.error().message.find("cannot connect to PostgreSQL"), std::string::npos);
  EXPECT_NE(connected.error().message.find("/nonexistent/socket"), std::string::npos);
  EXPECT_EQ(connected.error().message.find("s3cret"), std::string::npos)
      << connected.error().message;
}

}  // namespace
}  // namespace caisse::host::store
