#include "store/postmaster_pid.hpp"

#include <signal.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <string>

namespace caisse::host::store {

std::optional<PostmasterPid> read_postmaster_pid(const std::filesystem::path& data_dir) {
  // Lines: pid, data directory, start time, port, socket directory, listen address, ...
  std::ifstream in(data_dir / "postmaster.pid");
  std::string lines[5];
  int count = 0;
  while (count < 5 && std::getline(in, lines[count])) ++count;
  if (count == 0) return std::nullopt;
  PostmasterPid found;
  found.pid = static_cast<pid_t>(std::atol(lines[0].c_str()));
  if (found.pid <= 0) return std::nullopt;
  if (count >= 4) found.port = std::atoi(lines[3].c_str());
  if (count >= 5) found.socket_dir = lines[4];
  return found;
}

bool process_alive(pid_t pid) {
  if (pid <= 0 || (kill(pid, 0) != 0 && errno != EPERM)) return false;
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text;
  if (!std::getline(stat, text)) return true;  // no /proc: trust kill()
  // "pid (command) S ...": the state follows the last ')' (the command may contain one).
  std::size_t close = text.rfind(')');
  return close == std::string::npos || close + 2 >= text.size() || text[close + 2] != 'Z';
}

}  // namespace caisse::host::store
