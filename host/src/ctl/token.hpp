// The bearer token caissectl sends. It is never printed: errors name where the token came from,
// not what it is.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace caisse::host::ctl {

// The token in `path`, surrounding whitespace (the usual trailing newline) removed. Errors: the
// file cannot be read, is empty, or the token holds a space or control character.
Result<std::string> read_token_file(const std::string& path);

// Checks a token from `source` ("CAISSE_TOKEN", "token file X") can go in an HTTP header: not
// empty, no space or control character.
Result<void> check_token(std::string_view token, std::string_view source);

}  // namespace caisse::host::ctl
