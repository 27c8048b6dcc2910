// HelloAssoPeer: an emulated HelloAsso API v5 for tests, in process, no sockets, no faults
// (HelloAssoPeerServer serves it over HTTP and injects those). It emulates the OAuth2 token
// endpoint (client_credentials) and the three read operations the collector uses, holds the
// payments a test adds, refuses a request without a valid bearer token with the spec's bare 401,
// and checks every answer it gives against the official spec (openapi_json.hpp): an answer that
// does not conform is recorded in spec_violations(), which the tests assert is empty.
//
// Thread-safe: the server calls it from its I/O threads while the test adds payments.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/router.hpp"

namespace caisse::testing::helloasso {

namespace spec {
class OpenApiJson;
}

// The operations, for counters and for the server's faults.
enum class Route { token, payment, order, organization_payments, any };
std::string_view to_string(Route route);

struct PeerPayment {
  std::int64_t id = 0;               // 0: the peer picks the next one
  std::int64_t order_id = 0;         // 0: an order of its own
  std::int64_t amount = 0;           // in cents, as HelloAsso counts (an int32 in the spec)
  std::string date;                  // ISO date-time with offset, "2026-11-05T10:00:00+01:00"
  std::string state = "Authorized";  // a PaymentState of the spec
  std::string payment_means = "Card";
  std::string form_slug = "cotisation-mensuelle";
  std::string form_type = "Membership";
  // The custom fields answered on the order's item ("Numéro de foyer" -> "H-12"): the order is
  // where HelloAsso keeps them, not the payment.
  std::map<std::string, std::string> custom_fields;
  std::string payer_email = "payer@example.org";
};

struct HelloAssoPeerOptions {
  std::string client_id = "caisse-client-id";
  std::string client_secret = "caisse-client-secret";
  std::string organization_slug = "caisse-alimentaire-nantes-ouest";
  std::int64_t token_lifetime_seconds = 1800;  // HelloAsso's access tokens last 30 minutes
  // The spec the answers are checked against; empty: not checked (said by spec_checked()).
  std::string spec_file;
  // The peer's clock (ms since the epoch), for token expiry; the system clock when empty.
  std::function<std::int64_t()> now_ms;
};

class HelloAssoPeer {
 public:
  // Throws std::runtime_error when spec_file is set but cannot be read.
  explicit HelloAssoPeer(HelloAssoPeerOptions options = {});
  ~HelloAssoPeer();
  HelloAssoPeer(const HelloAssoPeer&) = delete;
  HelloAssoPeer& operator=(const HelloAssoPeer&) = delete;

  // The routes, as patterns for host::http::Router ("/v5/payments/{paymentId}").
  struct RouteEntry {
    Route route;
    std::string method;
    std::string pattern;
  };
  static const std::vector<RouteEntry>& routes();

  // Answers one request of `route` (path parameters already in request.path_params).
  host::http::Response handle(Route route, const host::http::Request& request);

  // The world. add_payment returns the payment's id.
  std::int64_t add_payment(PeerPayment payment);
  // Changes a payment's state (a refund, a refusal after a wait); false when there is no such id.
  bool set_state(std::int64_t payment_id, std::string_view state);
  // Every token issued so far stops working at once (a rotated client secret, a HelloAsso
  // restart): the next call with one answers 401.
  void revoke_tokens();

  // A notification body as HelloAsso posts it for a payment, from the payment as the peer holds
  // it; `state` replaces its state (a forged or stale notification). Throws std::out_of_range for
  // an unknown id.
  std::string notification(std::int64_t payment_id, std::string_view state = {}) const;

  std::size_t requests(Route route) const;
  std::size_t tokens_issued() const;
  bool spec_checked() const;
  // `path` when the spec file is there, "" otherwise: a checkout without ../shared runs the peer
  // unchecked rather than not at all (SpecFileIsReadable says so).
  static std::string spec_file_if_present(const std::string& path);
  std::vector<std::string> spec_violations() const;

 private:
  host::http::Response dispatch(Route route, const host::http::Request& request);
  host::http::Response token(const host::http::Request& request);
  host::http::Response payment(const host::http::Request& request) const;
  host::http::Response order(const host::http::Request& request) const;
  host::http::Response organization_payments(const host::http::Request& request);
  bool authorized(const host::http::Request& request) const;
  std::int64_t now_ms() const;

  struct Page;  // where a continuation token resumes

  HelloAssoPeerOptions options_;
  std::unique_ptr<spec::OpenApiJson> spec_;
  mutable std::mutex mutex_;
  std::map<std::int64_t, PeerPayment> payments_;
  std::map<std::string, std::int64_t> tokens_;  // access token -> expiry (ms)
  std::map<std::string, std::shared_ptr<Page>> continuations_;
  std::map<Route, std::size_t> requests_;
  std::vector<std::string> violations_;
  std::int64_t next_payment_id_ = 41000;
  std::int64_t next_order_id_ = 81000;
  std::size_t tokens_issued_ = 0;
};

}  // namespace caisse::testing::helloasso
