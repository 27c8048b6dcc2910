#include "peer_test_routes.hpp"

#include <boost/json.hpp>

#include <stdexcept>

namespace caisse::testing::helloasso {
namespace {

namespace http = host::http;

http::Response json_body(unsigned status, const boost::json::value& body) {
  http::Response out;
  out.status = status;
  out.body = boost::json::serialize(body);
  return out;
}

// A payment described in JSON; a missing key keeps PeerPayment's default.
PeerPayment payment_from(const boost::json::object& in) {
  PeerPayment out;
  auto text = [&](const char* key, std::string& into) {
    if (const auto* v = in.if_contains(key)) into = std::string(v->as_string());
  };
  auto number = [&](const char* key, std::int64_t& into) {
    if (const auto* v = in.if_contains(key)) into = v->to_number<std::int64_t>();
  };
  number("id", out.id);
  number("order_id", out.order_id);
  number("amount", out.amount);
  text("date", out.date);
  text("state", out.state);
  text("payment_means", out.payment_means);
  text("payer_email", out.payer_email);
  if (const auto* fields = in.if_contains("custom_fields")) {
    for (const auto& [name, answer] : fields->as_object()) {
      out.custom_fields[std::string(name)] = std::string(answer.as_string());
    }
  }
  return out;
}

std::int64_t id_of(const http::Request& request) {
  return std::stoll(request.path_params.at("paymentId"));
}

}  // namespace

void add_test_routes(http::Router& router, HelloAssoPeer& peer) {
  // A handler that throws (bad JSON, an unknown id) gets the server's 500, which is enough for
  // a script.
  router.add("POST", "/_peer/payments", [&peer](http::Request&& request, http::Responder respond) {
    const auto id = peer.add_payment(payment_from(boost::json::parse(request.body).as_object()));
    respond(json_body(201, {{"id", id}}));
  });
  router.add("POST", "/_peer/payments/{paymentId}/state",
             [&peer](http::Request&& request, http::Responder respond) {
               const auto state = boost::json::parse(request.body).at("state").as_string();
               const bool found = peer.set_state(id_of(request), std::string(state));
               respond(found ? json_body(200, {{"state", state}})
                             : http::json_error(404, "no such payment"));
             });
  router.add("GET", "/_peer/payments/{paymentId}/notification",
             [&peer](http::Request&& request, http::Responder respond) {
               http::Response out;
               out.body = peer.notification(id_of(request));
               respond(std::move(out));
             });
  router.add("POST", "/_peer/revoke-tokens", [&peer](http::Request&&, http::Responder respond) {
    peer.revoke_tokens();
    respond(json_body(200, boost::json::object{}));
  });
}

}  // namespace caisse::testing::helloasso
