// What each conventionnement command asks the daemon (routes in docs/admin-api.md,
// "Conventionnement"): the path, whether it is a POST, and the body of a POST.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"
#include "ctl/command_line.hpp"
#include "ctl/request_body.hpp"

namespace caisse::host::ctl {

// "/api/v1/caisses/nantes-ouest/merchants/M-0031", "…/evaluations?grid=2025-1"; every typed
// value is percent-encoded. "" for another command.
std::string conventionnement_target(const Invocation& invocation);

// Whether the command is a POST (evaluation record, decision record).
bool conventionnement_is_post(Command command);

// The JSON the decision route reads, member for member (docs/conventionnement.md).
std::string decision_record_json(const Invocation& invocation);

// The body of a conventionnement POST: the evaluation file, or the decision's JSON. Errors: the
// file cannot be read, or it is TOML whose `grid_version` is not --grid (caught here so that a
// visit typed against the wrong grid is a usage error, exit 2, and nothing is sent).
Result<RequestBody> conventionnement_body(const Invocation& invocation);

// The `grid_version` an evaluation file names, "" when it does not say or does not read as TOML
// (the daemon then names the error with its line and column).
std::string evaluation_grid_version(std::string_view toml_text);

}  // namespace caisse::host::ctl
