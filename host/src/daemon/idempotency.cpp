#include "daemon/idempotency.hpp"

#include <spdlog/spdlog.h>

#include "digest/sha256.hpp"
#include "http/admin_auth.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::daemon {
namespace {

constexpr auto kConnectionWait = std::chrono::seconds(10);
constexpr std::size_t kMaxKeyLength = 128;

bool visible_ascii(std::string_view text) {
  for (char c : text) {
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

http::Response unavailable(const Error& error) {
  return http::json_error(503, "cannot reach the database: " + error.message);
}

// Keeps the answer for replays; forgets the key of a 5xx answer so it can be tried again.
Result<void> store_answer(store::ConnectionPool& pool, const IdempotentRequest& request,
                          const http::Response& response) {
  auto lease = pool.acquire(kConnectionWait);
  if (!lease) return lease.error();
  auto stored =
      response.status >= 500
          ? (*lease)->exec_params("DELETE FROM api_requests WHERE principal = $1 AND key = $2",
                                  {request.principal, request.key})
          : (*lease)->exec_params(
                "UPDATE api_requests SET status = $3, content_type = $4, body = $5, "
                "answered_at = now() WHERE principal = $1 AND key = $2",
                {request.principal, request.key, std::to_string(response.status),
                 response.content_type, response.body});
  if (!stored) return stored.error();
  return {};
}

}  // namespace

Result<void> check_idempotency_key(const http::Request& request) {
  auto key = request.header("Idempotency-Key");
  if (!key) {
    return make_error("an Idempotency-Key header is required (one new random key per operation)",
                      ErrorKind::invalid);
  }
  if (key->empty() || key->size() > kMaxKeyLength || !visible_ascii(*key)) {
    return make_error("Idempotency-Key must be 1 to 128 visible ASCII characters",
                      ErrorKind::invalid);
  }
  return {};
}

Result<IdempotentRequest> idempotent_request(const http::Request& request) {
  if (auto checked = check_idempotency_key(request); !checked) return checked.error();
  return IdempotentRequest{
      request.principal, std::string(*request.header("Idempotency-Key")),
      request.method + " " + request.path + " " + digest::to_hex(digest::sha256(request.body))};
}

http::Response IdempotentRequests::run(const IdempotentRequest& request,
                                       const std::function<http::Response()>& work) {
  {
    // The key is on disk before the work starts: a second request with it never runs the work
    // again, even if this one is still going or the daemon dies before answering.
    auto lease = pool_.acquire(kConnectionWait);
    if (!lease) return unavailable(lease.error());
    store::PgConnection& db = **lease;
    auto claimed = db.exec_params(
        "INSERT INTO api_requests (principal, key, fingerprint) VALUES ($1, $2, $3) "
        "ON CONFLICT DO NOTHING",
        {request.principal, request.key, request.fingerprint});
    if (!claimed) return unavailable(claimed.error());
    if (claimed->affected_rows() == 0) {
      auto first = db.exec_params(
          "SELECT fingerprint, status, content_type, body FROM api_requests "
          "WHERE principal = $1 AND key = $2",
          {request.principal, request.key});
      if (!first) return unavailable(first.error());
      if (first->rows() == 0) {
        return http::json_error(409, "this Idempotency-Key was just released: send it again");
      }
      if (first->get(0, 0) != request.fingerprint) {
        return http::json_error(422, "this Idempotency-Key was already used for another request");
      }
      if (first->is_null(0, 1)) {
        return http::json_error(409,
                                "the first request with this Idempotency-Key is still running, "
                                "or the daemon stopped during it: look at the state it changes");
      }
      http::Response replay;
      replay.status = static_cast<unsigned>(std::stoi(std::string(first->get(0, 1))));
      replay.content_type = std::string(first->get(0, 2));
      replay.body = std::string(first->get(0, 3));
      replay.headers.emplace_back("Idempotent-Replayed", "true");
      return replay;
    }
  }

  http::Response response = work();

  if (auto stored = store_answer(pool_, request, response); !stored) {
    // The work is done and its answer goes out; only a replay of this key will be refused.
    spdlog::warn("event=idempotency_store_failed principal={} reason=\"{}\"", request.principal,
                 stored.error().message);
  }
  return response;
}

}  // namespace caisse::host::daemon
