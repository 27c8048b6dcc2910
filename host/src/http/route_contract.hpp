// The admin API's contract (docs/api/openapi.json) against the routes a router really serves.
// A route the file does not describe, or an operation no route serves, is a developer's mistake
// that clients (the web dashboard, caissectl, researchers' scripts) would meet at run time; the
// daemon logs each one at start and the tests fail on them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "http/router.hpp"

namespace caisse::host::http {

// One disagreement between the file and the routes.
struct ContractProblem {
  std::string route;    // "POST /api/v1/caisses/{caisse}/imports/{kind}"
  std::string problem;  // what is wrong, in a sentence
};

// Only routes under these prefixes are part of the contract: the probes, /metrics and the web
// pages are not the API.
inline constexpr std::string_view kContractPrefixes[] = {"/api/v1/", "/webhooks/"};

// Compares an OpenAPI 3.x document (JSON text) with the routes:
//  - a route under kContractPrefixes that no operation of the file describes;
//  - an operation of the file that no route serves (a route whose parameters are named
//    differently, /x/{id} against /x/{name}, is reported as such: names must match);
//  - an operation whose `in: path` parameters are not exactly the {names} of its path;
//  - an operation with a bearer requirement but no `x-roles`, and a POST under /api/v1/ without
//    the `Idempotency-Key` header parameter.
// An error when the text is not JSON or has no `paths` object. Problems come sorted by route.
Result<std::vector<ContractProblem>> compare_with_contract(std::string_view openapi_json,
                                                           const std::vector<RouteEntry>& routes);

}  // namespace caisse::host::http
