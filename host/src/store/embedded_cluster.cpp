#include "store/embedded_cluster.hpp"

#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include "store/child_process.hpp"
#include "store/conninfo.hpp"
#include "store/pg_connection.hpp"
#include "store/postmaster_pid.hpp"

namespace caisse::host::store {
namespace {

namespace fs = std::filesystem;

constexpr const char* kSuperuser = "caissed";
constexpr const char* kDatabase = "caissed";
constexpr int kPort = 5432;
constexpr const char* kSocketFile = ".s.PGSQL.5432";
// A unix socket path must fit sun_path: 108 bytes with the terminating NUL.
constexpr std::size_t kMaxSocketPath = 107;
constexpr const char* kFallbackSocketPrefix = "caissed-pg-";
constexpr const char* kSettingsInclude = "include = 'caissed.conf'";
constexpr auto kExitWait = std::chrono::seconds(10);

std::string errno_text() {
  return std::strerror(errno);
}

// postgresql.conf string literal: quotes doubled.
std::string quote_setting(const std::string& value) {
  std::string quoted = "'";
  for (char c : value) quoted += c == '\'' ? std::string("''") : std::string(1, c);
  return quoted + "'";
}

bool is_fallback_socket_dir(const fs::path& dir) {
  return dir.parent_path() == "/tmp" && dir.filename().string().starts_with(kFallbackSocketPrefix);
}

Result<void> give_to(const fs::path& path, const std::optional<SystemUser>& owner) {
  if (owner && chown(path.c_str(), owner->uid, owner->gid) != 0) {
    return make_error("cannot give " + path.string() + " to user '" + owner->name +
                      "': " + errno_text());
  }
  return {};
}

Result<void> make_private_dir(const fs::path& dir, const std::optional<SystemUser>& owner) {
  std::error_code error;
  fs::create_directories(dir, error);
  if (error) return make_error("cannot create directory " + dir.string() + ": " + error.message());
  if (chmod(dir.c_str(), 0700) != 0) {
    return make_error("cannot restrict " + dir.string() + " to mode 0700: " + errno_text());
  }
  return give_to(dir, owner);
}

bool file_has_line(const fs::path& file, const std::string& wanted) {
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);) {
    if (line == wanted) return true;
  }
  return false;
}

bool wait_until_gone(pid_t pid) {
  auto deadline = std::chrono::steady_clock::now() + kExitWait;
  while (process_alive(pid)) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

std::string conninfo_for(const fs::path& socket_dir, int port, const char* dbname) {
  return "host=" + quote_conninfo_value(socket_dir.string()) + " port=" + std::to_string(port) +
         " dbname=" + dbname + " user=" + kSuperuser;
}

}  // namespace

Result<std::unique_ptr<EmbeddedCluster>> EmbeddedCluster::start(
    const EmbeddedClusterOptions& options) {
  std::unique_ptr<EmbeddedCluster> cluster(new EmbeddedCluster());
  auto binaries = find_pg_binaries(options.pg_bin_dir);
  if (!binaries) return binaries.error();
  cluster->binaries_ = *binaries;
  if (geteuid() == 0) {
    auto user = find_system_user("postgres");
    if (!user) return user.error();
    cluster->run_as_ = *user;
  }

  fs::path dir = fs::absolute(options.cluster_dir).lexically_normal();
  if (!dir.has_filename()) dir = dir.parent_path();  // "a/b/" -> "a/b"
  cluster->cluster_dir_ = dir;
  cluster->data_dir_ = dir / "data";
  if (auto made = make_private_dir(dir, cluster->run_as_); !made) return made.error();
  if (cluster->run_as_) {
    if (auto reachable = check_can_reach(*cluster->run_as_, dir); !reachable) {
      return reachable.error();
    }
  }
  cluster->reused_ = fs::exists(cluster->data_dir_ / "PG_VERSION");

  auto running = read_postmaster_pid(cluster->data_dir_);
  if (cluster->reused_ && running && process_alive(running->pid)) {
    if (running->socket_dir.empty()) {
      return make_error("a PostgreSQL server for " + cluster->data_dir_.string() + " (pid " +
                        std::to_string(running->pid) + ") is still starting: try again");
    }
    cluster->adopted_ = true;
    cluster->port_ = running->port;
    cluster->socket_dir_ = running->socket_dir;
    cluster->owns_socket_dir_ = is_fallback_socket_dir(running->socket_dir);
    spdlog::warn("event=embedded_postgres_adopted pid={} dir={}", running->pid, dir.string());
  } else {
    // A server that died without cleaning up may have left its /tmp socket directory.
    if (running && is_fallback_socket_dir(running->socket_dir)) {
      std::error_code ignored;
      fs::remove_all(running->socket_dir, ignored);
    }
    if (!cluster->reused_) {
      if (auto initialised = cluster->initialise(); !initialised) return initialised.error();
    }
    if (auto chosen = cluster->choose_socket_dir(); !chosen) return chosen.error();
    if (auto written = cluster->write_settings(); !written) return written.error();
    if (auto started = cluster->start_server(); !started) return started.error();
  }
  cluster->running_ = true;  // from here on, a failure stops the server again (destructor)
  if (auto created = cluster->create_database(); !created) return created.error();
  return cluster;
}

EmbeddedCluster::~EmbeddedCluster() {
  if (auto stopped = stop(); !stopped) {
    spdlog::error("event=embedded_postgres_stop_failed error=\"{}\"", stopped.error().message);
  }
}

std::string EmbeddedCluster::conninfo() const {
  return conninfo_for(socket_dir_, port_, kDatabase);
}

Result<void> EmbeddedCluster::run_pg_program(const std::vector<std::string>& argv,
                                             const std::string& what) {
  auto ran = run_command(argv, run_as_ ? &*run_as_ : nullptr);
  if (!ran) return make_error("cannot " + what + ": " + ran.error().message);
  if (ran->exit_code != 0) {
    return make_error("cannot " + what + ": " + fs::path(argv[0]).filename().string() +
                      " exited with status " + std::to_string(ran->exit_code) + ": " +
                      output_tail(ran->output));
  }
  return {};
}

Result<void> EmbeddedCluster::initialise() {
  spdlog::info("event=embedded_postgres_initdb dir={}", data_dir_.string());
  return run_pg_program({binaries_.initdb.string(), "-D", data_dir_.string(), "-U", kSuperuser,
                         "-A", "trust", "-E", "UTF8", "--locale=C"},
                        "initialise the PostgreSQL cluster in " + data_dir_.string());
}

Result<void> EmbeddedCluster::choose_socket_dir() {
  fs::path preferred = cluster_dir_ / "socket";
  if ((preferred / kSocketFile).native().size() <= kMaxSocketPath) {
    socket_dir_ = preferred;
    return make_private_dir(preferred, run_as_);
  }
  // Too long for a socket: a fresh private directory under /tmp. The server records it in
  // postmaster.pid, which is how a later caissed finds it when adopting the server.
  std::string pattern = std::string("/tmp/") + kFallbackSocketPrefix + "XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) {
    return make_error("cannot create a socket directory under /tmp: " + errno_text());
  }
  socket_dir_ = pattern;
  owns_socket_dir_ = true;
  return give_to(socket_dir_, run_as_);
}

Result<void> EmbeddedCluster::write_settings() {
  // Included from postgresql.conf, rewritten at each start so the socket directory can move.
  fs::path settings = data_dir_ / "caissed.conf";
  {
    std::ofstream out(settings, std::ios::trunc);
    out << "# Written by caissed at each start: edits here are lost.\n"
           "# No TCP port and a socket directory only the server's owner can enter: this is\n"
           "# what makes the trust authentication of this cluster safe.\n"
           "listen_addresses = ''\n"
           "port = "
        << kPort << "\nunix_socket_directories = " << quote_setting(socket_dir_.string())
        << "\nunix_socket_permissions = 0700\n";
    if (!out.flush()) return make_error("cannot write " + settings.string());
  }
  if (auto given = give_to(settings, run_as_); !given) return given;

  fs::path main_settings = data_dir_ / "postgresql.conf";
  if (!file_has_line(main_settings, kSettingsInclude)) {
    std::ofstream out(main_settings, std::ios::app);
    out << "\n# Added by caissed: the settings it imposes.\n" << kSettingsInclude << "\n";
    if (!out.flush()) return make_error("cannot append to " + main_settings.string());
  }
  return {};
}

Result<void> EmbeddedCluster::start_server() {
  fs::path log = cluster_dir_ / "server.log";
  auto started = run_pg_program({binaries_.pg_ctl.string(), "-D", data_dir_.string(), "-l",
                                 log.string(), "-w", "-t", "120", "start"},
                                "start the embedded PostgreSQL in " + data_dir_.string());
  if (!started) return make_error(started.error().message + describe_server_log());
  port_ = kPort;
  return {};
}

std::string EmbeddedCluster::describe_server_log() const {
  fs::path log = cluster_dir_ / "server.log";
  std::ifstream in(log);
  std::stringstream text;
  text << in.rdbuf();
  if (text.str().empty()) return "";
  return "; end of " + log.string() + ": " + output_tail(text.str(), 800);
}

Result<void> EmbeddedCluster::create_database() {
  auto admin = PgConnection::connect(conninfo_for(socket_dir_, port_, "postgres"));
  if (!admin) return make_error("embedded PostgreSQL: " + admin.error().message);
  auto exists = admin->exec_params("SELECT 1 FROM pg_database WHERE datname = $1", {kDatabase});
  if (!exists) return exists.error();
  if (exists->rows() > 0) return {};
  auto created = admin->exec(std::string("CREATE DATABASE ") + kDatabase);
  // 42P04: a caissed starting at the same moment created it first, which is as good.
  if (!created && created.error().message.find("42P04") == std::string::npos) {
    return created.error();
  }
  return {};
}

Result<void> EmbeddedCluster::stop() {
  if (running_) {
    running_ = false;
    auto server = read_postmaster_pid(data_dir_);
    // No live server: it was stopped by other means, and there is nothing left to do.
    if (server && process_alive(server->pid)) {
      auto stopped = run_pg_program({binaries_.pg_ctl.string(), "-D", data_dir_.string(), "-m",
                                     "fast", "-w", "-t", "60", "stop"},
                                    "stop the embedded PostgreSQL in " + data_dir_.string());
      if (!stopped) return stopped;
      // pg_ctl returns once postmaster.pid is gone, a moment before the process itself.
      if (!wait_until_gone(server->pid)) {
        return make_error("PostgreSQL server pid " + std::to_string(server->pid) + " of " +
                          data_dir_.string() + " still running 10 s after pg_ctl stop");
      }
    }
  }
  if (owns_socket_dir_) {
    owns_socket_dir_ = false;
    std::error_code ignored;
    fs::remove_all(socket_dir_, ignored);
  }
  return {};
}

}  // namespace caisse::host::store
