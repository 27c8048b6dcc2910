#include "daemon/api_contract.hpp"

#include <spdlog/spdlog.h>

#include "http/route_contract.hpp"

namespace caisse::host::daemon {

std::size_t log_api_contract_mismatches(const http::Router& router, std::string_view openapi_json) {
  auto problems = http::compare_with_contract(openapi_json, router.routes());
  if (!problems) {
    spdlog::error("event=api_contract_mismatch route=\"-\" problem=\"docs/api/openapi.json: {}\"",
                  problems.error().message);
    return 1;
  }
  for (const auto& p : *problems) {
    spdlog::error("event=api_contract_mismatch route=\"{}\" problem=\"{}\"", p.route, p.problem);
  }
  // Said also when all is well, so a test can tell the check ran.
  spdlog::info("event=api_contract_checked routes={} problems={}", router.routes().size(),
               problems->size());
  return problems->size();
}

}  // namespace caisse::host::daemon
