// The unprivileged account PostgreSQL runs as when caissed is root (the server refuses root),
// and whether that account can reach a directory.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace caisse::host::store {

struct SystemUser {
  std::string name;
  uid_t uid = 0;
  gid_t gid = 0;
  std::vector<gid_t> groups;  // supplementary groups, the primary one included
};

Result<SystemUser> find_system_user(const std::string& name);

// Fails, naming the first directory above `dir` that `user` may not enter (no search
// permission by mode bits), and what to do about it.
Result<void> check_can_reach(const SystemUser& user, const std::filesystem::path& dir);

}  // namespace caisse::host::store
