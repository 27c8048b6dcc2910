// One HTTP/1.1 exchange on a fresh connection, with deadlines and, for https, a peer verified
// against a CA file or the system store. caissectl's admin client and the plugins' host service
// (caisse_host_http_send) both send through it. Boost.Beast and Asio stay in http_client.cpp.
//
// A failed exchange says whether the request may have reached the peer: the error's kind is
// ErrorKind::unavailable when nothing was sent (the name did not resolve, the connection was
// refused, the TLS handshake failed), so sending again is safe; any other kind means the request
// may have been received and acted on, and only asking the peer can tell.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace caisse::host::net {

// Where to connect, taken from a URL.
struct HttpPeer {
  bool tls = false;       // https
  std::string host;       // to connect to and to check the certificate against ("::1", no [])
  std::string port;       // "8420"; 80 or 443 when the URL has none
  std::string authority;  // the Host header, as in the URL ("[::1]:8420")
  std::string url;        // for messages; never holds credentials
};

// Header names and values, in order.
using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method;  // "GET", "POST", ...
  std::string target;  // path and query, "/api/transfers?page=2"
  HttpHeaders headers;
  std::optional<std::string> body;  // sent with Content-Length; none: no body, no length
};

// Whatever the peer answered, error statuses included.
struct HttpResponse {
  unsigned status = 0;
  HttpHeaders headers;
  std::string body;

  // The first value of header `name` (ASCII case-insensitive), or "".
  std::string header(std::string_view name) const;
};

struct HttpDeadlines {
  std::chrono::milliseconds connect_timeout{5000};  // each of resolve, connect, TLS handshake
  std::chrono::milliseconds read_timeout{30000};    // sending the request, reading the answer
  std::size_t max_body_bytes = 16 * 1024 * 1024;    // a larger answer is an error
};

class HttpClient {
 public:
  // Trust for https: the PEM file of CAs, else the system's store. Errors: it cannot be loaded.
  static Result<HttpClient> create(const std::optional<std::string>& ca_file);

  HttpClient(HttpClient&&) noexcept;
  HttpClient& operator=(HttpClient&&) noexcept;
  ~HttpClient();

  // Sends `request` to `peer` with `Connection: close` and reads the whole answer. Errors name
  // the URL and the step that failed, with the kind described at the top of this file. Refused
  // (kind invalid) before anything is sent: a method that is not a token, a target that does not
  // start with '/' or holds spaces or control characters, a header name that is not a token, a
  // header value with a line break or other control character (either would forge the request),
  // and the headers that frame the message (Host, Connection, Content-Length,
  // Transfer-Encoding), which send() writes itself.
  Result<HttpResponse> send(const HttpPeer& peer, const HttpRequest& request,
                            const HttpDeadlines& deadlines) const;

 private:
  struct Trust;
  explicit HttpClient(std::unique_ptr<Trust> trust);
  std::unique_ptr<Trust> trust_;
};

}  // namespace caisse::host::net
