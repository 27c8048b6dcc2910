// Strings across the plugin boundary: the host lends its std::string as a caisse_str_t for the
// duration of a call, and copies every caisse_str_t a plugin hands back before it goes stale.
#pragma once

#include <caisse/sdk.h>

#include <string>
#include <string_view>

namespace caisse::host::plugins {

inline caisse_str_t to_c(std::string_view text) {
  return {text.data(), text.size()};
}

inline std::string from_c(caisse_str_t text) {
  return text.len == 0 ? std::string{} : std::string(text.data, text.len);
}

}  // namespace caisse::host::plugins
