// What a running server records in `<data dir>/postmaster.pid`: its pid, port and socket
// directory. Reading it is how caissed finds a server that a killed caissed left running.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <optional>

namespace caisse::host::store {

struct PostmasterPid {
  pid_t pid = 0;
  int port = 0;
  std::filesystem::path socket_dir;  // empty if the server has not written it yet
};

// nullopt when there is no such file or it is unreadable (the server removes it on stop).
std::optional<PostmasterPid> read_postmaster_pid(const std::filesystem::path& data_dir);

// True while `pid` is a live process. A zombie counts as gone: in a container whose init
// does not reap, a stopped server can linger as one.
bool process_alive(pid_t pid);

}  // namespace caisse::host::store
