// The peer's HTTP/1.1 server: an acceptor thread, one thread per connection, a small request
// parser (request line, headers, Content-Length body; no chunked bodies), keep-alive, and the
// faults, decided per request before the emulator runs.
#include "cyclos_peer_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <deque>
#include <list>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "peer_text.hpp"

namespace caisse::testing::cyclos {

namespace {

constexpr std::size_t kMaxHeadBytes = 64 * 1024;
constexpr std::size_t kMaxBodyBytes = 8 * 1024 * 1024;

std::string_view reason_phrase(unsigned status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 204:
      return "No Content";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 413:
      return "Payload Too Large";
    case 422:
      return "Unprocessable Entity";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 503:
      return "Service Unavailable";
    default:
      return "Status";
  }
}

bool send_all(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

std::string serialize(const PeerResponse& response, bool keep_alive) {
  std::string out = "HTTP/1.1 " + std::to_string(response.status) + " " +
                    std::string(reason_phrase(response.status)) + "\r\n";
  for (const auto& [name, value] : response.headers) out += name + ": " + value + "\r\n";
  if (response.status != 204)
    out += "Content-Length: " + std::to_string(response.body.size()) + "\r\n";
  out += keep_alive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
  out += "\r\n";
  if (response.status != 204) out += response.body;
  return out;
}

PeerResponse plain(unsigned status, std::string_view content_type, std::string body) {
  PeerResponse out;
  out.status = status;
  out.headers.emplace_back("Content-Type", std::string(content_type));
  out.body = std::move(body);
  return out;
}

std::string trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return std::string(text);
}

// Reads requests off one connection, keeping bytes that belong to the next one.
class RequestReader {
 public:
  explicit RequestReader(int fd) : fd_(fd) {}

  enum class Outcome { request, closed, bad_request, too_large, chunked };

  Outcome next(PeerRequest& request, bool& keep_alive) {
    std::size_t head_end;
    while ((head_end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (buffer_.size() > kMaxHeadBytes) return Outcome::too_large;
      if (!fill()) return Outcome::closed;
    }
    std::string head = buffer_.substr(0, head_end);
    buffer_.erase(0, head_end + 4);
    auto lines = detail::split(head, '\n');
    for (auto& line : lines) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
    }
    auto parts = detail::split(lines[0], ' ');
    if (parts.size() != 3 || parts[0].empty() || parts[1].empty() ||
        parts[2].rfind("HTTP/1.", 0) != 0) {
      return Outcome::bad_request;
    }
    request = PeerRequest{};
    request.method = parts[0];
    request.target = parts[1];
    keep_alive = parts[2] == "HTTP/1.1";
    std::size_t length = 0;
    for (std::size_t i = 1; i < lines.size(); ++i) {
      auto colon = lines[i].find(':');
      if (colon == std::string::npos || colon == 0) return Outcome::bad_request;
      std::string name = lines[i].substr(0, colon);
      std::string value = trim(std::string_view(lines[i]).substr(colon + 1));
      if (detail::iequals(name, "Content-Length")) {
        if (value.empty() || value.size() > 9 ||
            value.find_first_not_of("0123456789") != std::string::npos) {
          return Outcome::bad_request;
        }
        length = std::stoul(value);
      } else if (detail::iequals(name, "Transfer-Encoding")) {
        return Outcome::chunked;
      } else if (detail::iequals(name, "Connection")) {
        if (detail::iequals(value, "close")) keep_alive = false;
        if (detail::iequals(value, "keep-alive")) keep_alive = true;
      }
      request.headers.emplace_back(std::move(name), std::move(value));
    }
    if (length > kMaxBodyBytes) return Outcome::too_large;
    while (buffer_.size() < length) {
      if (!fill()) return Outcome::closed;
    }
    request.body = buffer_.substr(0, length);
    buffer_.erase(0, length);
    return Outcome::request;
  }

 private:
  bool fill() {
    char chunk[16 * 1024];
    while (true) {
      ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      buffer_.append(chunk, static_cast<std::size_t>(n));
      return true;
    }
  }

  int fd_;
  std::string buffer_;
};

}  // namespace

std::string_view to_string(Fault fault) {
  switch (fault) {
    case Fault::none:
      return "none";
    case Fault::timeout_before_commit:
      return "timeout_before_commit";
    case Fault::timeout_after_commit:
      return "timeout_after_commit";
    case Fault::drop_after_commit:
      return "drop_after_commit";
    case Fault::error_500:
      return "error_500";
    case Fault::html_503:
      return "html_503";
    case Fault::malformed_after_commit:
      return "malformed_after_commit";
    case Fault::logged_out:
      return "logged_out";
  }
  return "none";
}

std::optional<Fault> fault_from_string(std::string_view name) {
  for (int i = 0; i <= static_cast<int>(Fault::logged_out); ++i) {
    auto fault = static_cast<Fault>(i);
    if (to_string(fault) == name) return fault;
  }
  return std::nullopt;
}

struct CyclosPeerServer::Impl {
  Impl(CyclosPeer& p, CyclosPeerServerOptions o) : peer(p), options(o) {}

  struct Connection {
    int fd = -1;
    std::thread thread;
    std::atomic<bool> done{false};
  };
  struct Scripted {
    RouteKind route;
    Fault fault;
    std::size_t remaining;
  };
  struct Random {
    unsigned percent = 0;
    std::uint64_t state = 0;
    std::vector<Fault> faults;
    RouteKind route = RouteKind::any;
  };

  CyclosPeer& peer;
  CyclosPeerServerOptions options;
  int listener = -1;
  unsigned short port = 0;
  std::thread acceptor;

  mutable std::mutex mutex;
  std::condition_variable released;  // notified by stop(): held requests let go
  bool stopping = false;
  std::list<std::unique_ptr<Connection>> connections;
  std::deque<Scripted> scripted;
  Random random;
  std::map<Fault, std::size_t> injected;
  std::size_t requests = 0;
  std::size_t accepted = 0;

  void accept_loop();
  void serve(Connection& connection);
  Fault pick_fault(RouteKind route);
  // Waits `options.hold`, or less when the server stops.
  void hold();
  // Joins and closes the connections whose thread has finished (all of them when `all`).
  void reap(bool all);
};

void CyclosPeerServer::Impl::accept_loop() {
  while (true) {
    int fd = ::accept(listener, nullptr, nullptr);
    if (fd < 0) {
      if (errno == EINTR || errno == ECONNABORTED) continue;
      return;  // the listener was shut down
    }
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    reap(false);  // so that a long test does not pile up finished threads
    std::lock_guard lock(mutex);
    if (stopping) {
      ::close(fd);
      return;
    }
    ++accepted;
    auto connection = std::make_unique<Connection>();
    connection->fd = fd;
    Connection& c = *connection;
    connections.push_back(std::move(connection));
    c.thread = std::thread([this, &c] { serve(c); });
  }
}

Fault CyclosPeerServer::Impl::pick_fault(RouteKind route) {
  std::lock_guard lock(mutex);
  Fault fault = Fault::none;
  for (auto it = scripted.begin(); it != scripted.end(); ++it) {
    if (it->route == RouteKind::any || it->route == route) {
      fault = it->fault;
      if (--it->remaining == 0) scripted.erase(it);
      break;
    }
  }
  if (fault == Fault::none && random.percent > 0 && !random.faults.empty() &&
      (random.route == RouteKind::any || random.route == route)) {
    // splitmix64: a fixed sequence for a given seed.
    std::uint64_t z = (random.state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z ^= z >> 31;
    if (z % 100 < random.percent) fault = random.faults[(z >> 32) % random.faults.size()];
  }
  if (fault != Fault::none) ++injected[fault];
  return fault;
}

void CyclosPeerServer::Impl::hold() {
  std::unique_lock lock(mutex);
  released.wait_for(lock, options.hold, [this] { return stopping; });
}

void CyclosPeerServer::Impl::serve(Connection& connection) {
  const int fd = connection.fd;
  RequestReader reader(fd);
  while (true) {
    PeerRequest request;
    bool keep_alive = true;
    auto outcome = reader.next(request, keep_alive);
    if (outcome == RequestReader::Outcome::closed) break;
    if (outcome != RequestReader::Outcome::request) {
      unsigned status = outcome == RequestReader::Outcome::too_large ? 413
                        : outcome == RequestReader::Outcome::chunked ? 501
                                                                     : 400;
      send_all(fd, serialize(plain(status, "text/plain",
                                   "the Cyclos test peer cannot read this "
                                   "request\n"),
                             false));
      break;
    }
    {
      std::lock_guard lock(mutex);
      ++requests;
    }

    // No response: the connection is closed without an answer.
    std::optional<PeerResponse> response;
    if (options.test_routes && request.target.rfind("/_peer/", 0) == 0) {
      response = peer.handle_test_route(request);
    } else {
      switch (pick_fault(peer.route_of(request.method, request.target))) {
        case Fault::none:
          response = peer.handle(request);
          break;
        case Fault::timeout_before_commit:
          hold();
          break;
        case Fault::timeout_after_commit:
          peer.handle(request);
          hold();
          break;
        case Fault::drop_after_commit:
          peer.handle(request);
          break;
        case Fault::error_500:
          // Error: exceptionType is required; kind general.
          response = plain(500, "application/json",
                           R"({"exceptionType":"java.lang.IllegalStateException",)"
                           R"("exceptionMessage":"Injected fault","kind":"general"})");
          break;
        case Fault::html_503:
          response = plain(503, "text/html",
                           "<html><head><title>503 Service Temporarily Unavailable</title></head>"
                           "<body><center><h1>503 Service Temporarily Unavailable</h1></center>"
                           "<hr><center>nginx</center></body></html>\n");
          break;
        case Fault::malformed_after_commit: {
          PeerResponse real = peer.handle(request);
          unsigned status = real.status == 204 ? 200 : real.status;
          if (options.malformed_body == MalformedBody::html) {
            response = plain(status, "text/html",
                             "<html><body><p>Cyclos is starting, please wait</p></body></html>\n");
          } else {
            std::string body = real.body.empty() ? "{" : real.body.substr(0, real.body.size() / 2);
            response = plain(status, "application/json", std::move(body));
          }
          break;
        }
        case Fault::logged_out:
          response = plain(401, "application/json", R"({"code":"loggedOut"})");
          break;
      }
    }
    if (!response || !send_all(fd, serialize(*response, keep_alive)) || !keep_alive) break;
  }
  ::shutdown(fd, SHUT_RDWR);
  connection.done = true;
}

void CyclosPeerServer::Impl::reap(bool all) {
  std::list<std::unique_ptr<Connection>> finished;
  {
    std::lock_guard lock(mutex);
    for (auto it = connections.begin(); it != connections.end();) {
      if (all || (*it)->done.load()) {
        finished.push_back(std::move(*it));
        it = connections.erase(it);
      } else {
        ++it;
      }
    }
  }
  for (auto& c : finished) {
    if (c->thread.joinable()) c->thread.join();
    ::close(c->fd);
  }
}

CyclosPeerServer::CyclosPeerServer(CyclosPeer& peer, CyclosPeerServerOptions options)
    : impl_(std::make_unique<Impl>(peer, options)) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error("cyclos peer: cannot create a socket");
  int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(options.port);
  socklen_t length = sizeof address;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(fd, 64) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(fd);
    throw std::runtime_error("cyclos peer: cannot listen on 127.0.0.1:" +
                             std::to_string(options.port));
  }
  impl_->listener = fd;
  impl_->port = ntohs(address.sin_port);
  impl_->acceptor = std::thread([impl = impl_.get()] { impl->accept_loop(); });
}

CyclosPeerServer::~CyclosPeerServer() {
  stop();
}

unsigned short CyclosPeerServer::port() const {
  return impl_->port;
}

std::string CyclosPeerServer::url() const {
  return "http://127.0.0.1:" + std::to_string(impl_->port);
}

void CyclosPeerServer::stop() {
  {
    std::lock_guard lock(impl_->mutex);
    if (impl_->stopping) return;
    impl_->stopping = true;
    for (auto& c : impl_->connections) ::shutdown(c->fd, SHUT_RDWR);
  }
  impl_->released.notify_all();
  ::shutdown(impl_->listener, SHUT_RDWR);
  if (impl_->acceptor.joinable()) impl_->acceptor.join();
  {
    // Connections accepted between the two locks are shut down too.
    std::lock_guard lock(impl_->mutex);
    for (auto& c : impl_->connections) ::shutdown(c->fd, SHUT_RDWR);
  }
  impl_->reap(true);
  ::close(impl_->listener);
}

void CyclosPeerServer::fail_next(RouteKind route, Fault fault, std::size_t count) {
  if (count == 0 || fault == Fault::none) return;
  std::lock_guard lock(impl_->mutex);
  impl_->scripted.push_back(Impl::Scripted{route, fault, count});
}

void CyclosPeerServer::random_faults(unsigned percent, std::uint64_t seed,
                                     std::vector<Fault> faults, RouteKind route) {
  std::lock_guard lock(impl_->mutex);
  faults.erase(std::remove(faults.begin(), faults.end(), Fault::none), faults.end());
  impl_->random = Impl::Random{std::min(percent, 100U), seed, std::move(faults), route};
}

void CyclosPeerServer::clear_faults() {
  std::lock_guard lock(impl_->mutex);
  impl_->scripted.clear();
  impl_->random = Impl::Random{};
}

std::size_t CyclosPeerServer::faults_injected() const {
  std::lock_guard lock(impl_->mutex);
  std::size_t total = 0;
  for (const auto& [fault, count] : impl_->injected) total += count;
  return total;
}

std::size_t CyclosPeerServer::faults_injected(Fault fault) const {
  std::lock_guard lock(impl_->mutex);
  auto it = impl_->injected.find(fault);
  return it == impl_->injected.end() ? 0 : it->second;
}

std::size_t CyclosPeerServer::requests_received() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->requests;
}

std::size_t CyclosPeerServer::connections_accepted() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->accepted;
}

}  // namespace caisse::testing::cyclos
