// The fields of a raw query string, as the admin API's GET routes read their parameters.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace caisse::host::http {

// "month=2026-11&adults=2" -> {{"month","2026-11"},{"adults","2"}}, percent-decoded, in order;
// empty pairs ("a=1&&b=2") are skipped. An invalid error "<name>: <why>" for a field that is
// malformed (bad percent-encoding) or given twice.
Result<std::vector<std::pair<std::string, std::string>>> query_fields(std::string_view query);

}  // namespace caisse::host::http
