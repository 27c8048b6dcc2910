// CyclosPeerServer: a real HTTP/1.1 server on 127.0.0.1 that serves a CyclosPeer and injects the
// faults a Cyclos behind a reverse proxy shows: requests held past the client's deadline, before
// or after the payment is committed; connections closed without an answer; 500 errors; a proxy's
// HTML 503; broken bodies after a commit; expired sessions. Plain POSIX sockets, one thread per
// connection, Content-Length bodies and keep-alive.
//
// Thread-safe: every public member may be called from any thread while requests are served.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cyclos_peer.hpp"

namespace caisse::testing::cyclos {

enum class Fault {
  none,
  // Holds the request for `hold` without running it, then closes the connection.
  timeout_before_commit,
  // Runs it (a payment is committed), holds the answer for `hold`, then closes without answering.
  timeout_after_commit,
  // Runs it, then closes the connection without answering.
  drop_after_commit,
  // Answers 500 with the spec's Error shape without running it.
  error_500,
  // Answers 503 text/html, a reverse proxy's page, without running it.
  html_503,
  // Runs it, then answers its status with a broken body (see MalformedBody). A 204 becomes a 200,
  // since a 204 cannot carry a body.
  malformed_after_commit,
  // Answers 401 {"code":"loggedOut"} without running it.
  logged_out,
};

// "timeout_before_commit", ...; and back (nullopt for an unknown name).
std::string_view to_string(Fault fault);
std::optional<Fault> fault_from_string(std::string_view name);

enum class MalformedBody {
  truncated_json,  // the first half of the real JSON body, Content-Type application/json
  html,            // an HTML page, Content-Type text/html
};

struct CyclosPeerServerOptions {
  unsigned short port = 0;               // 0: a port the kernel picks
  std::chrono::milliseconds hold{1500};  // how long the timeout faults hold a request
  MalformedBody malformed_body = MalformedBody::truncated_json;
  bool test_routes = true;  // serve /_peer/... (CyclosPeer::handle_test_route)
};

class CyclosPeerServer {
 public:
  // Listens on 127.0.0.1 and serves `peer`, which must outlive the server. Throws
  // std::runtime_error when it cannot listen (a broken test environment).
  explicit CyclosPeerServer(CyclosPeer& peer, CyclosPeerServerOptions options = {});
  ~CyclosPeerServer();  // stop()
  CyclosPeerServer(const CyclosPeerServer&) = delete;
  CyclosPeerServer& operator=(const CyclosPeerServer&) = delete;

  unsigned short port() const;
  std::string url() const;  // "http://127.0.0.1:<port>"

  // Closes the listener and every connection (held requests are released at once), joins the
  // threads. Idempotent.
  void stop();

  // The next `count` requests of `route` (any: every request but the test routes) get `fault`.
  // Scripted faults are used in the order they were added, before random ones.
  void fail_next(RouteKind route, Fault fault, std::size_t count = 1);
  // From now on, each request of `route` gets, with probability percent/100, one of `faults`
  // (uniformly). The draw sequence depends only on `seed` and the order of requests. percent 0
  // turns random faults off.
  void random_faults(unsigned percent, std::uint64_t seed, std::vector<Fault> faults,
                     RouteKind route = RouteKind::any);
  // Drops every scripted and random fault.
  void clear_faults();

  std::size_t faults_injected() const;  // all faults
  std::size_t faults_injected(Fault fault) const;
  std::size_t requests_received() const;  // complete requests read, test routes included
  std::size_t connections_accepted() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace caisse::testing::cyclos
