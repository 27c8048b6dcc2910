// Text for SEPA files. The EPC's basic Latin set (a-z A-Z 0-9 / - ? : ( ) . , ' + space) is all
// a bank must accept; an accented name may be rejected or mangled by whoever reads it next. So
// names and remittance lines are transliterated here, where we control how "Françoise Lœwy"
// comes out ("Francoise Loewy"), and cut to the scheme's lengths.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace caisse::adapters::sepa {

// Maximum lengths of the EPC implementation guides (payments.md §1.5).
inline constexpr std::size_t kMaxIdLength = 35;           // MsgId, PmtInfId, EndToEndId, MndtId
inline constexpr std::size_t kMaxNameLength = 70;         // Nm (ISO allows 140, the EPC 70)
inline constexpr std::size_t kMaxRemittanceLength = 140;  // one Ustrd

// True for the characters of the EPC basic Latin set.
bool is_sepa_latin(char c);

// UTF-8 in, basic Latin out: letters lose their accents (é -> e, ß -> ss, œ -> oe), '&' becomes
// '+', '€' "EUR", typographic quotes and dashes their ASCII forms, other ASCII punctuation a space,
// any other character (or a byte that is not UTF-8) '.'. Runs of spaces collapse to one and the
// ends are trimmed.
std::string to_sepa_latin(std::string_view utf8);

// to_sepa_latin, then at most `max_length` characters, trailing spaces trimmed again.
std::string fit_sepa_text(std::string_view utf8, std::size_t max_length);

// The longest prefix of `utf8` of at most `max_bytes` bytes that does not end inside a multi-byte
// sequence. For text kept in UTF-8 (a label in an error message, a name for a log).
std::string_view truncate_utf8(std::string_view utf8, std::size_t max_bytes);

}  // namespace caisse::adapters::sepa
