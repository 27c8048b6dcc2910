// A migrated database with one caisse's chart open (EUR and MONA, two decimals each, a grant
// account for the CCAS), and small helpers to write entries and read raw rows.
#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <stdexcept>
#include <string>

#include "ledger/chart.hpp"
#include "ledger/journal.hpp"
#include "pg_test_env.hpp"
#include "store/migrations.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::ledger {

inline Date day(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

inline Line line(AccountKind kind, std::int64_t minor, const std::string& currency = "EUR",
                 const std::string& key = "") {
  return Line{AccountRef{kind, key}, money::Money{minor, currency}};
}

constexpr const char* kCaisse = "nantes-ouest";

inline NewEntry entry(const std::string& key, std::vector<Line> lines,
                      const std::string& caisse = kCaisse, Date date = day(2026, 11, 5)) {
  return NewEntry{caisse, key, date, "test entry " + key, "test:" + key, std::move(lines)};
}

class LedgerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    conninfo_ = caisse::testing::fresh_database("ledger");
    auto connected = store::PgConnection::connect(conninfo_);
    if (!connected) throw std::runtime_error(connected.error().message);
    db_.emplace(std::move(connected.value()));
    auto migrated = store::migrate(db(), store::builtin_migrations());
    if (!migrated) throw std::runtime_error(migrated.error().message);
    open_caisse(kCaisse);
  }

  store::PgConnection& db() { return *db_; }

  void open_caisse(const std::string& caisse) {
    auto chart = open_chart(db(), caisse, "EUR", 2, "MONA", 2);
    if (!chart) throw std::runtime_error(chart.error().message);
    auto grant = open_account(db(), caisse, AccountRef{AccountKind::grant, "ccas"}, "EUR");
    if (!grant) throw std::runtime_error(grant.error().message);
  }

  // Posts or fails the test with the error.
  Entry must_post(const NewEntry& new_entry) {
    auto posted = post(db(), new_entry);
    if (!posted) {
      ADD_FAILURE() << posted.error().message;
      return Entry{};
    }
    return posted->entry;
  }

  std::string scalar(const std::string& sql) {
    auto result = db().exec(sql);
    if (!result) throw std::runtime_error(result.error().message);
    return std::string(result->get(0, 0));
  }

  std::string conninfo_;
  std::optional<store::PgConnection> db_;
};

}  // namespace caisse::host::ledger
