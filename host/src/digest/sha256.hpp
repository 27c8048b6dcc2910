// SHA-256 (OpenSSL EVP), for what the host fingerprints: admin tokens (stored hashed), request
// bodies behind an Idempotency-Key, statement files and lines (imported once).
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace caisse::host::digest {

using Sha256Digest = std::array<unsigned char, 32>;

Sha256Digest sha256(std::string_view data);

// Lower-case hexadecimal, 64 characters.
std::string to_hex(const Sha256Digest& digest);

}  // namespace caisse::host::digest
