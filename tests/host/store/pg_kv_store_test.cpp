#include "store/pg_kv_store.hpp"

#include <gtest/gtest.h>

#include "pg_test_env.hpp"
#include "store/migrations.hpp"

namespace caisse::host::store {
namespace {

class PgKvStoreTest : public ::testing::Test {
 protected:
  static std::string migrated_database() {
    std::string conninfo = caisse::testing::fresh_database("kv");
    auto db = PgConnection::connect(conninfo);
    if (!db) throw std::runtime_error(db.error().message);
    auto migrated = migrate(*db, builtin_migrations());
    if (!migrated) throw std::runtime_error(migrated.error().message);
    return conninfo;
  }

  ConnectionPool pool_{migrated_database(), 2};
  PgKvStore kv_{pool_};
};

TEST_F(PgKvStoreTest, PutThenGetReturnsTheSameBytes) {
  std::string bytes("cursor\0\x01\xff\"'\\end", 15);
  ASSERT_TRUE(kv_.put("nantes", "cyclos-main", "cursor", bytes).ok());
  auto value = kv_.get("nantes", "cyclos-main", "cursor");
  ASSERT_TRUE(value.ok()) << value.error().message;
  ASSERT_TRUE(value->has_value());
  EXPECT_EQ(**value, bytes);
}

TEST_F(PgKvStoreTest, MissingKeyIsNoValue) {
  auto value = kv_.get("nantes", "cyclos-main", "never-put");
  ASSERT_TRUE(value.ok()) << value.error().message;
  EXPECT_FALSE(value->has_value());
}

TEST_F(PgKvStoreTest, PutReplacesThePreviousValue) {
  ASSERT_TRUE(kv_.put("nantes", "cyclos-main", "token", "first").ok());
  ASSERT_TRUE(kv_.put("nantes", "cyclos-main", "token", "second").ok());
  auto value = kv_.get("nantes", "cyclos-main", "token");
  ASSERT_TRUE(value.ok()) << value.error().message;
  EXPECT_EQ(value->value_or(""), "second");
}

TEST_F(PgKvStoreTest, EmptyValueIsStoredAsEmpty) {
  ASSERT_TRUE(kv_.put("nantes", "cyclos-main", "empty", "").ok());
  auto value = kv_.get("nantes", "cyclos-main", "empty");
  ASSERT_TRUE(value.ok()) << value.error().message;
  ASSERT_TRUE(value->has_value());
  EXPECT_EQ(**value, "");
}

TEST_F(PgKvStoreTest, CaissesAndInstancesDoNotShareKeys) {
  ASSERT_TRUE(kv_.put("nantes", "cyclos-main", "key", "nantes").ok());
  ASSERT_TRUE(kv_.put("retz", "cyclos-main", "key", "retz").ok());
  ASSERT_TRUE(kv_.put("nantes", "sepa", "key", "sepa").ok());
  EXPECT_EQ(kv_.get("nantes", "cyclos-main", "key")->value_or(""), "nantes");
  EXPECT_EQ(kv_.get("retz", "cyclos-main", "key")->value_or(""), "retz");
  EXPECT_EQ(kv_.get("nantes", "sepa", "key")->value_or(""), "sepa");
}

}  // namespace
}  // namespace caisse::host::store
