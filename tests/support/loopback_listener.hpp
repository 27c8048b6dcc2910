// A listening TCP socket on 127.0.0.1 with a port the kernel picked, for tests that play a
// server by hand (canned answers, half requests, TLS handshakes).
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <stdexcept>

namespace caisse::testing {

struct LoopbackListener {
  int fd = -1;
  unsigned short port = 0;
};

// Throws std::runtime_error if the socket cannot be made (a broken test environment).
inline LoopbackListener listen_on_loopback(int backlog = 1) {
  LoopbackListener out;
  out.fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (out.fd < 0 || ::bind(out.fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(out.fd, backlog) != 0 ||
      ::getsockname(out.fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    throw std::runtime_error("cannot listen on 127.0.0.1");
  }
  out.port = ntohs(address.sin_port);
  return out;
}

}  // namespace caisse::testing
