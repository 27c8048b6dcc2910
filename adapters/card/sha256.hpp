// SHA-256 and HMAC-SHA256 through OpenSSL, and the constant-time comparison that keeps a forger
// from learning, byte by byte, how much of a guessed signature was right.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace caisse::adapters::card {

inline constexpr std::size_t sha256_size = 32;

// The 32-byte MAC of the concatenation of parts, fed piece by piece so that a large body is
// never copied to prepend "{timestamp}." to it. Throws std::runtime_error if OpenSSL fails.
std::string hmac_sha256(std::string_view key, std::initializer_list<std::string_view> parts);

// The 32-byte SHA-256 digest of bytes. Throws std::runtime_error if OpenSSL fails.
std::string sha256(std::string_view bytes);

// True when a and b hold the same bytes. The time taken depends only on the lengths, which are
// public (every valid signature has the same length).
bool same_bytes(std::string_view a, std::string_view b);

}  // namespace caisse::adapters::card
