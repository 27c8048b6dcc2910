// At start, after every route is added: the routes the daemon serves against its OpenAPI
// description (http/route_contract.hpp). A disagreement is a developer's mistake, not an
// operator's: it is logged as an error, one line each, and the daemon starts anyway; the tests
// (tests/e2e/api_contract_test.sh) fail on any such line.
#pragma once

#include <cstddef>
#include <string_view>

#include "http/router.hpp"

namespace caisse::host::daemon {

// Logs `event=api_contract_mismatch route="POST /api/v1/..." problem="..."` for each problem
// and returns how many there were (an unreadable document counts as one).
std::size_t log_api_contract_mismatches(const http::Router& router, std::string_view openapi_json);

}  // namespace caisse::host::daemon
