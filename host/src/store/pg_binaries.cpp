#include "store/pg_binaries.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <vector>

namespace caisse::host::store {
namespace {

namespace fs = std::filesystem;

constexpr const char* kDebianRoot = "/usr/lib/postgresql";

bool is_program(const fs::path& path) {
  std::error_code ignored;
  return fs::is_regular_file(path, ignored) && access(path.c_str(), X_OK) == 0;
}

std::optional<PgBinaries> binaries_in(const fs::path& dir) {
  PgBinaries found{dir / "initdb", dir / "pg_ctl"};
  if (is_program(found.initdb) && is_program(found.pg_ctl)) return found;
  return std::nullopt;
}

// "15" -> {15}, "9.6" -> {9, 6}: majors compare as numbers, not as text ("9" < "15").
std::vector<long> version_of(const std::string& name) {
  std::vector<long> parts;
  std::istringstream in(name);
  for (std::string part; std::getline(in, part, '.');) parts.push_back(std::atol(part.c_str()));
  return parts;
}

std::vector<fs::path> candidate_dirs() {
  std::vector<fs::path> versioned;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(kDebianRoot, error)) {
    versioned.push_back(entry.path() / "bin");
  }
  std::sort(versioned.begin(), versioned.end(), [](const fs::path& a, const fs::path& b) {
    return version_of(a.parent_path().filename().string()) >
           version_of(b.parent_path().filename().string());
  });
  if (const char* path = std::getenv("PATH")) {
    std::istringstream in(path);
    for (std::string dir; std::getline(in, dir, ':');) {
      if (!dir.empty()) versioned.emplace_back(dir);
    }
  }
  return versioned;
}

}  // namespace

Result<PgBinaries> find_pg_binaries(const std::string& pg_bin_dir) {
  std::string where;
  if (!pg_bin_dir.empty()) {
    if (auto found = binaries_in(pg_bin_dir)) return *found;
    where = pg_bin_dir + " ([storage] pg_bin_dir)";
  } else {
    for (const fs::path& dir : candidate_dirs()) {
      if (auto found = binaries_in(dir)) return *found;
    }
    where = std::string(kDebianRoot) + "/*/bin or PATH";
  }
  return make_error("PostgreSQL server binaries (initdb, pg_ctl) not found in " + where +
                    ": install them with 'apt-get install postgresql', or set [storage] "
                    "pg_bin_dir, or set [storage] url to use an external server");
}

}  // namespace caisse::host::store
