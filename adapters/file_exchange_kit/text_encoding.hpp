// The encodings an operator's file may come in. Spreadsheets on French Windows still save CSV
// as Windows-1252, so a mapping may say so; everything inside the kit is UTF-8.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace caisse::adapters::file_exchange_kit {

enum class Encoding { utf8, windows_1252 };

// "utf-8" or "windows-1252" (the names a mapping uses), or nullopt.
std::optional<Encoding> encoding_named(std::string_view name);

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// The file's text as UTF-8, without a leading BOM (a spreadsheet's, accepted in both
// encodings). Throws FileFormatError naming `file` and the line of the first byte that is not
// UTF-8, suggesting the mapping's encoding key.
std::string decode_text(std::string bytes, Encoding encoding, std::string_view file);

}  // namespace caisse::adapters::file_exchange_kit
