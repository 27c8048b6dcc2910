// Each caisse's pseudonym secret: 32 random bytes drawn on the first research export and kept in
// research_secrets (migration 0014_research.sql), so pseudonyms survive daemon restarts and are
// the same on every connection. Nothing ever sends it out: not the API, not the logs.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::research {

inline constexpr std::size_t kSecretBytes = 32;

// Fills a string of `count` random bytes; an error when the source fails. Injectable so that a
// test can tell a fresh secret from a stored one.
using RandomBytes = std::function<Result<std::string>(std::size_t count)>;

// OpenSSL's RAND_bytes.
Result<std::string> system_random_bytes(std::size_t count);

// The secret of `caisse_id`, made with `random` and stored when it has none yet. Two callers
// racing both get the one that was stored first.
Result<std::string> pseudonym_secret(store::PgConnection& db, std::string_view caisse_id,
                                     const RandomBytes& random = system_random_bytes);

}  // namespace caisse::host::research
