// Where the PostgreSQL server programs are. Debian installs them outside PATH, in
// /usr/lib/postgresql/<major>/bin, so that directory is searched first (newest major wins).
#pragma once

#include <filesystem>
#include <string>

#include "core/result.hpp"

namespace caisse::host::store {

struct PgBinaries {
  std::filesystem::path initdb;
  std::filesystem::path pg_ctl;
};

// `pg_bin_dir` non-empty: only that directory. Empty: /usr/lib/postgresql/*/bin, then PATH.
// The error says where it looked and how to install the programs.
Result<PgBinaries> find_pg_binaries(const std::string& pg_bin_dir);

}  // namespace caisse::host::store
