// The private PostgreSQL server caissed runs when no `[storage] url` is configured: a cluster
// in its data directory, reachable only through a unix socket in a directory nobody else can
// enter, started with the daemon and stopped with it.
//
// Layout of `cluster_dir` (normally <data_dir>/postgres):
//   data/         the cluster (PGDATA); data/caissed.conf holds the settings caissed imposes
//   socket/       the unix socket (mode 0700), unless that path is too long for a socket:
//                 then a fresh /tmp/caissed-pg-XXXXXX directory, removed on stop
//   server.log    the server's log
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "store/pg_binaries.hpp"
#include "store/system_user.hpp"

namespace caisse::host::store {

struct EmbeddedClusterOptions {
  std::filesystem::path cluster_dir;
  std::string pg_bin_dir;  // empty: search /usr/lib/postgresql/*/bin, then PATH
};

class EmbeddedCluster {
 public:
  // Creates the cluster on first use (initdb; superuser `caissed`, trust authentication,
  // acceptable only because no TCP port is opened), otherwise reuses it; starts the server
  // and creates database `caissed` if missing. If a server for this cluster is already
  // running (a previous caissed was killed), it is adopted rather than started twice.
  // As root, the cluster belongs to and runs as the `postgres` system user.
  static Result<std::unique_ptr<EmbeddedCluster>> start(const EmbeddedClusterOptions& options);

  EmbeddedCluster(const EmbeddedCluster&) = delete;
  EmbeddedCluster& operator=(const EmbeddedCluster&) = delete;
  ~EmbeddedCluster();  // stops the server if stop() was not called; logs a failure

  // host=<socket dir> port=… dbname=caissed user=caissed (no password: there is none).
  std::string conninfo() const;
  bool reused() const { return reused_; }    // the cluster existed before this start
  bool adopted() const { return adopted_; }  // its server was already running
  const std::filesystem::path& data_dir() const { return data_dir_; }

  // Fast shutdown (open transactions are rolled back), waiting until the server process is
  // gone. Calling it again does nothing.
  Result<void> stop();

 private:
  EmbeddedCluster() = default;
  Result<void> run_pg_program(const std::vector<std::string>& argv, const std::string& what);
  Result<void> initialise();
  Result<void> choose_socket_dir();
  Result<void> write_settings();
  Result<void> start_server();
  Result<void> create_database();
  std::string describe_server_log() const;

  PgBinaries binaries_;
  std::optional<SystemUser> run_as_;  // set when caissed is root
  std::filesystem::path cluster_dir_;
  std::filesystem::path data_dir_;
  std::filesystem::path socket_dir_;
  bool owns_socket_dir_ = false;  // a /tmp fallback, removed on stop
  int port_ = 5432;
  bool reused_ = false;
  bool adopted_ = false;
  bool running_ = false;
};

}  // namespace caisse::host::store
