// The words the collection tables store for its enums (states, kinds, sequence codes), one
// table per enum so that writing and reading a word cannot drift apart. Internal to
// caisse_collection.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

#include "core/result.hpp"

namespace caisse::host::collection::detail {

template <class Enum, std::size_t N>
using WordTable = std::array<std::pair<Enum, std::string_view>, N>;

template <class Enum, std::size_t N>
std::string_view word_of(const WordTable<Enum, N>& words, Enum value) {
  for (const auto& [v, word] : words) {
    if (v == value) return word;
  }
  return "unknown";
}

// The value of `text`, or an error: "\"x\" is not a <what>".
template <class Enum, std::size_t N>
Result<Enum> parse_word(const WordTable<Enum, N>& words, std::string_view text,
                        std::string_view what) {
  for (const auto& [v, word] : words) {
    if (word == text) return v;
  }
  return make_error("\"" + std::string(text) + "\" is not a " + std::string(what));
}

}  // namespace caisse::host::collection::detail
