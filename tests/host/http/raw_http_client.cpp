#include "raw_http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include "http/ascii_case.hpp"

namespace caisse::host::http::testing {
namespace {

using Clock = std::chrono::steady_clock;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::chrono::milliseconds remaining(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return left.count() < 0 ? std::chrono::milliseconds(0) : left;
}

}  // namespace

std::optional<std::string> RawResponse::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (iequals(key, name)) return value;
  }
  return std::nullopt;
}

RawClient::RawClient(std::uint16_t port) {
  fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0) return;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd_);
    fd_ = -1;
  }
}

RawClient::~RawClient() {
  if (fd_ >= 0) ::close(fd_);
}

bool RawClient::send(std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

bool RawClient::receive_some(std::chrono::milliseconds timeout) {
  if (peer_closed_) return false;
  pollfd p{fd_, POLLIN, 0};
  int ready = ::poll(&p, 1, static_cast<int>(timeout.count()));
  if (ready <= 0) return false;
  char chunk[4096];
  ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
  if (n <= 0) {
    peer_closed_ = true;
    return false;
  }
  buffer_.append(chunk, static_cast<std::size_t>(n));
  return true;
}

std::optional<RawResponse> RawClient::read_response(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  std::size_t header_end;
  while ((header_end = buffer_.find("\r\n\r\n")) == std::string::npos) {
    if (!receive_some(remaining(deadline))) return std::nullopt;
  }
  RawResponse response;
  std::string_view head(buffer_.data(), header_end);
  auto line_end = head.find("\r\n");
  response.status_line = std::string(head.substr(0, line_end));
  auto space = response.status_line.find(' ');
  if (space == std::string::npos) return std::nullopt;
  response.status = static_cast<unsigned>(std::atoi(response.status_line.c_str() + space + 1));
  std::string_view rest = line_end == std::string_view::npos ? "" : head.substr(line_end + 2);
  while (!rest.empty()) {
    auto end = rest.find("\r\n");
    std::string_view line = rest.substr(0, end);
    auto colon = line.find(':');
    if (colon != std::string_view::npos) {
      response.headers.emplace_back(std::string(line.substr(0, colon)),
                                    std::string(trim(line.substr(colon + 1))));
    }
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 2);
  }
  const std::size_t body_start = header_end + 4;
  auto length = response.header("Content-Length");
  if (length) {
    const std::size_t wanted = std::strtoull(length->c_str(), nullptr, 10);
    while (buffer_.size() - body_start < wanted) {
      if (!receive_some(remaining(deadline))) return std::nullopt;
    }
    response.body = buffer_.substr(body_start, wanted);
    buffer_.erase(0, body_start + wanted);
  } else if (response.status >= 200 && response.status != 204 && response.status != 304) {
    while (receive_some(remaining(deadline))) {
    }
    response.body = buffer_.substr(body_start);
    buffer_.clear();
  } else {
    buffer_.erase(0, body_start);
  }
  return response;
}

bool RawClient::wait_closed(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (!peer_closed_ && Clock::now() < deadline) {
    receive_some(remaining(deadline));
    buffer_.clear();
  }
  return peer_closed_;
}

bool RawClient::closed_now() {
  while (receive_some(std::chrono::milliseconds(0))) buffer_.clear();
  return peer_closed_;
}

std::optional<RawResponse> send_request(
    std::uint16_t port, std::string_view method, std::string_view target,
    const std::vector<std::pair<std::string, std::string>>& headers, std::string_view body) {
  RawClient client(port);
  if (!client.connected()) return std::nullopt;
  std::string request = std::string(method) + " " + std::string(target) + " HTTP/1.1\r\n";
  request += "Host: 127.0.0.1\r\nConnection: close\r\n";
  for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
  if (!body.empty() || method == "POST" || method == "PUT") {
    request += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  request += "\r\n";
  request += body;
  if (!client.send(request)) return std::nullopt;
  return client.read_response();
}

}  // namespace caisse::host::http::testing
