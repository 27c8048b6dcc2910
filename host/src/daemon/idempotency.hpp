// The admin API's POSTs are carried out once per Idempotency-Key (docs/admin-api.md): the key is
// stored before the work starts, the answer after it ends, and a request that arrives again with
// the same key gets the first answer without running anything. An operator whose connection
// dropped while a dispatch ran can resend the request safely.
#pragma once

#include <functional>
#include <string>

#include "core/result.hpp"
#include "http/router.hpp"
#include "store/connection_pool.hpp"

namespace caisse::host::daemon {

struct IdempotentRequest {
  std::string principal;    // the token's name: keys of different tokens never meet
  std::string key;          // the Idempotency-Key header
  std::string fingerprint;  // method, path and body digest (fingerprint_of)
};

// Whether the request carries a usable Idempotency-Key (1 to 128 visible ASCII characters), or
// the reason it is refused (ErrorKind::invalid, answered 400). Cheap: the body is not read.
Result<void> check_idempotency_key(const http::Request& request);

// What a request must carry to be replayed: its Idempotency-Key (as check_idempotency_key), or
// the reason it is refused.
Result<IdempotentRequest> idempotent_request(const http::Request& request);

class IdempotentRequests {
 public:
  explicit IdempotentRequests(store::ConnectionPool& pool) : pool_(pool) {}

  // Blocking (run it on a worker). The first request with this key runs `work` and stores its
  // answer; later ones get that answer back. Refused: a key already used for another request
  // (422), and a key whose first request is still running (409). A 5xx answer is not kept, so
  // the same key may be tried again once the daemon can serve it.
  http::Response run(const IdempotentRequest& request, const std::function<http::Response()>& work);

 private:
  store::ConnectionPool& pool_;
};

}  // namespace caisse::host::daemon
