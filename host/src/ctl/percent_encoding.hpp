// Path segments and query values of the admin API: whatever an operator typed (a household id,
// a plugin name) goes into a URL percent-encoded, so it can never add a segment or a parameter.
#pragma once

#include <string>
#include <string_view>

namespace caisse::host::ctl {

// Every byte but the unreserved ones (A-Z a-z 0-9 - . _ ~) as %XX: "H 1/2" -> "H%201%2F2".
std::string percent_encode(std::string_view segment);

}  // namespace caisse::host::ctl
