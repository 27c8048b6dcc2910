// A migrated database and two caisses (Nantes Ouest and Pays de Retz) to import into, with
// helpers to import or fail the test and to read rows back.
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <stdexcept>
#include <string>

#include "config/daemon_config.hpp"
#include "pg_test_env.hpp"
#include "registry/registry.hpp"
#include "store/migrations.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::registry {

inline config::CaisseConfig caisse_named(const std::string& id) {
  config::CaisseConfig caisse;
  caisse.id = id;
  caisse.name = id;
  caisse.currency.code = "MONEKO";
  caisse.currency.name = "moneko";
  caisse.currency.minor_unit = 2;
  caisse.currency.parity_eur = "1.00";
  return caisse;
}

// Suites are named registry_* so that `ctest -R registry` selects them.
class RegistryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto connected = store::PgConnection::connect(caisse::testing::fresh_database("registry"));
    if (!connected) throw std::runtime_error(connected.error().message);
    db_.emplace(std::move(connected.value()));
    auto migrated = store::migrate(db(), store::builtin_migrations());
    if (!migrated) throw std::runtime_error(migrated.error().message);
  }

  store::PgConnection& db() { return *db_; }

  // Imports into `caisse` or fails the test with the error.
  ImportReport must_import(ImportKind kind, const std::string& bytes,
                           const config::CaisseConfig& caisse) {
    auto report = import_csv(db(), caisse, kind, std::string(to_string(kind)) + ".csv", bytes);
    if (!report) {
      ADD_FAILURE() << report.error().message;
      return ImportReport{kind};
    }
    return *report;
  }
  ImportReport must_import(ImportKind kind, const std::string& bytes) {
    return must_import(kind, bytes, nantes_);
  }

  // The error of an import that must fail; also checks it is ErrorKind::invalid.
  std::string import_error(ImportKind kind, const std::string& bytes) {
    auto report = import_csv(db(), nantes_, kind, std::string(to_string(kind)) + ".csv", bytes);
    if (report) {
      ADD_FAILURE() << "the import succeeded";
      return "";
    }
    EXPECT_EQ(report.error().kind, ErrorKind::invalid) << report.error().message;
    return report.error().message;
  }

  std::string scalar(const std::string& sql) {
    auto result = db().exec(sql);
    if (!result) throw std::runtime_error(result.error().message);
    return std::string(result->get(0, 0));
  }

  // Rows of every registry table and of the ledger, for "nothing changed" checks.
  std::string row_counts() {
    return scalar(
        "SELECT (SELECT count(*) FROM registry_households) || '/' ||"
        "       (SELECT count(*) FROM registry_members) || '/' ||"
        "       (SELECT count(*) FROM registry_contributions) || '/' ||"
        "       (SELECT count(*) FROM registry_funders) || '/' ||"
        "       (SELECT count(*) FROM registry_receipts) || '/' ||"
        "       (SELECT count(*) FROM ledger_entries)");
  }

  config::CaisseConfig nantes_ = caisse_named("nantes-ouest");
  config::CaisseConfig retz_ = caisse_named("pays-de-retz");
  std::optional<store::PgConnection> db_;
};

constexpr const char* kHouseholds =
    "household_id,adults,children,joined_via,joined_on,left_on\n"
    "H-001,1,0,self,2026-01-15,\n"
    "H-002,2,1,ccas,2026-02-01,2026-10-31\n"
    "H-003,1,2,association,2026-11-30,\n";

constexpr const char* kFunders =
    "funder_id,name,kind,earmark,pledged_amount,note\n"
    "ccas-nantes,CCAS de Nantes,public,allocations,36500.00,convention 2026\n"
    "fondation-x,\"Fondation X, Paris\",foundation,operations,,\n";

}  // namespace caisse::host::registry
