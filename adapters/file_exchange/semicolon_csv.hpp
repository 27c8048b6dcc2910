// The CSV dialect of the file exchange: ';'-separated (what French spreadsheets write), fields
// quoted with '"' when they hold a separator, a quote or a line break, UTF-8, '\n' or "\r\n".
// Small on purpose: a plugin links nothing of the host, only the SDK.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caisse::adapters::file_exchange {

// One record starting at `pos` in `text`; advances `pos` past its line break. nullopt at the end
// of the text. `error` is set (and nullopt returned) for an unterminated quote.
std::optional<std::vector<std::string>> read_record(std::string_view text, std::size_t& pos,
                                                    std::string& error);

// The fields joined with ';', quoted where needed, ending with "\n".
std::string write_record(const std::vector<std::string>& fields);

}  // namespace caisse::adapters::file_exchange
