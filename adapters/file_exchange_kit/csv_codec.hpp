// The CSV dialect of every exchanged file: fields separated by one configurable character
// (';' by default, what French spreadsheets write), quoted with '"' when they hold the separator,
// a quote or a line break, lines ending with '\n' or "\r\n". Small on purpose: a plugin links
// nothing of the host, only the SDK, so this cannot reuse host/src/csv.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caisse::adapters::file_exchange_kit {

// One record starting at `pos` in `text`; advances `pos` past its line break and adds to `lines`
// the line breaks consumed (a quoted field may hold some), so a caller can number lines. nullopt
// at the end of the text. `error` is set (and nullopt returned) for an unterminated quote.
std::optional<std::vector<std::string>> read_record(std::string_view text, std::size_t& pos,
                                                    char separator, std::string& error,
                                                    int* lines = nullptr);

// The fields joined with `separator`, quoted where needed, ending with `line_end`.
std::string write_record(const std::vector<std::string>& fields, char separator = ';',
                         std::string_view line_end = "\n");

}  // namespace caisse::adapters::file_exchange_kit
