// A real, tiny HTTP server on 127.0.0.1 for client tests: a thread with a raw socket that reads
// one request (head and Content-Length body) and answers one canned response, or keeps silent.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <thread>

#include "loopback_listener.hpp"

namespace caisse::testing {

// Accepts one connection, reads the request head and its body (Content-Length), then answers
// `response` (or, when `silent`, keeps the connection open without answering until destroyed) and
// closes.
class OneShotServer {
 public:
  explicit OneShotServer(std::string response, bool silent = false)
      : response_(std::move(response)), silent_(silent) {
    auto listener = caisse::testing::listen_on_loopback();
    listener_ = listener.fd;
    port_ = listener.port;
    thread_ = std::thread([this] { serve(); });
  }

  ~OneShotServer() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    stopped_.notify_all();
    ::shutdown(listener_, SHUT_RDWR);  // unblocks accept() if nobody came
    thread_.join();
    ::close(listener_);
  }

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  unsigned short port() const { return port_; }

  std::string request() {
    std::lock_guard lock(mutex_);
    return request_;
  }

  // The request's head, up to and including the blank line.
  std::string head() {
    std::string all = request();
    auto end = all.find("\r\n\r\n");
    return end == std::string::npos ? all : all.substr(0, end + 4);
  }

  // The bytes after the head.
  std::string body() {
    std::string all = request();
    auto end = all.find("\r\n\r\n");
    return end == std::string::npos ? "" : all.substr(end + 4);
  }

 private:
  static std::size_t content_length(const std::string& head) {
    std::string lower = head;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto at = lower.find("\r\ncontent-length:");
    if (at == std::string::npos) return 0;
    return std::stoul(head.substr(at + 17));
  }

  void serve() {
    int connection = ::accept(listener_, nullptr, nullptr);
    if (connection < 0) return;
    std::string received;
    char buffer[4096];
    while (received.find("\r\n\r\n") == std::string::npos) {
      ssize_t n = ::recv(connection, buffer, sizeof buffer, 0);
      if (n <= 0) break;
      received.append(buffer, static_cast<std::size_t>(n));
      if (received.size() > 16 && received[0] == '\x16') break;  // a TLS ClientHello
    }
    if (auto head_end = received.find("\r\n\r\n"); head_end != std::string::npos) {
      std::size_t wanted = head_end + 4 + content_length(received.substr(0, head_end));
      while (received.size() < wanted) {
        ssize_t n = ::recv(connection, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        received.append(buffer, static_cast<std::size_t>(n));
      }
    }
    {
      std::unique_lock lock(mutex_);
      request_ = received;
      if (silent_) stopped_.wait(lock, [this] { return stopping_; });
    }
    if (!silent_) {
      std::size_t sent = 0;
      while (sent < response_.size()) {
        ssize_t n =
            ::send(connection, response_.data() + sent, response_.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) break;
        sent += static_cast<std::size_t>(n);
      }
    }
    ::shutdown(connection, SHUT_WR);
    ::close(connection);
  }

  std::string response_;
  bool silent_;
  int listener_ = -1;
  unsigned short port_ = 0;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable stopped_;
  bool stopping_ = false;
  std::string request_;
};

inline std::string http_response(unsigned status, const std::string& reason,
                                 const std::string& body) {
  return "HTTP/1.1 " + std::to_string(status) + " " + reason +
         "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\nConnection: close\r\n\r\n" + body;
}

// A port nothing listens on: bound then closed (the kernel will not hand it out again at once).
inline unsigned short closed_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

}  // namespace caisse::testing
