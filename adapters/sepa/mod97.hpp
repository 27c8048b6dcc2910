// ISO 7064 MOD 97-10, the check behind IBANs and SEPA creditor identifiers: an alphanumeric
// string read as a number whose letters count as two digits (A = 10 ... Z = 35).
#pragma once

#include <optional>
#include <string_view>

namespace caisse::adapters::sepa {

// The remainder of `text` modulo 97, or nullopt when it holds anything but 0-9 and A-Z. The
// number has up to ~70 digits, so it is reduced as it is read instead of being built.
std::optional<unsigned> mod97(std::string_view text);

}  // namespace caisse::adapters::sepa
