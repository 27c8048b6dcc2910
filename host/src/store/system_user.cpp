#include "store/system_user.hpp"

#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>

namespace caisse::host::store {
namespace {

bool may_enter(const SystemUser& user, const struct stat& st) {
  if (user.uid == 0) return true;
  if (st.st_uid == user.uid) return (st.st_mode & S_IXUSR) != 0;
  bool in_group = std::find(user.groups.begin(), user.groups.end(), st.st_gid) != user.groups.end();
  if (in_group) return (st.st_mode & S_IXGRP) != 0;
  return (st.st_mode & S_IXOTH) != 0;
}

std::string octal_mode(mode_t mode) {
  char text[8];
  std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
  return text;
}

}  // namespace

Result<SystemUser> find_system_user(const std::string& name) {
  std::vector<char> buffer(16384);
  passwd entry{};
  passwd* found = nullptr;
  getpwnam_r(name.c_str(), &entry, buffer.data(), buffer.size(), &found);
  if (found == nullptr) {
    return make_error("system user '" + name + "' not found: PostgreSQL refuses to run as root, " +
                      "so caissed started as root runs it as '" + name +
                      "'; create that user (apt-get install postgresql does), or run caissed " +
                      "as an unprivileged user");
  }
  SystemUser user{name, entry.pw_uid, entry.pw_gid, {}};
  int count = 32;
  user.groups.resize(static_cast<std::size_t>(count));
  while (getgrouplist(name.c_str(), entry.pw_gid, user.groups.data(), &count) < 0) {
    user.groups.resize(static_cast<std::size_t>(count));  // count now says how many there are
  }
  user.groups.resize(static_cast<std::size_t>(count));
  return user;
}

Result<void> check_can_reach(const SystemUser& user, const std::filesystem::path& dir) {
  std::filesystem::path absolute = std::filesystem::absolute(dir).lexically_normal();
  std::vector<std::filesystem::path> parents;
  for (auto p = absolute.parent_path(); !p.empty(); p = p.parent_path()) {
    parents.push_back(p);
    if (p == p.root_path()) break;
  }
  // From / downwards, so the message names the outermost directory that blocks.
  for (auto it = parents.rbegin(); it != parents.rend(); ++it) {
    struct stat st {};
    if (stat(it->c_str(), &st) != 0) continue;  // creating the cluster directory will say why
    if (!may_enter(user, st)) {
      passwd owner_entry{};
      passwd* owner = nullptr;
      std::vector<char> buffer(16384);
      getpwuid_r(st.st_uid, &owner_entry, buffer.data(), buffer.size(), &owner);
      return make_error("the '" + user.name + "' user cannot enter " + it->string() + " (mode " +
                        octal_mode(st.st_mode) + ", owner " +
                        (owner ? std::string(owner->pw_name) : std::to_string(st.st_uid)) +
                        "), and the embedded PostgreSQL for " + absolute.string() +
                        " runs as that user because caissed runs as root: choose a data "
                        "directory it can reach (e.g. /var/lib/caissed), or let it through "
                        "with 'chmod o+x " +
                        it->string() + "'");
    }
  }
  return {};
}

}  // namespace caisse::host::store
