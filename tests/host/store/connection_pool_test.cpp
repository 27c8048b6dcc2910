#include "store/connection_pool.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "pg_test_env.hpp"

namespace caisse::host::store {
namespace {

using std::chrono::milliseconds;

TEST(ConnectionPool, LeaseServesQueries) {
  ConnectionPool pool(caisse::testing::fresh_database("pool"), 2);
  auto lease = pool.acquire(milliseconds(1000));
  ASSERT_TRUE(lease.ok()) << lease.error().message;
  auto result = (*lease)->exec("SELECT 41 + 1");
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->get(0, 0), "42");
}

TEST(ConnectionPool, AcquireTimesOutWhenEveryConnectionIsLeased) {
  ConnectionPool pool(caisse::testing::fresh_database("pool"), 1);
  auto held = pool.acquire(milliseconds(1000));
  ASSERT_TRUE(held.ok()) << held.error().message;
  auto started = std::chrono::steady_clock::now();
  auto second = pool.acquire(milliseconds(100));
  ASSERT_FALSE(second.ok());
  EXPECT_GE(std::chrono::steady_clock::now() - started, milliseconds(100));
  EXPECT_NE(second.error().message.find("no database connection free after 100 ms"),
            std::string::npos)
      << second.error().message;
}

TEST(ConnectionPool, ReleasedLeaseReturnsTheSameConnection) {
  ConnectionPool pool(caisse::testing::fresh_database("pool"), 1);
  int first_pid = 0;
  {
    auto lease = pool.acquire(milliseconds(1000));
    ASSERT_TRUE(lease.ok()) << lease.error().message;
    first_pid = (*lease)->backend_pid();
  }
  auto again = pool.acquire(milliseconds(1000));
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ((*again)->backend_pid(), first_pid);
}

TEST(ConnectionPool, ReconnectsAfterBackendIsTerminated) {
  std::string conninfo = caisse::testing::fresh_database("pool");
  ConnectionPool pool(conninfo, 1);
  int old_pid = 0;
  {
    auto lease = pool.acquire(milliseconds(1000));
    ASSERT_TRUE(lease.ok()) << lease.error().message;
    old_pid = (*lease)->backend_pid();
  }
  auto killer = PgConnection::connect(conninfo);
  ASSERT_TRUE(killer.ok()) << killer.error().message;
  auto terminated =
      killer->exec("SELECT pg_terminate_backend(" + std::to_string(old_pid) + ", 10000)");
  ASSERT_TRUE(terminated.ok()) << terminated.error().message;
  ASSERT_EQ(terminated->get(0, 0), "t");

  auto lease = pool.acquire(milliseconds(1000));
  ASSERT_TRUE(lease.ok()) << lease.error().message;
  auto result = (*lease)->exec("SELECT 1");
  EXPECT_TRUE(result.ok()) << result.error().message;
  EXPECT_NE((*lease)->backend_pid(), old_pid);
}

TEST(ConnectionPool, UnreachableServerIsAnAcquireErrorAndFreesTheSlot) {
  ConnectionPool pool("host=/nonexistent/socket dbname=x user=x connect_timeout=2", 1);
  auto first = pool.acquire(milliseconds(100));
  ASSERT_FALSE(first.ok());
  EXPECT_NE(first.error().message.find("cannot connect to PostgreSQL"), std::string::npos);
  auto second = pool.acquire(milliseconds(100));
  ASSERT_FALSE(second.ok());
  EXPECT_NE(second.error().message.find("cannot connect to PostgreSQL"), std::string::npos)
      << "the failed connect must not keep the only slot: " << second.error().message;
}

}  // namespace
}  // namespace caisse::host::store
