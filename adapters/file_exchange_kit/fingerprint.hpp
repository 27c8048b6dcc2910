// A short stable digest of some text (FNV-1a, 64 bits, as 16 hex digits): the identity of a
// transaction row that has no reference of its own, and of a file's content. Not a secret and
// not collision-proof against an adversary; the files are the operator's own.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace caisse::adapters::file_exchange_kit {

inline std::string fingerprint(std::string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, hash >>= 4) out[static_cast<std::size_t>(i)] = kHex[hash & 0xF];
  return out;
}

}  // namespace caisse::adapters::file_exchange_kit
