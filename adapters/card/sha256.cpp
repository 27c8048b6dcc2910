#include "sha256.hpp"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <memory>
#include <stdexcept>

namespace caisse::adapters::card {

namespace {

struct MacFree {
  void operator()(EVP_MAC* mac) const { EVP_MAC_free(mac); }
};
struct MacContextFree {
  void operator()(EVP_MAC_CTX* ctx) const { EVP_MAC_CTX_free(ctx); }
};

void check(bool ok, const char* step) {
  if (!ok) throw std::runtime_error(std::string("SHA-256: OpenSSL failed in ") + step);
}

// An empty view may carry a null data(); OpenSSL wants a valid pointer.
const unsigned char* bytes_of(std::string_view text) {
  static constexpr unsigned char none = 0;
  return text.empty() ? &none : reinterpret_cast<const unsigned char*>(text.data());
}

}  // namespace

std::string hmac_sha256(std::string_view key, std::initializer_list<std::string_view> parts) {
  const std::unique_ptr<EVP_MAC, MacFree> mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
  check(mac != nullptr, "EVP_MAC_fetch");
  const std::unique_ptr<EVP_MAC_CTX, MacContextFree> ctx(EVP_MAC_CTX_new(mac.get()));
  check(ctx != nullptr, "EVP_MAC_CTX_new");
  char digest_name[] = "SHA256";
  const OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest_name, 0),
      OSSL_PARAM_construct_end()};
  check(EVP_MAC_init(ctx.get(), bytes_of(key), key.size(), params) == 1, "EVP_MAC_init");
  for (const std::string_view part : parts) {
    check(EVP_MAC_update(ctx.get(), bytes_of(part), part.size()) == 1, "EVP_MAC_update");
  }
  std::string out(sha256_size, '\0');
  std::size_t written = 0;
  check(EVP_MAC_final(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &written,
                      out.size()) == 1 &&
            written == out.size(),
        "EVP_MAC_final");
  return out;
}

std::string sha256(std::string_view bytes) {
  std::string out(sha256_size, '\0');
  unsigned int written = 0;
  check(EVP_Digest(bytes_of(bytes), bytes.size(), reinterpret_cast<unsigned char*>(out.data()),
                   &written, EVP_sha256(), nullptr) == 1 &&
            written == out.size(),
        "EVP_Digest");
  return out;
}

bool same_bytes(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(bytes_of(a), bytes_of(b), a.size()) == 0;
}

}  // namespace caisse::adapters::card
