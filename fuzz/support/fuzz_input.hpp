// Splits a fuzzer's bytes into the pieces a target needs, in a text layout (a selector byte,
// lines, the rest) so that seeds stay readable and can be written by hand from real files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace caisse::fuzz {

class FuzzInput {
 public:
  FuzzInput(const std::uint8_t* data, std::size_t size)
      : rest_(reinterpret_cast<const char*>(data), size) {}
  explicit FuzzInput(std::string_view text) : rest_(text) {}

  // The next byte, 0 when nothing is left.
  std::uint8_t byte();
  // Up to the next '\n' (excluded, and a '\r' before it too), or all that is left.
  std::string_view line();
  // Whatever has not been taken yet; nothing is left afterwards.
  std::string_view rest();

  bool empty() const { return rest_.empty(); }

 private:
  std::string_view rest_;
};

// The whole input as text, for targets that take it as one file.
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace caisse::fuzz
