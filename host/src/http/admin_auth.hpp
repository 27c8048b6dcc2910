// Bearer tokens for the admin API. Each token has a name (what logs and audit trails show) and a
// role; routes say which roles may call them. Only the SHA-256 of each secret is kept.
#pragma once

#include <array>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "http/router.hpp"

#include "digest/sha256.hpp"

namespace caisse::host::http {

enum class Role { operator_role, committee, auditor, researcher };

// "operator", "committee", "auditor", "researcher"; anything else is an error listing these.
Result<Role> parse_role(std::string_view name);

// The name parse_role accepts: "operator" for Role::operator_role.
const char* role_name(Role role);

// Who presented a valid token.
struct Principal {
  std::string name;
  Role role;
};

using digest::Sha256Digest;

class TokenAuthenticator {
 public:
  // Registers a token. Only SHA-256(secret) is stored; the secret is not kept anywhere. Names
  // need not be unique (a rotated token may be listed twice under one name). An empty secret is
  // stored but can never match: empty presented tokens are refused before hashing.
  void add(std::string name, Role role, std::string_view secret);

  // `authorization` is the whole header value, "Bearer <token>" (scheme case-insensitive).
  // The presented token is hashed and compared with every stored digest in constant time
  // (CRYPTO_memcmp, no early exit), so timing tells nothing about which token nearly matched.
  std::optional<Principal> authenticate(std::string_view authorization) const;

  std::size_t size() const { return tokens_.size(); }

  // The digest stored for the first token with this name; for tests and audits (it shows that
  // no plaintext is kept). nullopt for an unknown name.
  std::optional<Sha256Digest> stored_digest(std::string_view name) const;

 private:
  struct Entry {
    std::string name;
    Role role;
    Sha256Digest digest;
  };
  std::vector<Entry> tokens_;
};

using digest::sha256;

// Wraps `inner` so that it runs only for a request whose bearer token is valid and whose role is
// in `allowed`: no or unknown token -> 401 with `WWW-Authenticate: Bearer`; a known token whose
// role is not allowed -> 403 naming the role. Otherwise request.principal is set to the token's
// name, request.role to its role's name, and `inner` runs. `allowed` is copied. LIFETIME: `auth` is
// kept by reference and must outlive the returned handler (and so the router and the server that
// use it).
Handler require_role(const TokenAuthenticator& auth, std::initializer_list<Role> allowed,
                     Handler inner);

}  // namespace caisse::host::http
