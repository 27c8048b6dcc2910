#include "daemon/api_answers.hpp"

#include <boost/json/serialize.hpp>

namespace caisse::host::daemon {

Result<const config::CaisseConfig*> caisse_of(const CycleService& caisses,
                                              const http::Request& request) {
  const std::string& id = request.path_params.at("caisse");
  const config::CaisseConfig* caisse = caisses.find_caisse(id);
  if (caisse == nullptr) {
    return make_error("no caisse \"" + id + "\" in this daemon", ErrorKind::not_found);
  }
  return caisse;
}

std::string uploaded_file_name(const http::Request& request, std::string_view fallback) {
  constexpr std::size_t kMaxFileNameLength = 100;
  auto sent = request.header("X-File-Name");
  if (!sent) return std::string(fallback);
  std::string_view name = *sent;
  if (auto slash = name.find_last_of("/\\"); slash != std::string_view::npos) {
    name.remove_prefix(slash + 1);
  }
  if (name.empty() || name.size() > kMaxFileNameLength) return std::string(fallback);
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7f) return std::string(fallback);
  }
  return std::string(name);
}

http::Response json_answer(const boost::json::value& body) {
  http::Response r;
  r.body = boost::json::serialize(body);
  return r;
}

unsigned http_status_of(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::invalid:
      return 422;
    case ErrorKind::not_found:
      return 404;
    case ErrorKind::conflict:
      return 409;
    case ErrorKind::unavailable:
      return 503;
    case ErrorKind::failed:
      break;
  }
  return 500;
}

http::Response failure_answer(const Error& error) {
  return http::json_error(http_status_of(error.kind), error.message);
}

void answer_on_worker(BlockingWorkers& workers, http::Responder respond,
                      std::function<http::Response()> work) {
  auto shared = std::make_shared<http::Responder>(std::move(respond));
  bool posted = workers.post([shared, work = std::move(work)] { (*shared)(work()); });
  if (!posted) (*shared)(http::json_error(503, "too busy: try again in a moment"));
}

void answer_once(BlockingWorkers& workers, IdempotentRequests& idempotency,
                 const http::Request& request, http::Responder respond,
                 std::function<http::Response()> work) {
  auto once = idempotent_request(request);
  if (!once) return respond(http::json_error(400, once.error().message));
  answer_on_worker(workers, std::move(respond),
                   [&idempotency, once = std::move(once.value()), work = std::move(work)] {
                     return idempotency.run(once, work);
                   });
}

http::Handler require_role_and_key(const http::TokenAuthenticator& auth,
                                   std::initializer_list<http::Role> allowed, http::Handler inner) {
  return http::require_role(
      auth, allowed, [inner = std::move(inner)](http::Request&& request, http::Responder respond) {
        if (auto key = check_idempotency_key(request); !key) {
          return respond(http::json_error(400, key.error().message));
        }
        inner(std::move(request), std::move(respond));
      });
}

}  // namespace caisse::host::daemon
