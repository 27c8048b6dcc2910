// Schema migrations: numbered SQL files (host/migrations/NNNN_description.sql) compiled into
// the binary. migrate() brings a database to the newest version this binary knows, in one
// transaction, and refuses a database that a newer caissed already migrated further.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::store {

struct Migration {
  int version;       // NNNN of the file name
  std::string name;  // the description after NNNN_, e.g. "foundation"
  std::string sql;   // the file's contents; no BEGIN/COMMIT (migrate() owns the transaction)
};

struct MigrationReport {
  int from_version = 0;  // 0 for an empty database
  int to_version = 0;
  std::vector<int> applied;  // in order; empty when the database was up to date
};

// The migrations of host/migrations, in version order.
std::span<const Migration> builtin_migrations();

// "0001_foundation.sql": how errors and logs name a migration.
std::string migration_file_name(const Migration& migration);

// Applies every migration newer than the database's version, all or nothing, and records each
// in schema_migrations. Two processes migrating the same database at once are serialised by a
// transaction-scoped advisory lock: the second one finds nothing left to do. `migrations` must
// be in strictly increasing version order (anything else is a bug: std::invalid_argument).
Result<MigrationReport> migrate(PgConnection& connection, std::span<const Migration> migrations);

}  // namespace caisse::host::store
