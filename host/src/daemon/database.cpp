#include "daemon/database.hpp"

#include <spdlog/spdlog.h>

#include "store/migrations.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::daemon {

Result<Database> open_database(const config::DaemonConfig& config) {
  Database db;
  if (config.storage.url) {
    auto url = config.storage.url->resolve();
    if (!url) return make_error("storage.url: " + url.error().message);
    db.mode = "external";
    db.conninfo = std::move(url.value());
  } else {
    db.mode = "embedded";
    std::filesystem::path dir = config.data_dir / "postgres";
    auto cluster = store::EmbeddedCluster::start({dir, config.storage.pg_bin_dir});
    if (!cluster) return cluster.error();
    db.cluster = std::move(cluster.value());
    db.conninfo = db.cluster->conninfo();
    spdlog::info("event=embedded_postgres_started dir={} reused={}", dir.string(),
                 db.cluster->reused());
  }

  auto connection = store::PgConnection::connect(db.conninfo);
  if (!connection) return connection.error();
  auto report = store::migrate(*connection, store::builtin_migrations());
  if (!report) return report.error();
  db.schema_version = report->to_version;
  spdlog::info("event=schema_ready database={} from_version={} to_version={}",
               store::redact_conninfo(db.conninfo), report->from_version, report->to_version);
  return db;
}

}  // namespace caisse::host::daemon
