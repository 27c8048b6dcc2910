// IBAN checks (ISO 13616): the country's length and the mod-97 check digits. Errors never quote
// the IBAN in full, only its masked form (observability::mask_iban), because they may reach a
// log line or a screen someone else reads.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace caisse::host::registry {

// "fr76 3000 6000 0112 3456 7890 189" -> "FR7630006000011234567890189": spaces removed, letters
// in capitals, then checked. Errors (ErrorKind::invalid): characters other than letters, digits
// and spaces, an unknown country, a length other than the country's, wrong check digits.
Result<std::string> normalize_iban(std::string_view text);

}  // namespace caisse::host::registry
