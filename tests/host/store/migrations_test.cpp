#include "store/migrations.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "pg_test_env.hpp"

namespace caisse::host::store {
namespace {

PgConnection connect_fresh(std::string_view label) {
  auto connected = PgConnection::connect(caisse::testing::fresh_database(label));
  if (!connected) throw std::runtime_error(connected.error().message);
  return std::move(connected.value());
}

std::string scalar(PgConnection& db, const std::string& sql) {
  auto result = db.exec(sql);
  if (!result) throw std::runtime_error(result.error().message);
  return std::string(result->get(0, 0));
}

TEST(Migrations, BuiltinListStartsWithFoundation) {
  auto migrations = builtin_migrations();
  ASSERT_FALSE(migrations.empty());
  EXPECT_EQ(migrations[0].version, 1);
  EXPECT_EQ(migrations[0].name, "foundation");
  EXPECT_EQ(migration_file_name(migrations[0]), "0001_foundation.sql");
  EXPECT_NE(migrations[0].sql.find("CREATE TABLE plugin_kv"), std::string::npos);
}

TEST(Migrations, FreshDatabaseGetsEveryMigration) {
  PgConnection db = connect_fresh("migrations");
  auto report = migrate(db, builtin_migrations());
  ASSERT_TRUE(report.ok()) << report.error().message;
  int latest = builtin_migrations().back().version;
  EXPECT_EQ(report->from_version, 0);
  EXPECT_EQ(report->to_version, latest);
  EXPECT_EQ(report->applied.size(), builtin_migrations().size());
  EXPECT_EQ(scalar(db, "SELECT max(version) FROM schema_migrations"), std::to_string(latest));
  EXPECT_EQ(scalar(db, "SELECT name FROM schema_migrations WHERE version = 1"), "foundation");
  EXPECT_EQ(scalar(db, "SELECT to_regclass('plugin_kv') IS NOT NULL"), "t");
}

TEST(Migrations, SecondRunAppliesNothing) {
  PgConnection db = connect_fresh("migrations");
  ASSERT_TRUE(migrate(db, builtin_migrations()).ok());
  auto again = migrate(db, builtin_migrations());
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_TRUE(again->applied.empty());
  EXPECT_EQ(again->from_version, again->to_version);
  EXPECT_EQ(again->to_version, builtin_migrations().back().version);
}

TEST(Migrations, NewerDatabaseIsRefused) {
  PgConnection db = connect_fresh("migrations");
  ASSERT_TRUE(migrate(db, builtin_migrations()).ok());
  const int future = builtin_migrations().back().version + 1;
  ASSERT_TRUE(db.exec_params("INSERT INTO schema_migrations (version, name) VALUES ($1, 'future')",
                             {std::to_string(future)})
                  .ok());
  auto refused = migrate(db, builtin_migrations());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().message,
            "database schema is at version " + std::to_string(future) +
                " but this caissed knows versions up to " +
                std::to_string(builtin_migrations().back().version) +
                ": upgrade caissed, or point [storage] url at the right database");
}

TEST(Migrations, FailingMigrationLeavesNothingBehind) {
  PgConnection db = connect_fresh("migrations");
  const Migration migrations[] = {
      {1, "good", "CREATE TABLE first_table (id int)"},
      {2, "broken", "CREATE TABLE second_table (id int); SELECT * FROM no_such_table"},
  };
  auto failed = migrate(db, migrations);
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.error().message.find("migration 0002_broken.sql failed: postgres error 42P01"),
            std::string::npos)
      << failed.error().message;
  EXPECT_EQ(scalar(db, "SELECT to_regclass('first_table') IS NULL"), "t");
  EXPECT_EQ(scalar(db, "SELECT to_regclass('second_table') IS NULL"), "t");
  EXPECT_EQ(scalar(db, "SELECT to_regclass('schema_migrations') IS NULL"), "t");
}

TEST(Migrations, OnlyNewerMigrationsAreApplied) {
  PgConnection db = connect_fresh("migrations");
  const Migration first[] = {{1, "one", "CREATE TABLE one (id int)"}};
  ASSERT_TRUE(migrate(db, first).ok());
  const Migration both[] = {{1, "one", "CREATE TABLE one (id int)"},
                            {2, "two", "CREATE TABLE two (id int)"}};
  auto report = migrate(db, both);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_EQ(report->from_version, 1);
  EXPECT_EQ(report->to_version, 2);
  EXPECT_EQ(report->applied, std::vector<int>{2});
}

TEST(Migrations, ConcurrentRunsApplyEachMigrationOnce) {
  std::string conninfo = caisse::testing::fresh_database("migrations");
  // The sleep holds the first run inside its transaction while the second arrives.
  const Migration slow[] = {{1, "slow", "SELECT pg_sleep(0.5); CREATE TABLE once (id int)"}};
  Result<MigrationReport> reports[2] = {make_error("not run"), make_error("not run")};
  std::thread runners[2];
  for (int i = 0; i < 2; ++i) {
    runners[i] = std::thread([&, i] {
      auto db = PgConnection::connect(conninfo);
      if (!db) {
        reports[i] = db.error();
        return;
      }
      reports[i] = migrate(*db, slow);
    });
  }
  for (auto& runner : runners) runner.join();
  ASSERT_TRUE(reports[0].ok()) << reports[0].error().message;
  ASSERT_TRUE(reports[1].ok()) << reports[1].error().message;
  EXPECT_EQ(reports[0]->applied.size() + reports[1]->applied.size(), 1u);
}

}  // namespace
}  // namespace caisse::host::store
