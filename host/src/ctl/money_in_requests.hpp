// What each money-in command asks the daemon (routes in docs/admin-api.md, "Money coming in"):
// the method, the path, and the body of a POST.
#pragma once

#include <string>

#include "core/result.hpp"
#include "ctl/command_line.hpp"
#include "ctl/request_body.hpp"

namespace caisse::host::ctl {

// "/api/v1/caisses/nantes-ouest/bank-lines?status=unmatched"; every typed value is
// percent-encoded. "" for a command that is not a money-in command.
std::string money_in_target(const Invocation& invocation);

// Whether the money-in command is a POST (all but collection status, bank queue and webhooks
// dead).
bool money_in_is_post(Command command);

// The body of a money-in POST: the file of an import (mandates as CSV, a statement as bytes, a
// status report as XML), the JSON of collection draft and bank decide, else nothing. Errors: the
// file cannot be read.
Result<RequestBody> money_in_body(const Invocation& invocation);

}  // namespace caisse::host::ctl
