// Small text helpers the readers share. ASCII only on purpose: status values and extensions are
// compared ignoring the case of A-Z, never of accented letters ("Crédité" is not "CRÉDITÉ").
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

namespace caisse::adapters::file_exchange_kit {

inline char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

inline bool same_ignoring_case(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
}

// `text` without spaces or tabs around it.
inline std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace caisse::adapters::file_exchange_kit
