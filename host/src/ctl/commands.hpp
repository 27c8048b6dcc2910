// Runs one caissectl invocation: resolves the token, asks the daemon, prints the answer.
#pragma once

#include <functional>
#include <ostream>
#include <string>

#include "ctl/command_line.hpp"
#include "ctl/idempotency_key.hpp"

namespace caisse::host::ctl {

// caissectl's exit codes (docs/running.md, docs/admin-api.md).
enum ExitCode : int {
  kExitOk = 0,
  kExitRefused = 1,      // the daemon answered with an HTTP error status (or not with JSON),
                         // `ledger check` found a broken invariant, or a currency instance
                         // answered `error` (merchants sync, purchases import, import merchants)
  kExitUsage = 2,        // bad option, command, URL, token file, CA file or import file
  kExitUnreachable = 3,  // no answer: connection, TLS, timeout
};

// The admin API path a command asks for ("/api/v1/plugins/hello",
// "/api/v1/caisses/montpellier/cycles/2026-11/approve"); names, ids and months are
// percent-encoded. Not meaningful for Command::help.
std::string api_target(const Invocation& invocation);

// Whether the command is a POST (the cycle actions that change state, import, merchants sync,
// purchases import) rather than a GET.
bool is_post(Command command);

// What run_command takes from the outside world besides its streams, so tests can fix it.
struct Services {
  // A fresh Idempotency-Key for the invocation's POST.
  std::function<std::string()> idempotency_key = random_idempotency_key;
};

// The answer goes to `out` (rendered text, or with --json the API's JSON on one line); errors go
// to `err` starting with "caissectl: " (a daemon's message of several lines is printed whole,
// each of its lines indented under the first). A POST carries an `Idempotency-Key` header; with
// --json its value is also printed to `err` before the request goes out, otherwise nothing is said
// about it. Never prints the token.
int run_command(const Invocation& invocation, std::ostream& out, std::ostream& err,
                const Services& services = {});

}  // namespace caisse::host::ctl
