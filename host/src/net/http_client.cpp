#include "net/http_client.hpp"

#include <openssl/ssl.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include "http/ascii_case.hpp"

namespace caisse::host::net {
namespace {

namespace asio = boost::asio;
namespace ssl = asio::ssl;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;
using boost::system::error_code;

// Runs one asynchronous operation to completion or until `timeout`, whichever comes first.
// `start` receives the completion handler; on timeout `cancel` aborts the operation and the
// result is asio::error::timed_out. This gives blocking calls with deadlines without a thread.
template <class Start, class Cancel>
error_code run_with_deadline(asio::io_context& io, std::chrono::milliseconds timeout, Start&& start,
                             Cancel&& cancel) {
  std::optional<error_code> result;
  start([&result](error_code ec, auto&&...) { result = ec; });
  io.restart();
  io.run_for(timeout);
  if (result) return *result;
  cancel();
  io.restart();
  io.run();  // lets the aborted operation complete
  return asio::error::timed_out;
}

// The failure of one step. Steps before the request is written leave the peer untouched.
Error failure(const HttpPeer& peer, const char* step, error_code ec, bool nothing_sent) {
  std::string reason = ec == asio::error::timed_out ? "timed out" : ec.message();
  return make_error("cannot reach " + peer.url + ": " + step + ": " + reason,
                    nothing_sent ? ErrorKind::unavailable : ErrorKind::failed);
}

bool has_control_character(std::string_view text) {
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && c != '\t') || byte == 0x7F) return true;
  }
  return false;
}

bool is_token(std::string_view text) {
  return !text.empty() && text.find_first_of(": \t()<>@,;\\\"/[]?={}") == std::string_view::npos &&
         !has_control_character(text);
}

// A header send() may write as given (see http_client.hpp).
Result<void> check_header(std::string_view name, std::string_view value) {
  if (!is_token(name)) {
    return make_error("invalid header name '" + std::string(name) + "'", ErrorKind::invalid);
  }
  for (std::string_view framing : {"host", "connection", "content-length", "transfer-encoding"}) {
    if (caisse::host::http::iequals(name, framing)) {
      return make_error("header " + std::string(name) + " is set by the HTTP client itself",
                        ErrorKind::invalid);
    }
  }
  if (has_control_character(value)) {
    return make_error("the value of header " + std::string(name) + " holds a control character",
                      ErrorKind::invalid);
  }
  return {};
}

// Writes the request and reads the answer on a connected (and for https, handshaken) stream.
template <class Stream>
Result<HttpResponse> exchange(asio::io_context& io, Stream& stream, tcp::socket& socket,
                              const HttpPeer& peer, const HttpDeadlines& deadlines,
                              http::request<http::string_body>& request) {
  auto cancel = [&socket] {
    error_code ignored;
    socket.close(ignored);
  };
  error_code ec = run_with_deadline(
      io, deadlines.read_timeout,
      [&](auto handler) { http::async_write(stream, request, handler); }, cancel);
  if (ec) return failure(peer, "sending the request", ec, false);

  boost::beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(deadlines.max_body_bytes);
  ec = run_with_deadline(
      io, deadlines.read_timeout,
      [&](auto handler) { http::async_read(stream, buffer, parser, handler); }, cancel);
  if (ec) return failure(peer, "reading the answer", ec, false);

  auto& message = parser.get();
  HttpResponse response;
  response.status = message.result_int();
  for (const auto& field : message) {
    response.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  }
  response.body = std::move(message.body());
  return response;
}

}  // namespace

std::string HttpResponse::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (caisse::host::http::iequals(key, name)) return value;
  }
  return {};
}

struct HttpClient::Trust {
  ssl::context context{ssl::context::tls_client};
};

HttpClient::HttpClient(std::unique_ptr<Trust> trust) : trust_(std::move(trust)) {}
HttpClient::HttpClient(HttpClient&&) noexcept = default;
HttpClient& HttpClient::operator=(HttpClient&&) noexcept = default;
HttpClient::~HttpClient() = default;

Result<HttpClient> HttpClient::create(const std::optional<std::string>& ca_file) {
  auto trust = std::make_unique<Trust>();
  trust->context.set_verify_mode(ssl::verify_peer);
  error_code ec;
  if (ca_file) {
    trust->context.load_verify_file(*ca_file, ec);
    if (ec) return make_error("cannot load CA file " + *ca_file + ": " + ec.message());
  } else {
    trust->context.set_default_verify_paths(ec);
    if (ec) return make_error("cannot load the system's trusted certificates: " + ec.message());
  }
  return HttpClient(std::move(trust));
}

Result<HttpResponse> HttpClient::send(const HttpPeer& peer, const HttpRequest& call,
                                      const HttpDeadlines& deadlines) const {
  if (!is_token(call.method)) {
    return make_error("invalid HTTP method '" + call.method + "'", ErrorKind::invalid);
  }
  if (call.target.empty() || call.target.front() != '/' ||
      call.target.find_first_of(" \t") != std::string::npos || has_control_character(call.target)) {
    return make_error("invalid request target '" + call.target + "'", ErrorKind::invalid);
  }
  for (const auto& [name, value] : call.headers) {
    if (auto ok = check_header(name, value); !ok) return ok.error();
  }

  http::request<http::string_body> request{http::string_to_verb(call.method), call.target, 11};
  if (request.method() == http::verb::unknown) request.method_string(call.method);
  request.set(http::field::host, peer.authority);
  request.set(http::field::connection, "close");
  for (const auto& [name, value] : call.headers) request.insert(name, value);
  if (call.body) {
    request.body() = *call.body;
    request.prepare_payload();  // Content-Length, also for an empty body
  }

  asio::io_context io;
  tcp::resolver resolver(io);
  tcp::resolver::results_type addresses;
  error_code ec = run_with_deadline(
      io, deadlines.connect_timeout,
      [&](auto handler) {
        resolver.async_resolve(peer.host, peer.port,
                               [&addresses, handler](error_code e, tcp::resolver::results_type r) {
                                 addresses = std::move(r);
                                 handler(e);
                               });
      },
      [&resolver] { resolver.cancel(); });
  if (ec) return failure(peer, "resolving the host name", ec, true);

  tcp::socket socket(io);
  auto close = [&socket] {
    error_code ignored;
    socket.close(ignored);
  };
  ec = run_with_deadline(
      io, deadlines.connect_timeout,
      [&](auto handler) {
        asio::async_connect(socket, addresses,
                            [handler](error_code e, const tcp::endpoint&) { handler(e); });
      },
      close);
  if (ec) return failure(peer, "connecting", ec, true);

  if (!peer.tls) return exchange(io, socket, socket, peer, deadlines, request);

  ssl::stream<tcp::socket&> stream(socket, trust_->context);
  error_code address_ec;
  asio::ip::make_address(peer.host, address_ec);
  if (address_ec) {  // a name, not an IP literal: send it as SNI
    SSL_set_tlsext_host_name(stream.native_handle(), peer.host.c_str());
  }
  stream.set_verify_mode(ssl::verify_peer);
  stream.set_verify_callback(ssl::host_name_verification(peer.host));
  ec = run_with_deadline(
      io, deadlines.connect_timeout,
      [&](auto handler) { stream.async_handshake(ssl::stream_base::client, handler); }, close);
  if (ec) return failure(peer, "TLS handshake", ec, true);

  auto answer = exchange(io, stream, socket, peer, deadlines, request);
  // A polite close_notify; the answer is already complete, so a failure here changes nothing.
  run_with_deadline(
      io, std::chrono::milliseconds(500), [&](auto handler) { stream.async_shutdown(handler); },
      close);
  return answer;
}

}  // namespace caisse::host::net
