// HelloAssoPeerServer: serves a HelloAssoPeer over HTTP on 127.0.0.1 with the host's own server
// (host/src/http), and injects the faults an API behind a load balancer shows: a 500, a proxy's
// HTML 502, a 200 whose JSON is cut short, a 200 whose JSON has a field of the wrong type, and a
// 401 for a token the API no longer accepts. Faults are scripted (fail_next) or drawn from a
// seeded sequence (random_faults). Test routes under /_peer/ let a script outside the process
// add payments (README.md).
//
// Thread-safe: every public member may be called while requests are served.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "helloasso_peer.hpp"

namespace caisse::testing::helloasso {

enum class Fault {
  none,
  error_500,       // 500 text/plain, without running the request
  html_502,        // 502 text/html from a proxy, without running the request
  truncated_json,  // runs it, answers its status with the first half of the JSON body
  mistyped_field,  // runs it, answers with one field of the wrong type (see fail_next)
  unauthorized,    // 401 without running it, as for an expired token
};
std::string_view to_string(Fault fault);
std::optional<Fault> fault_from_string(std::string_view name);

struct HelloAssoPeerServerOptions {
  std::uint16_t port = 0;   // 0: one the kernel picks
  bool test_routes = true;  // serve /_peer/...
};

class HelloAssoPeerServer {
 public:
  // Listens at once; throws std::runtime_error when it cannot. `peer` must outlive the server.
  explicit HelloAssoPeerServer(HelloAssoPeer& peer, HelloAssoPeerServerOptions options = {});
  ~HelloAssoPeerServer();
  HelloAssoPeerServer(const HelloAssoPeerServer&) = delete;
  HelloAssoPeerServer& operator=(const HelloAssoPeerServer&) = delete;

  std::uint16_t port() const;
  std::string url() const;  // "http://127.0.0.1:<port>"
  void stop();              // idempotent

  // The next `count` requests of `route` get `fault`. For mistyped_field, `field` names the
  // member changed: of the answer's object, or of its first data[] item for a listing.
  void fail_next(Route route, Fault fault, std::size_t count = 1, std::string field = "state");
  // From now on each request of `route` gets, with probability percent/100, one of `faults`; the
  // draws depend only on `seed` and the order of requests.
  void random_faults(unsigned percent, std::uint64_t seed, std::vector<Fault> faults,
                     Route route = Route::any);
  std::size_t faults_injected() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace caisse::testing::helloasso
