// HMAC-SHA256 (RFC 2104 with SHA-256, OpenSSL), what pseudonyms are made of: a keyed digest that
// cannot be recomputed, hence not reversed by trying every household id, without the key.
#pragma once

#include <string_view>

#include "digest/sha256.hpp"

namespace caisse::host::research {

// The 32-byte MAC of `data` under `key` (any length, as RFC 4231 tests it).
digest::Sha256Digest hmac_sha256(std::string_view key, std::string_view data);

}  // namespace caisse::host::research
