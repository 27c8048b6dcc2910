// Reading an enum a plugin wrote. A C plugin may put any integer in a caisse_*_t field or return
// value, and loading an out-of-range value as the C++ enum type is undefined behaviour (UBSan
// stops on it). The host reads the integer and compares it with the enumerators instead.
#pragma once

#include <cstring>
#include <type_traits>

namespace caisse::host::plugins {

template <class Enum>
std::underlying_type_t<Enum> untrusted_value(const Enum& written_by_plugin) {
  std::underlying_type_t<Enum> value;
  std::memcpy(&value, &written_by_plugin, sizeof value);
  return value;
}

}  // namespace caisse::host::plugins
