// The caissed daemon from start to stop: configuration, plugins, database, HTTP, and a graceful
// shutdown that leaves no PostgreSQL process of its data directory behind.
#pragma once

#include "daemon/command_line.hpp"

namespace caisse::host::daemon {

// Runs until SIGTERM/SIGINT. Returns the process exit code: 0 after a clean stop, 1 when the
// daemon could not start (the reason is logged).
int run_daemon(const CommandLine& command_line);

}  // namespace caisse::host::daemon
