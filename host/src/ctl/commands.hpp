// Runs one caissectl invocation: resolves the token, asks the daemon, prints the answer.
#pragma once

#include <ostream>

#include "ctl/command_line.hpp"

namespace caisse::host::ctl {

// caissectl's exit codes (docs/running.md, docs/admin-api.md).
enum ExitCode : int {
  kExitOk = 0,
  kExitRefused = 1,      // the daemon answered with an HTTP error status (or not with JSON)
  kExitUsage = 2,        // bad option, command, URL, token file or CA file
  kExitUnreachable = 3,  // no answer: connection, TLS, timeout
};

// The admin API path a command asks for ("/api/v1/plugins/hello"); the plugin name is
// percent-encoded. Not meaningful for Command::help.
std::string api_target(const Invocation& invocation);

// The answer goes to `out` (rendered text, or with --json the API's JSON on one line); errors go
// to `err` as one line starting with "caissectl: ". Never prints the token.
int run_command(const Invocation& invocation, std::ostream& out, std::ostream& err);

}  // namespace caisse::host::ctl
