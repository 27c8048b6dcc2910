// IBAN checks for bank files (ISO 13616): the SEPA country's length, the mod 97-10 check digits,
// and for France the BBAN shape and the inner RIB key. The host checks IBANs when it registers
// them (host/src/registry/iban.cpp); a plugin cannot link it and must not trust a file it writes
// to a check made elsewhere, so this is the bank-file side of the same rule.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace caisse::adapters::sepa {

// "fr76 3000 6000 0112 3456 7890 189" -> "FR7630006000011234567890189".
std::string compact_iban(std::string_view text);

// Why `iban` (compacted) cannot go into a SEPA file, or nullopt when it can. The reason never
// repeats the IBAN: it may reach a log line.
std::optional<std::string> iban_problem(std::string_view iban);

// The two check digits that make "<country>kk<bban>" valid, e.g. ("FR", "30006...189") -> "76".
std::string iban_check_digits(std::string_view country, std::string_view bban);

// "FR76 3000 6000 0112 3456 7890 189" -> "FR76 **** 189": enough to tell accounts apart in an
// error message, not enough to use.
std::string masked_iban(std::string_view iban);

}  // namespace caisse::adapters::sepa
