// Masking of personal data before it reaches a log line: IBANs keep their country code and last
// four characters, names their initial. Operators can still tell two records apart; a log file
// that leaks does not expose a member's account.
#pragma once

#include <string>
#include <string_view>

namespace caisse::host::observability {

// "FR7630006000011234567890189" -> "FR76*******************0189". Spaces are dropped first.
std::string mask_iban(std::string_view iban);

// "Camille Martin" -> "C. M." ; empty stays empty.
std::string mask_name(std::string_view name);

// Every IBAN-looking run inside free text (plugin log messages, peer responses) masked.
std::string mask_ibans_in(std::string_view text);

}  // namespace caisse::host::observability
