// Runs a program (no shell) and collects what it prints, optionally as another system user:
// caissed started as root runs initdb and pg_ctl as `postgres`.
#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"
#include "store/system_user.hpp"

namespace caisse::host::store {

struct CommandOutput {
  int exit_code = 0;   // the exit status, or 128 + signal number when a signal killed it
  std::string output;  // stdout and stderr, interleaved as written
};

// `argv[0]` is the program's absolute path. The child starts in /, with stdin on /dev/null,
// no other inherited descriptors, default signal dispositions and an empty signal mask (a
// daemon blocks SIGTERM for its own use; the server it starts must not inherit that). `as_user`
// null: the current user. The error is for a failure to start; a program that ran and failed
// is a CommandOutput with a non-zero exit code.
Result<CommandOutput> run_command(const std::vector<std::string>& argv, const SystemUser* as_user);

// The last `max_chars` characters of a program's output, for an error message.
std::string output_tail(const std::string& output, std::size_t max_chars = 1500);

}  // namespace caisse::host::store
