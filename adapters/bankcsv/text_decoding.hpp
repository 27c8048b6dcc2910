// The encodings French banks export CSV in, turned into UTF-8 one field at a time. Only the
// fields that end up in a statement line are converted: dates and amounts are ASCII in every
// one of these encodings, so a million-line file is never copied whole.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace caisse::adapters::bankcsv {

enum class Encoding { utf8, cp1252, iso_8859_1, iso_8859_15 };

// "utf-8", "cp1252" (also "windows-1252"), "iso-8859-1", "iso-8859-15"; nullopt otherwise.
std::optional<Encoding> encoding_named(std::string_view name);
std::string_view encoding_name(Encoding encoding);

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Appends `bytes`, written in `encoding`, to `out` as UTF-8. Returns the offset in `bytes` of
// the first byte that is not a character of the encoding (then `out` holds what came before),
// or npos when every byte was one.
std::size_t append_utf8(std::string& out, std::string_view bytes, Encoding encoding);

// Why byte `at` of `bytes` was refused, for a message: "byte 0x81 is not a cp1252 character".
std::string bad_byte_reason(std::string_view bytes, std::size_t at, Encoding encoding);

}  // namespace caisse::adapters::bankcsv
