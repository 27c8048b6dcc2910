// The daemon's HTTP(S) server: Boost.Beast behind a pimpl, so including this header costs no
// Asio. One io_context run by `threads` threads; each connection runs on its own strand.
//
// Limits: headers over max_header_bytes get 431 and the connection closes; a body over
// max_body_bytes gets 413 and the connection closes; a request (headers and body) not fully
// received within read_timeout closes the connection, so a client that trickles headers
// (slowloris) is cut off; a kept-alive connection waiting for its next request closes after
// idle_timeout; a response not written within write_timeout closes the connection. A handler
// that does not call its responder within write_timeout gets 503 and the connection closes.
// TLS (1.2 or later) when tls_cert_pem and tls_key_pem are both set, plain HTTP otherwise.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "http/router.hpp"

namespace caisse::host::observability {
class MetricsRegistry;
}

namespace caisse::host::http {

struct HttpServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8420;  // 0: an ephemeral port, see HttpServer::port()
  int threads = 2;
  std::size_t max_header_bytes = 16 * 1024;
  std::size_t max_body_bytes = 1024 * 1024;
  std::chrono::milliseconds read_timeout{30000};
  std::chrono::milliseconds write_timeout{30000};
  std::chrono::milliseconds idle_timeout{60000};
  std::optional<std::string> tls_cert_pem;  // certificate chain, PEM, leaf first
  std::optional<std::string> tls_key_pem;   // its private key, PEM
};

class HttpServer {
 public:
  // Nothing is bound yet. `metrics` may be null; otherwise it must outlive the server, which
  // counts every answer in caissed_http_requests_total{route,method,status}. `router` must not
  // change once start() is called.
  HttpServer(HttpServerOptions options, std::shared_ptr<Router> router,
             observability::MetricsRegistry* metrics);
  // Calls stop() with no grace.
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds host:port, listens and starts the I/O threads. The error names the address and the
  // reason (address in use, bad TLS certificate or key...). Call once.
  Result<void> start();

  // The bound port (the ephemeral one when options.port was 0); 0 before start().
  std::uint16_t port() const;

  // Stops accepting; connections waiting between requests close at once; requests in flight
  // get up to `grace` to be answered (with `Connection: close`); whatever is left is closed.
  // Then the I/O threads are joined. Idempotent; a responder called afterwards does nothing.
  // Must not be called from a handler.
  void stop(std::chrono::milliseconds grace);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace caisse::host::http
