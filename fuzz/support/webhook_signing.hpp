// What an honest sender does, written here from the providers' documentation (payments.md §4)
// and OpenSSL, without the adapter's code: the card fuzzer signs deliveries with this and checks
// that the adapter's verifier agrees with it both ways.
#pragma once

#include <string>
#include <string_view>

namespace caisse::fuzz {

// HMAC-SHA256 of `content` under `key`, raw bytes.
std::string hmac_sha256(std::string_view key, std::string_view content);

// Lower-case hex, two digits a byte.
std::string hex(std::string_view bytes);

// RFC 4648 base64 with padding.
std::string base64(std::string_view bytes);

// The same text, ASCII letters lower-cased (hex signatures compare case-insensitively).
std::string lower(std::string_view text);

}  // namespace caisse::fuzz
