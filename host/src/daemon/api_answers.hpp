// What every admin API handler of a caisse does the same way: find the caisse of the path,
// answer JSON, turn an Error into its status code, run blocking work on the workers, and carry
// out a POST once per Idempotency-Key.
#pragma once

#include <boost/json/value.hpp>
#include <functional>
#include <utility>

#include "config/daemon_config.hpp"
#include "core/result.hpp"
#include "daemon/blocking_workers.hpp"
#include "daemon/cycle_service.hpp"
#include "daemon/idempotency.hpp"
#include "http/admin_auth.hpp"
#include "http/router.hpp"

namespace caisse::host::daemon {

// The caisse named by the path's {caisse}, or a not_found error naming it.
Result<const config::CaisseConfig*> caisse_of(const CycleService& caisses,
                                              const http::Request& request);

// The name errors give an uploaded file: the client's X-File-Name without any directory, when
// it is printable and short; `fallback` otherwise.
std::string uploaded_file_name(const http::Request& request, std::string_view fallback);

// 200 with `body` serialised.
http::Response json_answer(const boost::json::value& body);

// The HTTP status for a failure of this kind: invalid 422, not_found 404, conflict 409,
// unavailable 503, failed 500.
unsigned http_status_of(ErrorKind kind);

// {"error": message} with the status of its kind.
http::Response failure_answer(const Error& error);

// Runs `work` on a blocking worker and answers with what it returns; 503 when the queue is full.
void answer_on_worker(BlockingWorkers& workers, http::Responder respond,
                      std::function<http::Response()> work);

// As answer_on_worker, once per Idempotency-Key: a request without a valid key is refused
// (400), one whose key was seen gets the first answer. `idempotency` must outlive the work.
void answer_once(BlockingWorkers& workers, IdempotentRequests& idempotency,
                 const http::Request& request, http::Responder respond,
                 std::function<http::Response()> work);

// The guard of every state-changing route: the token's role (401/403, as http::require_role),
// then the Idempotency-Key (400 without a usable one), before the handler looks at anything else
// of the request. So a POST without a key changes nothing and says why, whatever else is wrong.
// LIFETIME: `auth` as for http::require_role.
http::Handler require_role_and_key(const http::TokenAuthenticator& auth,
                                   std::initializer_list<http::Role> allowed, http::Handler inner);

// A route handler that calls `fn(context, request, respond)`. `context` must outlive the router's
// use, as every routes context does.
template <typename Context, typename Fn>
http::Handler with_context(const Context& context, Fn fn) {
  return [&context, fn](http::Request&& request, http::Responder respond) {
    fn(context, std::move(request), std::move(respond));
  };
}

}  // namespace caisse::host::daemon
