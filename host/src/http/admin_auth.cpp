#include "http/admin_auth.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>

#include "http/ascii_case.hpp"

namespace caisse::host::http {
namespace {

constexpr Role kRoles[] = {Role::operator_role, Role::committee, Role::auditor, Role::researcher};

bool is_space(char c) {
  return c == ' ' || c == '\t';
}

// "Bearer abc" -> "abc"; nullopt for another scheme or no token.
std::optional<std::string_view> bearer_token(std::string_view value) {
  constexpr std::string_view kScheme = "bearer";
  if (value.size() <= kScheme.size()) return std::nullopt;
  if (!iequals(value.substr(0, kScheme.size()), kScheme)) return std::nullopt;
  value.remove_prefix(kScheme.size());
  if (!is_space(value.front())) return std::nullopt;
  while (!value.empty() && is_space(value.front())) value.remove_prefix(1);
  while (!value.empty() && is_space(value.back())) value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  return value;
}

}  // namespace

Result<Role> parse_role(std::string_view name) {
  for (Role role : kRoles) {
    if (name == role_name(role)) return role;
  }
  return make_error("unknown role '" + std::string(name) +
                    "' (valid roles: operator, committee, auditor, researcher)");
}

const char* role_name(Role role) {
  switch (role) {
    case Role::operator_role:
      return "operator";
    case Role::committee:
      return "committee";
    case Role::auditor:
      return "auditor";
    case Role::researcher:
      return "researcher";
  }
  return "unknown";
}

void TokenAuthenticator::add(std::string name, Role role, std::string_view secret) {
  tokens_.push_back(Entry{std::move(name), role, sha256(secret)});
}

std::optional<Principal> TokenAuthenticator::authenticate(std::string_view authorization) const {
  auto token = bearer_token(authorization);
  if (!token) return std::nullopt;
  const Sha256Digest presented = sha256(*token);
  // Visit every entry whatever matches; remember the first match without branching on it.
  std::size_t found = tokens_.size();
  for (std::size_t i = 0; i < tokens_.size(); ++i) {
    const bool equal =
        CRYPTO_memcmp(presented.data(), tokens_[i].digest.data(), presented.size()) == 0;
    const bool first = found == tokens_.size();
    const std::size_t hit = static_cast<std::size_t>(equal) & static_cast<std::size_t>(first);
    const std::size_t mask = static_cast<std::size_t>(0) - hit;
    found = (i & mask) | (found & ~mask);
  }
  if (found == tokens_.size()) return std::nullopt;
  return Principal{tokens_[found].name, tokens_[found].role};
}

std::optional<Sha256Digest> TokenAuthenticator::stored_digest(std::string_view name) const {
  for (const auto& entry : tokens_) {
    if (entry.name == name) return entry.digest;
  }
  return std::nullopt;
}

Handler require_role(const TokenAuthenticator& auth, std::initializer_list<Role> allowed,
                     Handler inner) {
  std::vector<Role> roles(allowed.begin(), allowed.end());
  return [&auth, roles = std::move(roles), inner = std::move(inner)](Request&& request,
                                                                     Responder respond) {
    auto header = request.header("Authorization");
    auto principal = header ? auth.authenticate(*header) : std::nullopt;
    if (!principal) {
      spdlog::info("event=auth_rejected route={} reason={}", request.route,
                   header ? "invalid_token" : "missing_token");
      Response r = json_error(401, "a valid bearer token is required");
      r.headers.emplace_back("WWW-Authenticate", "Bearer");
      respond(std::move(r));
      return;
    }
    if (std::find(roles.begin(), roles.end(), principal->role) == roles.end()) {
      spdlog::info("event=auth_forbidden route={} principal={} role={}", request.route,
                   principal->name, role_name(principal->role));
      respond(json_error(
          403, std::string("role '") + role_name(principal->role) + "' may not use this endpoint"));
      return;
    }
    request.principal = std::move(principal->name);
    request.role = role_name(principal->role);
    inner(std::move(request), std::move(respond));
  };
}

}  // namespace caisse::host::http
