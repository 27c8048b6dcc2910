// The encoding check every imported file goes through: UTF-8, with or without a byte order mark.
// Spreadsheets often save Windows-1252 or UTF-16 instead; those are refused with an error that
// says what the file looks like and how to save it, rather than read as mangled text.
#pragma once

#include <string_view>

#include "core/result.hpp"

namespace caisse::host::csv {

// `bytes` without its UTF-8 byte order mark (EF BB BF), if it has one. Errors, prefixed with
// `file_name`: a UTF-16 or UTF-32 byte order mark, a byte sequence that is not UTF-8 (with the
// line it is on and the byte), a NUL byte.
Result<std::string_view> utf8_text(std::string_view file_name, std::string_view bytes);

}  // namespace caisse::host::csv
