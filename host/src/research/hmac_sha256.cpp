#include "research/hmac_sha256.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <stdexcept>

namespace caisse::host::research {

digest::Sha256Digest hmac_sha256(std::string_view key, std::string_view data) {
  digest::Sha256Digest mac{};
  unsigned int length = 0;
  // A non-null pointer even for an empty key: OpenSSL refuses a null key of length 0.
  static const unsigned char kNoKey = 0;
  const void* key_bytes = key.empty() ? &kNoKey : static_cast<const void*>(key.data());
  if (HMAC(EVP_sha256(), key_bytes, static_cast<int>(key.size()),
           reinterpret_cast<const unsigned char*>(data.data()), data.size(), mac.data(),
           &length) == nullptr ||
      length != mac.size()) {
    // Only a broken OpenSSL installation gets here: a bug, not an expected failure.
    throw std::runtime_error("HMAC(SHA-256) failed");
  }
  return mac;
}

}  // namespace caisse::host::research
