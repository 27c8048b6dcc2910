// The fields of a SEPA direct debit the host chooses or checks itself: mandate references,
// BICs, and the ids (EndToEndId, MsgId) it derives from its own names. Rules from the EPC
// rulebook and the SEPA-restricted XSD facets (payments.md §1.3-1.5, §1.8), so that the bank
// never refuses a file for a value the host could have refused on import.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace caisse::host::collection {

// Max35Text, the length of every SEPA identification (MndtId, EndToEndId, MsgId).
constexpr std::size_t kMaxSepaIdLength = 35;

// A mandate reference (RUM): 1 to 35 of A-Z a-z 0-9 + ? / - : ( ) . , ' (no space), not
// starting or ending with '/', without "//".
bool is_mandate_reference(std::string_view text);

// "agrifrpp882" -> "AGRIFRPP882": letters in capitals, then the intersection of the 2009 and
// 2019 XSD patterns: 4 letters (bank), 2 letters (country), 2 of letters or digits where the
// first is not 0 or 1 and the second not O (location), optionally 3 more (branch). The error
// quotes the text (a BIC names a bank, not a person).
Result<std::string> normalize_bic(std::string_view text);

// An identification made from the host's own names, for EndToEndId and MsgId: `readable`
// itself when it is a valid SEPA identification (the Latin set, at most 35, slash rule), else
// its first 21 characters (those outside the set as '.') then '-' and 13 characters of a
// 64-bit FNV-1a hash of all of it in base 32 (0-9 A-V). Deterministic, so a run written twice
// gives the same ids; two readable names that share their first 21 characters still differ in
// the hash (the database's uniqueness constraint catches a 64-bit collision).
std::string bounded_sepa_id(std::string_view readable);

}  // namespace caisse::host::collection
