#include "pg_test_env.hpp"

#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <stdexcept>

#include "store/conninfo.hpp"
#include "store/embedded_cluster.hpp"
#include "store/pg_connection.hpp"

namespace caisse::testing {
namespace {

namespace store = caisse::host::store;

class TestServer {
 public:
  TestServer() {
    if (const char* url = std::getenv("CAISSE_TEST_PG_URL"); url != nullptr && *url != '\0') {
      url_ = url;
      return;
    }
    // Short on purpose: the server's unix socket lives inside.
    std::string pattern = "/tmp/caisse-test-XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) {
      throw std::runtime_error("cannot create a directory for the test PostgreSQL under /tmp");
    }
    dir_ = pattern;
    auto cluster = store::EmbeddedCluster::start({dir_, ""});
    if (!cluster) {
      std::filesystem::remove_all(dir_);
      throw std::runtime_error("cannot start the test PostgreSQL: " + cluster.error().message);
    }
    cluster_ = std::move(cluster.value());
    url_ = cluster_->conninfo();
  }

  ~TestServer() {
    cluster_.reset();  // stops the server (and logs if that fails)
    if (!dir_.empty()) {
      std::error_code ignored;
      std::filesystem::remove_all(dir_, ignored);
    }
  }

  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  const std::string& url() const { return url_; }

 private:
  std::filesystem::path dir_;
  std::unique_ptr<store::EmbeddedCluster> cluster_;
  std::string url_;
};

// Lower-case letters, digits and _ only, so the name needs no quoting; short enough that the
// suffix fits PostgreSQL's 63-byte identifiers.
std::string database_name(std::string_view label) {
  static std::atomic<unsigned> counter{0};
  static const unsigned run = std::random_device{}();
  std::string name = "t_";
  for (char c : label.substr(0, 30)) {
    name += std::isalnum(static_cast<unsigned char>(c))
                ? static_cast<char>(std::tolower(static_cast<unsigned char>(c)))
                : '_';
  }
  return name + "_" + std::to_string(getpid()) + "_" + std::to_string(run % 100000) + "_" +
         std::to_string(counter++);
}

}  // namespace

const std::string& test_database_url() {
  static TestServer server;
  return server.url();
}

std::string fresh_database(std::string_view label) {
  auto admin = store::PgConnection::connect(test_database_url());
  if (!admin) throw std::runtime_error(admin.error().message);
  std::string name = database_name(label);
  auto created = admin->exec("CREATE DATABASE " + name);
  if (!created) throw std::runtime_error(created.error().message);
  auto conninfo = store::conninfo_with_dbname(test_database_url(), name);
  if (!conninfo) throw std::runtime_error(conninfo.error().message);
  return conninfo.value();
}

}  // namespace caisse::testing
