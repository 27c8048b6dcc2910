// Identifiers that travel with a payment and come back in reports and statements (MsgId,
// PmtInfId, EndToEndId, MndtId). Unlike names they are never transliterated: a changed id would
// no longer match our records, so an id outside the rules is refused instead.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace caisse::adapters::sepa {

enum class SpaceRule { allowed, refused };

// Why `id` cannot be an identifier of at most `max_length` characters, or nullopt. The rules:
// 1 to max_length characters of the basic Latin set (without space for a mandate reference,
// SpaceRule::refused), and the EPC slash rule: no '/' at either end, no "//".
std::optional<std::string> reference_problem(std::string_view id, std::size_t max_length,
                                             SpaceRule spaces);

}  // namespace caisse::adapters::sepa
