#include "research/pseudonym_secret.hpp"

#include <openssl/rand.h>

#include <optional>

#include "store/bytea.hpp"

namespace caisse::host::research {
namespace {

// Inserting first and reading afterwards, rather than reading first, leaves no window in which
// two exports of one caisse would each draw and keep their own secret.
constexpr const char* kKeepSecret = R"sql(
INSERT INTO research_secrets (caisse_id, secret) VALUES ($1, $2::bytea)
ON CONFLICT (caisse_id) DO NOTHING
)sql";
constexpr const char* kReadSecret = "SELECT secret FROM research_secrets WHERE caisse_id = $1";

// nullopt when the caisse has none yet.
Result<std::optional<std::string>> stored_secret(store::PgConnection& db,
                                                 std::string_view caisse_id) {
  auto read = db.exec_params(kReadSecret, {std::string(caisse_id)});
  if (!read) return read.error();
  if (read->rows() == 0) return std::optional<std::string>();
  auto secret = store::decode_bytea(read->get(0, 0));
  if (!secret) return secret.error();
  if (secret->size() != kSecretBytes) {
    return make_error("research: the stored pseudonym secret is not " +
                      std::to_string(kSecretBytes) + " bytes");
  }
  return std::optional<std::string>(std::move(*secret));
}

}  // namespace

Result<std::string> system_random_bytes(std::size_t count) {
  std::string bytes(count, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(count)) != 1) {
    return make_error("research: the system's random source failed (RAND_bytes)",
                      ErrorKind::unavailable);
  }
  return bytes;
}

Result<std::string> pseudonym_secret(store::PgConnection& db, std::string_view caisse_id,
                                     const RandomBytes& random) {
  auto existing = stored_secret(db, caisse_id);
  if (!existing) return existing.error();
  if (*existing) return std::move(**existing);
  auto fresh = random(kSecretBytes);
  if (!fresh) return fresh.error();
  if (fresh->size() != kSecretBytes) return make_error("research: short random secret");
  auto kept = db.exec_params(kKeepSecret, {std::string(caisse_id), store::bytea_hex(*fresh)});
  if (!kept) return kept.error();
  auto kept_secret = stored_secret(db, caisse_id);
  if (!kept_secret) return kept_secret.error();
  if (!*kept_secret) return make_error("research: the pseudonym secret was not stored");
  return std::move(**kept_secret);
}

}  // namespace caisse::host::research
