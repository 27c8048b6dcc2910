// Case-insensitive comparison for HTTP's ASCII tokens (header names, the Bearer scheme). Not
// locale-aware on purpose: HTTP says these compare as ASCII whatever the machine's locale.
#pragma once

#include <cstddef>
#include <string_view>

namespace caisse::host::http {

constexpr char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

constexpr bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

}  // namespace caisse::host::http
