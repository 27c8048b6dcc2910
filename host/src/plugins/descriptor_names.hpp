// Words for the numbers in a plugin descriptor and in hook results, as operators read them in
// refusals, logs, the admin API and `caissectl plugin describe`.
#pragma once

#include <caisse/sdk.h>

#include <cstdint>
#include <string>
#include <vector>

namespace caisse::host::plugins {

// {"currency", "rule"} in bit order; a bit no role has is shown as hex ("0x40").
std::vector<std::string> role_list(std::uint32_t roles);

// "currency, rule"; "none" for 0.
std::string role_names(std::uint32_t roles);

// "string", "integer", "boolean"; for a type the loader already checked.
const char* config_type_name(caisse_config_type_t type);

// "INVALID_ARGUMENT", ...; "status 42" for a value the ABI does not define. An integer, since
// a plugin may return anything (see untrusted_enum.hpp).
std::string status_name(int status);

}  // namespace caisse::host::plugins
