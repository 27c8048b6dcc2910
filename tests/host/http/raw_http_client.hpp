// A deliberately small HTTP/1.1 client over a raw POSIX socket, so tests can send what a real
// client would not: oversized or trickled headers, half requests, pipelined requests.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace caisse::host::http::testing {

struct RawResponse {
  std::string status_line;  // "HTTP/1.1 200 OK"
  unsigned status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  // The first header with this name, compared case-insensitively.
  std::optional<std::string> header(std::string_view name) const;
};

class RawClient {
 public:
  // Connects to 127.0.0.1:port; connected() says whether it worked.
  explicit RawClient(std::uint16_t port);
  ~RawClient();
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;

  bool connected() const { return fd_ >= 0; }

  // Sends every byte; false when the peer has closed or reset the connection.
  bool send(std::string_view bytes);

  // One response framed by Content-Length (or up to the close when there is none). nullopt when
  // the connection closes or `timeout` passes before a whole response arrived.
  std::optional<RawResponse> read_response(
      std::chrono::milliseconds timeout = std::chrono::milliseconds(5000));

  // True when the server closes (EOF or reset) within `timeout`; bytes received are dropped.
  bool wait_closed(std::chrono::milliseconds timeout);

  // Without waiting: true when the server has already closed the connection.
  bool closed_now();

 private:
  // Appends what arrives within `timeout` to buffer_; false on timeout, close or error.
  bool receive_some(std::chrono::milliseconds timeout);

  int fd_ = -1;
  bool peer_closed_ = false;
  std::string buffer_;
};

// A request on a fresh connection, with Host and Connection: close added.
std::optional<RawResponse> send_request(
    std::uint16_t port, std::string_view method, std::string_view target,
    const std::vector<std::pair<std::string, std::string>>& headers = {},
    std::string_view body = {});

}  // namespace caisse::host::http::testing
