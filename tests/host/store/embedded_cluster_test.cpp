#include "store/embedded_cluster.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/pg_connection.hpp"
#include "store/postmaster_pid.hpp"
#include "temp_dir.hpp"

namespace caisse::host::store {
namespace {

using caisse::testing::TempDir;

std::unique_ptr<EmbeddedCluster> start_or_fail(const std::filesystem::path& dir) {
  auto cluster = EmbeddedCluster::start({dir, ""});
  if (!cluster) throw std::runtime_error(cluster.error().message);
  return std::move(cluster.value());
}

Result<PgResult> query(const EmbeddedCluster& cluster, const std::string& sql) {
  auto db = PgConnection::connect(cluster.conninfo());
  if (!db) return db.error();
  return db->exec(sql);
}

TEST(EmbeddedCluster, FreshStartAnswersQueries) {
  TempDir temp;
  auto cluster = start_or_fail(temp.path() / "postgres");
  EXPECT_FALSE(cluster->reused());
  EXPECT_FALSE(cluster->adopted());
  auto result = query(*cluster, "SELECT current_database(), current_user");
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->get(0, 0), "caissed");
  EXPECT_EQ(result->get(0, 1), "caissed");
  EXPECT_TRUE(cluster->stop().ok());
}

TEST(EmbeddedCluster, ListensOnNoTcpPortAndKeepsItsSocketPrivate) {
  TempDir temp;
  auto cluster = start_or_fail(temp.path() / "postgres");
  auto listen = query(*cluster, "SHOW listen_addresses");
  ASSERT_TRUE(listen.ok()) << listen.error().message;
  EXPECT_EQ(listen->get(0, 0), "");
  struct stat socket_dir {};
  ASSERT_EQ(stat((temp.path() / "postgres" / "socket").c_str(), &socket_dir), 0);
  EXPECT_EQ(socket_dir.st_mode & 0777, 0700u);
}

TEST(EmbeddedCluster, RestartReusesTheClusterAndItsTables) {
  TempDir temp;
  {
    auto first = start_or_fail(temp.path() / "postgres");
    auto created = query(*first, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (7)");
    ASSERT_TRUE(created.ok()) << created.error().message;
    ASSERT_TRUE(first->stop().ok());
  }
  auto second = start_or_fail(temp.path() / "postgres");
  EXPECT_TRUE(second->reused());
  EXPECT_FALSE(second->adopted());
  auto kept = query(*second, "SELECT id FROM kept");
  ASSERT_TRUE(kept.ok()) << kept.error().message;
  EXPECT_EQ(kept->get(0, 0), "7");
}

TEST(EmbeddedCluster, StopLeavesNoServerProcess) {
  TempDir temp;
  auto cluster = start_or_fail(temp.path() / "postgres");
  auto running = read_postmaster_pid(cluster->data_dir());
  ASSERT_TRUE(running.has_value());
  ASSERT_TRUE(process_alive(running->pid));
  auto stopped = cluster->stop();
  ASSERT_TRUE(stopped.ok()) << stopped.error().message;
  EXPECT_FALSE(std::filesystem::exists(cluster->data_dir() / "postmaster.pid"));
  EXPECT_FALSE(process_alive(running->pid));
  EXPECT_TRUE(cluster->stop().ok()) << "a second stop does nothing";
}

TEST(EmbeddedCluster, DestructorStopsTheServer) {
  TempDir temp;
  pid_t pid = 0;
  {
    auto cluster = start_or_fail(temp.path() / "postgres");
    pid = read_postmaster_pid(cluster->data_dir()).value().pid;
  }
  EXPECT_FALSE(process_alive(pid));
}

TEST(EmbeddedCluster, MissingBinariesGiveInstallAdvice) {
  TempDir temp;
  auto cluster = EmbeddedCluster::start({temp.path() / "postgres", "/nonexistent/pg/bin"});
  ASSERT_FALSE(cluster.ok());
  EXPECT_EQ(cluster.error().message,
            "PostgreSQL server binaries (initdb, pg_ctl) not found in /nonexistent/pg/bin "
            "([storage] pg_bin_dir): install them with 'apt-get install postgresql', or set "
            "[storage] pg_bin_dir, or set [storage] url to use an external server");
}

// A caissed killed with SIGKILL leaves its server running; the next start adopts it.
TEST(EmbeddedCluster, ServerLeftByAKilledProcessIsAdopted) {
  TempDir temp;
  std::filesystem::path dir = temp.path() / "postgres";
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    auto cluster = EmbeddedCluster::start({dir, ""});
    if (cluster.ok()) raise(SIGKILL);  // no destructor, no stop: like a killed daemon
    _exit(1);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the child could not start the cluster";
  auto orphan = read_postmaster_pid(dir / "data");
  ASSERT_TRUE(orphan.has_value());
  ASSERT_TRUE(process_alive(orphan->pid));

  auto adopted = start_or_fail(dir);
  EXPECT_TRUE(adopted->adopted());
  EXPECT_TRUE(adopted->reused());
  auto answered = query(*adopted, "SELECT 1");
  ASSERT_TRUE(answered.ok()) << answered.error().message;
  ASSERT_TRUE(adopted->stop().ok());
  EXPECT_FALSE(process_alive(orphan->pid));
}

TEST(EmbeddedCluster, TooLongPathPutsTheSocketUnderTmpAndAdoptionFindsIt) {
  TempDir temp;
  std::filesystem::path dir = temp.path() / std::string(100, 'p');
  auto first = start_or_fail(dir);
  EXPECT_NE(first->conninfo().find("host='/tmp/caissed-pg-"), std::string::npos)
      << first->conninfo();
  auto second = start_or_fail(dir);
  EXPECT_TRUE(second->adopted());
  EXPECT_EQ(second->conninfo(), first->conninfo());
  ASSERT_TRUE(query(*second, "SELECT 1").ok());

  auto socket_dir = read_postmaster_pid(second->data_dir()).value().socket_dir;
  ASSERT_TRUE(second->stop().ok());
  EXPECT_FALSE(std::filesystem::exists(socket_dir)) << "the /tmp socket directory is removed";
  EXPECT_TRUE(first->stop().ok()) << "stopping an already stopped cluster is not an error";
}

TEST(EmbeddedCluster, AsRootAParentThePostgresUserCannotEnterIsNamed) {
  if (geteuid() != 0) GTEST_SKIP() << "only root hands the cluster to the postgres user";
  TempDir temp;
  std::filesystem::path closed = temp.path() / "closed";
  std::filesystem::create_directory(closed);
  chmod(closed.c_str(), 0700);
  auto cluster = EmbeddedCluster::start({closed / "data" / "postgres", ""});
  ASSERT_FALSE(cluster.ok());
  EXPECT_NE(cluster.error().message.find("the 'postgres' user cannot enter " + closed.string() +
                                         " (mode 0700, owner root)"),
            std::string::npos)
      << cluster.error().message;
  EXPECT_NE(cluster.error().message.find("chmod o+x " + closed.string()), std::string::npos);
}

}  // namespace
}  // namespace caisse::host::store
