#include "http/http_server.hpp"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <spdlog/spdlog.h>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "http/ascii_case.hpp"
#include "observability/metrics.hpp"

namespace caisse::host::http {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;
using std::chrono::milliseconds;

namespace {

constexpr const char* kRequestsMetric = "caissed_http_requests_total";
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
// After the last response of a connection, how long unread input is drained so the client sees
// the response instead of a reset.
constexpr milliseconds kLingerLimit{1000};
// In stop(), how long closed connections get to release their resources.
constexpr milliseconds kForceCloseWait{2000};
constexpr milliseconds kAcceptRetry{100};
constexpr std::size_t kIdleReadChunk = 4096;

using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

bool is_token_char(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool valid_header(std::string_view name, std::string_view value) {
  if (name.empty() || !std::all_of(name.begin(), name.end(), is_token_char)) return false;
  return value.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

bool server_managed_header(std::string_view name) {
  return iequals(name, "Content-Length") || iequals(name, "Transfer-Encoding") ||
         iequals(name, "Connection");
}

// Methods outside the standard verbs would give the metric an unbounded label set.
std::string method_label(bhttp::verb verb, std::string_view text) {
  return verb == bhttp::verb::unknown ? std::string("other") : std::string(text);
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

// Lets responders reach sessions only while the io_context that owns them still exists.
struct Lifeline {
  std::mutex mutex;
  bool alive = true;
};

class SessionBase : public std::enable_shared_from_this<SessionBase> {
 public:
  virtual ~SessionBase() = default;
  virtual void begin() = 0;
  // The following are safe from any thread: they post to the connection's strand.
  virtual void begin_shutdown() = 0;
  virtual void force_close() = 0;
  virtual void post_response(std::uint64_t sequence, Response response) = 0;
};

// What sessions share with the server. Owned by HttpServer::Impl, which outlives every session
// (the io_context that holds them is destroyed in stop()).
struct ServerState {
  HttpServerOptions options;
  std::shared_ptr<Router> router;
  observability::MetricsRegistry* metrics = nullptr;
  std::shared_ptr<Lifeline> lifeline = std::make_shared<Lifeline>();

  std::mutex sessions_mutex;
  std::condition_variable sessions_changed;
  std::unordered_map<std::uint64_t, std::weak_ptr<SessionBase>> sessions;
  bool stopping = false;
  std::uint64_t next_id = 0;
};

// Shared by every copy of one Responder: the first call wins, and the last copy destroyed
// without a call answers 500 so the client is not left waiting.
class ResponseSlot {
 public:
  ResponseSlot(std::shared_ptr<Lifeline> lifeline, std::weak_ptr<SessionBase> session,
               std::uint64_t sequence, std::string route)
      : lifeline_(std::move(lifeline)),
        session_(std::move(session)),
        sequence_(sequence),
        route_(std::move(route)) {}
  ResponseSlot(const ResponseSlot&) = delete;
  ResponseSlot& operator=(const ResponseSlot&) = delete;

  ~ResponseSlot() {
    if (used_.load()) return;
    try {
      spdlog::error("event=responder_dropped route={}", route_);
      deliver(json_error(500, "internal error: the handler did not respond"));
    } catch (...) {  // NOLINT: nothing may escape a destructor
    }
  }

  void deliver(Response response) {
    if (used_.exchange(true)) {
      spdlog::warn("event=responder_called_twice route={}", route_);
      return;
    }
    std::lock_guard lock(lifeline_->mutex);
    if (!lifeline_->alive) return;
    if (auto session = session_.lock()) session->post_response(sequence_, std::move(response));
  }

 private:
  std::shared_ptr<Lifeline> lifeline_;
  std::weak_ptr<SessionBase> session_;
  const std::uint64_t sequence_;
  const std::string route_;
  std::atomic<bool> used_{false};
};

// One connection. Every member is touched only on the connection's strand (the executor of the
// socket); the public SessionBase functions post there.
template <class Stream>
class Session final : public SessionBase {
  static constexpr bool kTls = std::is_same_v<Stream, TlsStream>;

 public:
  template <class... StreamArgs>
  Session(ServerState& server, std::uint64_t id, std::string remote, StreamArgs&&... args)
      : server_(server),
        options_(server.options),
        id_(id),
        remote_(std::move(remote)),
        stream_(std::forward<StreamArgs>(args)...),
        handler_timer_(stream_.get_executor()) {}

  ~Session() override {
    std::lock_guard lock(server_.sessions_mutex);
    server_.sessions.erase(id_);
    server_.sessions_changed.notify_all();
  }

  void begin() override {
    net::post(stream_.get_executor(), [self = shared()] { self->on_begin(); });
  }

  void begin_shutdown() override {
    net::post(stream_.get_executor(), [self = shared()] {
      self->stopping_ = true;
      if (self->state_ == State::idle || self->state_ == State::handshake) self->close_now();
    });
  }

  void force_close() override {
    net::post(stream_.get_executor(), [self = shared()] { self->close_now(); });
  }

  void post_response(std::uint64_t sequence, Response response) override {
    net::post(stream_.get_executor(),
              [self = shared(), sequence, response = std::move(response)]() mutable {
                self->on_response(sequence, std::move(response));
              });
  }

 private:
  enum class State { handshake, idle, reading, handling, writing, closing, closed };

  std::shared_ptr<Session> shared() {
    return std::static_pointer_cast<Session>(shared_from_this());
  }
  beast::tcp_stream& tcp() { return beast::get_lowest_layer(stream_); }

  void on_begin() {
    if (stopping_) return close_now();
    if constexpr (kTls) {
      state_ = State::handshake;
      tcp().expires_after(options_.read_timeout);
      stream_.async_handshake(
          net::ssl::stream_base::server, [self = shared()](beast::error_code ec) {
            if (ec) {
              spdlog::debug("event=tls_handshake_failed remote={} reason=\"{}\"", self->remote_,
                            ec.message());
              return self->close_now();
            }
            self->await_request(self->options_.read_timeout);
          });
    } else {
      await_request(options_.read_timeout);
    }
  }

  // Waits up to `wait` for the first byte of the next request (read_timeout on a new
  // connection, idle_timeout between two requests of a kept-alive one), or goes on at once with
  // bytes already received (pipelining). A connection in this state holds no request, so
  // stop() closes it at once: browsers' preconnected sockets do not delay shutdown.
  void await_request(milliseconds wait) {
    if (stopping_) return shutdown_connection();
    if (buffer_.size() > 0) return start_request();
    state_ = State::idle;
    tcp().expires_after(wait);
    stream_.async_read_some(buffer_.prepare(kIdleReadChunk),
                            [self = shared()](beast::error_code ec, std::size_t n) {
                              if (self->state_ != State::idle) return;
                              if (ec) {
                                if (ec == beast::error::timeout) {
                                  spdlog::debug("event=idle_timeout remote={}", self->remote_);
                                }
                                return self->close_now();
                              }
                              self->buffer_.commit(n);
                              self->start_request();
                            });
  }

  void start_request() {
    state_ = State::reading;
    started_ = std::chrono::steady_clock::now();
    route_label_ = "unmatched";
    method_label_ = "other";
    keep_alive_ = false;
    version_ = 11;
    parser_.emplace();
    parser_->header_limit(
        static_cast<std::uint32_t>(std::min<std::size_t>(options_.max_header_bytes, UINT32_MAX)));
    // Until the route is known, the largest limit of any route; on_header narrows it.
    body_limit_ = options_.max_body_bytes;
    parser_->body_limit(static_cast<std::uint64_t>(
        std::max(options_.max_body_bytes, server_.router->largest_route_body_limit())));
    // One deadline for the whole request, headers and body: a client trickling bytes is cut.
    tcp().expires_after(options_.read_timeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             [self = shared()](beast::error_code ec, std::size_t) {
                               if (ec) return self->on_read_error(ec);
                               self->on_header();
                             });
  }

  void note_request_line() {
    if (!parser_ || !parser_->is_header_done()) return;
    const auto& header = parser_->get();
    version_ = header.version() == 10 ? 10 : 11;
    method_label_ = method_label(header.method(), header.method_string());
  }

  void on_header() {
    note_request_line();
    const auto& header = parser_->get();
    if (!apply_route_body_limit()) {
      return send_and_close(json_error(413, body_too_large_message()));
    }
    if (header.version() >= 11 && iequals(header[bhttp::field::expect], "100-continue") &&
        !parser_->is_done()) {
      net::async_write(stream_, net::buffer(kContinue.data(), kContinue.size()),
                       [self = shared()](beast::error_code ec, std::size_t) {
                         if (ec) return self->close_now();
                         self->read_body();
                       });
      return;
    }
    read_body();
  }

  // Narrows the body limit to the route's own (or the server's); false when the announced
  // Content-Length is already over it. A chunked body is cut by the parser as it arrives.
  bool apply_route_body_limit() {
    body_limit_ = route_body_limit();
    auto length = parser_->content_length();
    if (length && *length > body_limit_) return false;
    parser_->body_limit(static_cast<std::uint64_t>(body_limit_));
    return true;
  }

  std::size_t route_body_limit() const {
    std::string_view target = parser_->get().target();
    RouteMatch match =
        server_.router->match(parser_->get().method_string(), target.substr(0, target.find('?')));
    return match.max_body_bytes.value_or(options_.max_body_bytes);
  }

  std::string body_too_large_message() const {
    return "request body too large (limit " + std::to_string(body_limit_) + " bytes)";
  }

  void read_body() {
    if (parser_->is_done()) return on_request();
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = shared()](beast::error_code ec, std::size_t) {
                        if (ec) return self->on_read_error(ec);
                        self->on_request();
                      });
  }

  void on_read_error(beast::error_code ec) {
    if (state_ == State::closed) return;
    note_request_line();
    if (ec == bhttp::error::header_limit) {
      return send_and_close(json_error(431, "request header fields too large (limit " +
                                                std::to_string(options_.max_header_bytes) +
                                                " bytes)"));
    }
    if (ec == bhttp::error::body_limit) {
      // Over even the largest route limit: the parser stopped inside the header, after the
      // request line it needs to name the route's limit.
      if (!parser_->get().target().empty()) body_limit_ = route_body_limit();
      return send_and_close(json_error(413, body_too_large_message()));
    }
    if (ec == beast::error::timeout) {
      spdlog::info("event=read_timeout remote={} timeout_ms={}", remote_,
                   options_.read_timeout.count());
      return close_now();
    }
    if (ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category() &&
        ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message) {
      spdlog::info("event=bad_request remote={} reason=\"{}\"", remote_, ec.message());
      return send_and_close(json_error(400, "malformed request: " + ec.message()));
    }
    close_now();  // the peer went away, or the connection was closed by stop()
  }

  void on_request() {
    state_ = State::handling;
    tcp().expires_never();
    auto message = parser_->release();
    parser_.reset();
    keep_alive_ = message.keep_alive();

    Request request;
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    request.version = version_;
    std::string_view target = message.target();
    auto question = target.find('?');
    std::string_view raw_path = target.substr(0, question);
    if (question != std::string_view::npos)
      request.query = std::string(target.substr(question + 1));
    if (raw_path.empty() || raw_path.front() != '/') {
      return send_and_close(json_error(400, "the request target must be an absolute path"));
    }
    auto path = percent_decode(raw_path);
    if (!path) return send_and_close(json_error(400, "malformed percent-encoding in the path"));
    request.path = std::move(*path);
    for (const auto& field : message) {
      request.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    request.body = std::move(message.body());
    request.remote_address = remote_;

    RouteMatch match = server_.router->match(request.method, raw_path);
    if (!match.pattern.empty()) route_label_ = match.pattern;
    if (match.handler == nullptr) {
      if (match.pattern.empty()) return write_response(json_error(404, "not found"));
      Response r = json_error(405, "method " + request.method + " not allowed here");
      r.headers.emplace_back("Allow", join(match.allowed_methods, ", "));
      return write_response(std::move(r));
    }
    request.route = match.pattern;
    request.path_params = std::move(match.path_params);

    const std::uint64_t sequence = ++sequence_;
    handler_timer_.expires_after(options_.write_timeout);
    handler_timer_.async_wait([self = shared(), sequence](beast::error_code ec) {
      if (ec || sequence != self->sequence_ || self->state_ != State::handling) return;
      spdlog::warn("event=handler_timeout route={} timeout_ms={}", self->route_label_,
                   self->options_.write_timeout.count());
      self->send_and_close(json_error(503, "the handler did not answer in time"));
    });
    auto slot =
        std::make_shared<ResponseSlot>(server_.lifeline, weak_from_this(), sequence, route_label_);
    Responder respond = [slot](Response response) { slot->deliver(std::move(response)); };
    try {
      (*match.handler)(std::move(request), respond);
    } catch (const std::exception& e) {
      spdlog::error("event=handler_exception route={} what=\"{}\"", route_label_, e.what());
      respond(json_error(500, "internal error"));
    } catch (...) {
      spdlog::error("event=handler_exception route={} what=unknown", route_label_);
      respond(json_error(500, "internal error"));
    }
  }

  void on_response(std::uint64_t sequence, Response response) {
    if (sequence != sequence_ || state_ != State::handling) return;  // late, or closed
    handler_timer_.cancel();
    write_response(std::move(response));
  }

  void send_and_close(Response response) {
    keep_alive_ = false;
    handler_timer_.cancel();
    write_response(std::move(response));
  }

  void write_response(Response r) {
    if (state_ == State::closed) return;
    state_ = State::writing;
    if (r.status < 100 || r.status > 599) {
      spdlog::error("event=bad_status route={} status={}", route_label_, r.status);
      r = json_error(500, "internal error");
    }
    const bool keep = keep_alive_ && !stopping_;
    response_.emplace();
    auto& res = *response_;
    res.version(version_);
    res.result(r.status);
    res.set(bhttp::field::server, "caissed");
    if (!r.content_type.empty()) res.set(bhttp::field::content_type, r.content_type);
    for (const auto& [name, value] : r.headers) {
      if (server_managed_header(name)) continue;
      if (!valid_header(name, value)) {
        spdlog::warn("event=response_header_dropped route={} reason=invalid_characters",
                     route_label_);
        continue;
      }
      res.insert(name, value);
    }
    res.body() = std::move(r.body);
    res.keep_alive(keep);
    res.prepare_payload();
    record(r.status);

    tcp().expires_after(options_.write_timeout);
    bhttp::async_write(stream_, res, [self = shared(), keep](beast::error_code ec, std::size_t) {
      self->response_.reset();
      if (self->state_ == State::closed) return;
      if (ec) {
        spdlog::debug("event=write_failed remote={} reason=\"{}\"", self->remote_, ec.message());
        return self->close_now();
      }
      if (!keep) return self->shutdown_connection();
      self->await_request(self->options_.idle_timeout);
    });
  }

  void record(unsigned status) {
    auto ms = std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - started_)
                  .count();
    auto level = status >= 500   ? spdlog::level::warn
                 : status >= 400 ? spdlog::level::info
                                 : spdlog::level::debug;
    spdlog::log(level, "event=http_request method={} route={} status={} ms={}", method_label_,
                route_label_, status, ms);
    if (server_.metrics != nullptr) {
      server_.metrics->counter_add(
          kRequestsMetric,
          {{"route", route_label_}, {"method", method_label_}, {"status", std::to_string(status)}},
          1);
    }
  }

  // The last response is written: say goodbye properly, then close.
  void shutdown_connection() {
    state_ = State::closing;
    if constexpr (kTls) {
      tcp().expires_after(std::min(options_.write_timeout, kLingerLimit));
      stream_.async_shutdown([self = shared()](beast::error_code) { self->close_now(); });
    } else {
      beast::error_code ignored;
      tcp().socket().shutdown(tcp::socket::shutdown_send, ignored);
      tcp().expires_after(std::min(options_.read_timeout, kLingerLimit));
      drain();
    }
  }

  // Reads and discards what the client still sends (the rest of a refused body) until it
  // closes, so that closing does not reset the connection before it has read our answer.
  void drain() {
    tcp().async_read_some(net::buffer(drain_),
                          [self = shared()](beast::error_code ec, std::size_t) {
                            if (ec || self->state_ == State::closed) return self->close_now();
                            self->drain();
                          });
  }

  void close_now() {
    if (state_ == State::closed) return;
    state_ = State::closed;
    handler_timer_.cancel();
    beast::error_code ignored;
    tcp().socket().shutdown(tcp::socket::shutdown_both, ignored);
    tcp().close();
  }

  ServerState& server_;
  const HttpServerOptions& options_;
  const std::uint64_t id_;
  const std::string remote_;
  Stream stream_;
  net::steady_timer handler_timer_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::optional<bhttp::response<bhttp::string_body>> response_;
  std::array<char, 1024> drain_{};
  State state_ = State::idle;
  bool stopping_ = false;
  bool keep_alive_ = false;
  unsigned version_ = 11;
  std::uint64_t sequence_ = 0;
  std::string route_label_ = "unmatched";
  std::size_t body_limit_ = 0;  // of the request being read: its route's, or the server's
  std::string method_label_ = "other";
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

std::string display_address(const std::string& host, std::uint16_t port) {
  if (host.find(':') != std::string::npos) return "[" + host + "]:" + std::to_string(port);
  return host + ":" + std::to_string(port);
}

}  // namespace

class HttpServer::Impl {
 public:
  Impl(HttpServerOptions options, std::shared_ptr<Router> router,
       observability::MetricsRegistry* metrics) {
    state_.options = std::move(options);
    state_.router = router ? std::move(router) : std::make_shared<Router>();
    state_.metrics = metrics;
  }

  ~Impl() { stop(milliseconds(0)); }

  Result<void> start() {
    if (started_ || stopped_) return make_error("http: the server was already started");
    const auto& o = state_.options;
    const std::string address = display_address(o.host, o.port);
    if (o.threads < 1) {
      return make_error("http: threads must be at least 1 (got " + std::to_string(o.threads) + ")");
    }
    if (o.tls_cert_pem.has_value() != o.tls_key_pem.has_value()) {
      return make_error("http: a TLS certificate and a TLS key must be given together");
    }
    auto failed = [this](std::string message) {
      acceptor_.reset();
      ssl_.reset();
      ioc_.reset();
      return make_error(std::move(message));
    };

    ioc_ = std::make_unique<net::io_context>(o.threads);
    if (o.tls_cert_pem) {
      if (auto tls = make_tls_context(*o.tls_cert_pem, *o.tls_key_pem); !tls) {
        return failed("http: TLS for " + address + ": " + tls.error().message);
      }
    }

    beast::error_code ec;
    tcp::resolver resolver(*ioc_);
    auto endpoints = resolver.resolve(o.host, std::to_string(o.port),
                                      tcp::resolver::passive | tcp::resolver::numeric_service, ec);
    if (ec || endpoints.empty()) {
      return failed("http: cannot listen on " + address + ": " +
                    (ec ? ec.message() : std::string("the host resolves to no address")));
    }
    tcp::endpoint endpoint = endpoints.begin()->endpoint();
    acceptor_.emplace(net::make_strand(*ioc_));
    acceptor_->open(endpoint.protocol(), ec);
    if (!ec) acceptor_->set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_->bind(endpoint, ec);
    if (!ec) acceptor_->listen(net::socket_base::max_listen_connections, ec);
    if (ec) return failed("http: cannot listen on " + address + ": " + ec.message());
    port_ = acceptor_->local_endpoint(ec).port();

    if (state_.metrics != nullptr) {
      state_.metrics->describe(kRequestsMetric,
                               "HTTP requests answered, by route pattern, method and status",
                               observability::MetricType::counter);
    }
    retry_timer_.emplace(acceptor_->get_executor());
    work_.emplace(ioc_->get_executor());
    accept();
    threads_.reserve(static_cast<std::size_t>(o.threads));
    for (int i = 0; i < o.threads; ++i) threads_.emplace_back([this] { run_io(); });
    started_ = true;
    spdlog::info("event=http_listening address={} tls={} threads={}",
                 display_address(o.host, port_), ssl_ ? "on" : "off", o.threads);
    return {};
  }

  std::uint16_t port() const { return port_; }

  void stop(milliseconds grace) {
    if (!started_ || stopped_) return;
    stopped_ = true;
    spdlog::info("event=http_stopping grace_ms={}", grace.count());
    net::post(acceptor_->get_executor(), [this] {
      beast::error_code ignored;
      acceptor_->close(ignored);
      retry_timer_->cancel();
    });

    // Idle connections close now; the others finish their current request first.
    for (auto& session : live_sessions(true)) session->begin_shutdown();
    bool drained = wait_for_sessions(std::chrono::steady_clock::now() + grace);
    if (!drained) {
      std::size_t cut = 0;
      for (auto& session : live_sessions(false)) {
        session->force_close();
        ++cut;
      }
      spdlog::warn("event=http_grace_expired connections_closed={}", cut);
      wait_for_sessions(std::chrono::steady_clock::now() + kForceCloseWait);
    }
    {
      std::lock_guard lock(state_.lifeline->mutex);
      state_.lifeline->alive = false;
    }
    work_.reset();
    ioc_->stop();
    for (auto& thread : threads_) thread.join();
    threads_.clear();
    retry_timer_.reset();
    acceptor_.reset();
    ioc_.reset();  // destroys what is left of the connections
    ssl_.reset();
    spdlog::info("event=http_stopped");
  }

 private:
  Result<void> make_tls_context(const std::string& cert, const std::string& key) {
    ssl_.emplace(net::ssl::context::tls_server);
    SSL_CTX_set_min_proto_version(ssl_->native_handle(), TLS1_2_VERSION);
    ssl_->set_options(net::ssl::context::default_workarounds | net::ssl::context::no_sslv2 |
                      net::ssl::context::no_sslv3 | net::ssl::context::no_tlsv1 |
                      net::ssl::context::no_tlsv1_1 | net::ssl::context::single_dh_use);
    beast::error_code ec;
    ssl_->use_certificate_chain(net::buffer(cert.data(), cert.size()), ec);
    if (ec) return make_error("the certificate is not a valid PEM certificate: " + ec.message());
    ssl_->use_private_key(net::buffer(key.data(), key.size()), net::ssl::context::pem, ec);
    if (ec && ec.category() == net::error::get_ssl_category() &&
        ERR_GET_REASON(static_cast<unsigned long>(ec.value())) == X509_R_KEY_VALUES_MISMATCH) {
      return make_error("the private key does not match the certificate");
    }
    if (ec) return make_error("the key is not a valid PEM private key: " + ec.message());
    if (SSL_CTX_check_private_key(ssl_->native_handle()) != 1) {
      return make_error("the private key does not match the certificate");
    }
    return {};
  }

  void run_io() {
    while (true) {
      try {
        ioc_->run();
        return;
      } catch (const std::exception& e) {
        spdlog::error("event=io_thread_exception what=\"{}\"", e.what());
      } catch (...) {
        spdlog::error("event=io_thread_exception what=unknown");
      }
    }
  }

  void accept() {
    acceptor_->async_accept(
        net::make_strand(*ioc_),
        [this](beast::error_code ec, tcp::socket socket) { on_accept(ec, std::move(socket)); });
  }

  void on_accept(beast::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted || !acceptor_->is_open()) return;
    if (ec) {
      // Typically out of file descriptors: wait a little instead of spinning.
      spdlog::warn("event=accept_failed reason=\"{}\"", ec.message());
      retry_timer_->expires_after(kAcceptRetry);
      retry_timer_->async_wait([this](beast::error_code wait_ec) {
        if (!wait_ec && acceptor_->is_open()) accept();
      });
      return;
    }
    beast::error_code ignored;
    std::string remote = socket.remote_endpoint(ignored).address().to_string();
    socket.set_option(tcp::no_delay(true), ignored);
    std::shared_ptr<SessionBase> session;
    {
      std::lock_guard lock(state_.sessions_mutex);
      if (state_.stopping) return;  // the socket closes here
      const std::uint64_t id = ++state_.next_id;
      if (ssl_) {
        session = std::make_shared<Session<TlsStream>>(state_, id, std::move(remote),
                                                       std::move(socket), *ssl_);
      } else {
        session = std::make_shared<Session<PlainStream>>(state_, id, std::move(remote),
                                                         std::move(socket));
      }
      state_.sessions.emplace(id, session);
    }
    session->begin();
    accept();
  }

  // Strong references to the connections still open; `mark_stopping` also makes connections
  // accepted from now on close at once.
  std::vector<std::shared_ptr<SessionBase>> live_sessions(bool mark_stopping) {
    std::lock_guard lock(state_.sessions_mutex);
    if (mark_stopping) state_.stopping = true;
    std::vector<std::shared_ptr<SessionBase>> live;
    for (auto& [id, weak] : state_.sessions) {
      if (auto session = weak.lock()) live.push_back(std::move(session));
    }
    return live;
  }

  bool wait_for_sessions(std::chrono::steady_clock::time_point deadline) {
    std::unique_lock lock(state_.sessions_mutex);
    return state_.sessions_changed.wait_until(lock, deadline,
                                              [this] { return state_.sessions.empty(); });
  }

  ServerState state_;
  std::unique_ptr<net::io_context> ioc_;
  std::optional<net::ssl::context> ssl_;
  std::optional<tcp::acceptor> acceptor_;
  std::optional<net::steady_timer> retry_timer_;
  std::optional<net::executor_work_guard<net::io_context::executor_type>> work_;
  std::vector<std::thread> threads_;
  std::atomic<std::uint16_t> port_{0};
  bool started_ = false;
  bool stopped_ = false;
};

HttpServer::HttpServer(HttpServerOptions options, std::shared_ptr<Router> router,
                       observability::MetricsRegistry* metrics)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(router), metrics)) {}

HttpServer::~HttpServer() = default;

Result<void> HttpServer::start() {
  return impl_->start();
}

std::uint16_t HttpServer::port() const {
  return impl_->port();
}

void HttpServer::stop(milliseconds grace) {
  impl_->stop(grace);
}

}  // namespace caisse::host::http
