// A minimal synchronous HTTP(S) client for the daemon's admin API: one GET or POST per call, a
// bearer token, connect and read timeouts, and for https a peer verified against a CA file or the
// system store. The exchange itself is net::HttpClient's.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "net/http_client.hpp"

namespace caisse::host::ctl {

// Where the daemon is, read from a URL such as "https://caisse.example:8420/prefix".
struct Endpoint {
  net::HttpPeer peer;     // peer.url is the URL as given, for messages
  std::string base_path;  // "" or "/prefix", no trailing slash; prepended to every target
};

// Errors: not an absolute URL, a scheme other than http or https, no host, a user or password
// in the URL, a query or fragment.
Result<Endpoint> parse_endpoint(std::string_view url);

struct ClientOptions {
  std::optional<std::string> token;    // sent as `Authorization: Bearer TOKEN` when set
  std::optional<std::string> ca_file;  // PEM file of trusted CAs for https; else system store
  std::chrono::milliseconds connect_timeout{5000};  // each of resolve, connect, TLS handshake
  std::chrono::milliseconds read_timeout{30000};    // sending the request and reading the answer
  std::size_t max_body_bytes = 16 * 1024 * 1024;
};

// Extra request headers, name and value (`{"Idempotency-Key", "9f…"}`), sent in this order.
using Headers = std::vector<std::pair<std::string, std::string>>;

// Whatever the daemon answered, error statuses included.
struct HttpAnswer {
  unsigned status = 0;
  std::string content_type;
  std::string body;
};

class AdminClient {
 public:
  // Errors: the CA file cannot be loaded.
  static Result<AdminClient> create(Endpoint endpoint, ClientOptions options);

  AdminClient(AdminClient&&) noexcept;
  AdminClient& operator=(AdminClient&&) noexcept;
  ~AdminClient();

  // GET base_path + target ("/api/v1/status"). Any HTTP answer is a value; an error means there
  // was none: the name does not resolve, the connection is refused, TLS fails (certificate not
  // trusted or not for this host), a timeout, or a malformed or too large response. The message
  // names the URL and the step that failed, never the token.
  Result<HttpAnswer> get(std::string_view target) const;

  // POST base_path + target with `body` sent byte for byte as `content_type` (no Content-Type
  // header when empty; Content-Length always), and `headers`
  // besides the usual ones. Answers and errors as for get(); in addition a header whose name or
  // value holds a control character (or a name that is empty or holds ':') is refused before
  // anything is sent.
  Result<HttpAnswer> post(std::string_view target, std::string body, std::string_view content_type,
                          const Headers& headers = {}) const;

  const Endpoint& endpoint() const;

 private:
  struct Impl;
  Result<HttpAnswer> send(std::string method, std::string_view target,
                          std::optional<std::string> body, std::string_view content_type,
                          const Headers& headers) const;
  explicit AdminClient(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace caisse::host::ctl
