#include "store/migrations.hpp"

#include <spdlog/spdlog.h>

#include <cstdio>
#include <stdexcept>

#include "store/transaction.hpp"

namespace caisse::host::store {
namespace {

// Any constant unique to caissed works; this one spells "caisse" in ASCII.
constexpr const char* kLockSql = "SELECT pg_advisory_xact_lock(108868197496677)";

constexpr const char* kCreateTableSql =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version integer PRIMARY KEY,"
    " name text NOT NULL,"
    " applied_at timestamptz NOT NULL DEFAULT now())";

void require_increasing(std::span<const Migration> migrations) {
  for (std::size_t i = 1; i < migrations.size(); ++i) {
    if (migrations[i].version <= migrations[i - 1].version) {
      throw std::invalid_argument("migrations out of order: " + migration_file_name(migrations[i]) +
                                  " after " + migration_file_name(migrations[i - 1]));
    }
  }
}

Result<int> current_version(PgConnection& connection) {
  auto version = connection.exec("SELECT coalesce(max(version), 0) FROM schema_migrations");
  if (!version) return version.error();
  return std::stoi(std::string(version->get(0, 0)));
}

Result<void> apply(PgConnection& connection, const Migration& migration) {
  auto applied = connection.exec(migration.sql);
  if (!applied) {
    return make_error("migration " + migration_file_name(migration) +
                      " failed: " + applied.error().message);
  }
  auto recorded =
      connection.exec_params("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
                             {std::to_string(migration.version), migration.name});
  if (!recorded) return recorded.error();
  return {};
}

}  // namespace

std::string migration_file_name(const Migration& migration) {
  char number[16];
  std::snprintf(number, sizeof number, "%04d", migration.version);
  return std::string(number) + "_" + migration.name + ".sql";
}

Result<MigrationReport> migrate(PgConnection& connection, std::span<const Migration> migrations) {
  require_increasing(migrations);
  const int known = migrations.empty() ? 0 : migrations.back().version;

  auto transaction = Transaction::begin(connection);
  if (!transaction) return transaction.error();
  // Taken before reading the version, so a second daemon waits here and then sees the result.
  if (auto locked = connection.exec(kLockSql); !locked) return locked.error();
  if (auto created = connection.exec(kCreateTableSql); !created) return created.error();
  auto from = current_version(connection);
  if (!from) return from.error();

  MigrationReport report{*from, *from, {}};
  if (report.from_version > known) {
    return make_error("database schema is at version " + std::to_string(report.from_version) +
                      " but this caissed knows versions up to " + std::to_string(known) +
                      ": upgrade caissed, or point [storage] url at the right database");
  }
  for (const Migration& migration : migrations) {
    if (migration.version <= report.from_version) continue;
    if (auto applied = apply(connection, migration); !applied) return applied.error();
    report.applied.push_back(migration.version);
    report.to_version = migration.version;
  }
  if (auto committed = transaction->commit(); !committed) return committed.error();
  for (const Migration& migration : migrations) {
    if (migration.version > report.from_version) {
      spdlog::info("event=migration_applied migration={}", migration_file_name(migration));
    }
  }
  return report;
}

}  // namespace caisse::host::store
