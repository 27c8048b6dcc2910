// Arbitrary bytes through text-format statements. Parameters go as PostgreSQL's hex form
// (`\x48656c6c6f`), which a bytea parameter accepts as is; values come back in whatever
// output form the server uses (hex by default, `escape` if bytea_output says so).
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace caisse::host::store {

// "Hi\0" -> "\x486900"
std::string bytea_hex(std::string_view bytes);

// The bytes of a bytea value as the server printed it.
Result<std::string> decode_bytea(std::string_view text);

}  // namespace caisse::host::store
