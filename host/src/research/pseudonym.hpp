// The name a household goes by in a research export: "h_" and 16 lowercase hex digits of
// HMAC-SHA256(caisse secret, export_key 0x1F household_id). The same export key gives the same
// pseudonyms in every export (a researcher can follow a household from one month's file to the
// next), another key gives pseudonyms nobody can link to the first ones, and without the caisse's
// secret, which never leaves the database, nobody can tell which household is which.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace caisse::host::research {

// 64 bits: among a caisse's few thousand households two collide with odds below 1 in 10^12.
inline constexpr std::size_t kPseudonymHexDigits = 16;

std::string pseudonym(std::string_view secret, std::string_view export_key,
                      std::string_view household_id);

// 1 to 64 characters among A-Z a-z 0-9 . _ -; the error (invalid) names the parameter
// export_key. The unit separator 0x1F that joins key and id can therefore never be in a key.
Result<void> check_export_key(std::string_view export_key);

}  // namespace caisse::host::research
