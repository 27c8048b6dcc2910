// The daemon's database: either the server `[storage] url` names, or a private PostgreSQL
// cluster the daemon runs in `<data_dir>/postgres` and stops on exit. Either way the schema is
// migrated before anything else touches it.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "config/daemon_config.hpp"
#include "core/result.hpp"
#include "store/embedded_cluster.hpp"

namespace caisse::host::daemon {

struct Database {
  std::string mode;      // "embedded" or "external", as /api/v1/status reports it
  std::string conninfo;  // may hold a password: never log it (use store::redact_conninfo)
  int schema_version = 0;
  std::unique_ptr<store::EmbeddedCluster> cluster;  // null for an external server
};

Result<Database> open_database(const config::DaemonConfig& config);

}  // namespace caisse::host::daemon
