#include "ctl/admin_client.hpp"

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
#include <boost/url/parse.hpp>
#include <optional>

namespace caisse::host::ctl {
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

struct Step {
  const char* name;
  error_code ec;
};

std::string describe(const Endpoint& endpoint, const Step& step) {
  std::string reason = step.ec == asio::error::timed_out ? "timed out" : step.ec.message();
  return "cannot reach " + endpoint.url + ": " + step.name + ": " + reason;
}

// Writes the request and reads the answer on a connected (and for https, handshaken) stream.
template <class Stream>
Result<HttpAnswer> exchange(asio::io_context& io, Stream& stream, tcp::socket& socket,
                            const Endpoint& endpoint, const ClientOptions& options,
                            http::request<http::string_body>& request) {
  auto cancel = [&socket] {
    error_code ignored;
    socket.close(ignored);
  };
  error_code ec = run_with_deadline(
      io, options.read_timeout, [&](auto handler) { http::async_write(stream, request, handler); },
      cancel);
  if (ec) return make_error(describe(endpoint, {"sending the request", ec}));

  boost::beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(options.max_body_bytes);
  ec = run_with_deadline(
      io, options.read_timeout,
      [&](auto handler) { http::async_read(stream, buffer, parser, handler); }, cancel);
  if (ec) return make_error(describe(endpoint, {"reading the answer", ec}));

  auto& response = parser.get();
  HttpAnswer answer;
  answer.status = response.result_int();
  answer.content_type = std::string(response[http::field::content_type]);
  answer.body = std::move(response.body());
  return answer;
}

bool has_control_character(std::string_view text) {
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && c != '\t') || byte == 0x7F) return true;
  }
  return false;
}

// A header caissectl may send as given: a name that is a token without ':', a value without
// line breaks or other control characters (which would let it forge headers).
Result<void> check_header(const std::string& name, const std::string& value) {
  if (name.empty() || name.find_first_of(": \t") != std::string::npos ||
      has_control_character(name)) {
    return make_error("invalid header name '" + name + "'");
  }
  if (has_control_character(value)) {
    return make_error("the value of header " + name + " holds a control character");
  }
  return {};
}

}  // namespace

Result<Endpoint> parse_endpoint(std::string_view url) {
  auto parsed = boost::urls::parse_uri(url);
  if (!parsed) {
    return make_error("URL '" + std::string(url) +
                      "' is not an absolute http(s) URL: " + parsed.error().message());
  }
  boost::urls::url_view view = *parsed;
  Endpoint out;
  out.url = std::string(url);
  if (view.scheme_id() == boost::urls::scheme::https) {
    out.tls = true;
  } else if (view.scheme_id() != boost::urls::scheme::http) {
    return make_error("URL '" + std::string(url) + "': the scheme must be http or https");
  }
  if (view.has_userinfo()) {
    // Do not echo the URL: it holds a password.
    return make_error("the URL must not hold a user or password (use --token-file)");
  }
  if (view.host_type() == boost::urls::host_type::none || view.encoded_host().empty()) {
    return make_error("URL '" + std::string(url) + "' has no host");
  }
  if (view.has_query() || view.has_fragment()) {
    return make_error("URL '" + std::string(url) + "' must not have a query or fragment");
  }
  out.host = view.host_address();
  if (view.has_port()) {
    if (view.port().empty() || view.port_number() == 0) {
      return make_error("URL '" + std::string(url) + "' has an invalid port");
    }
    out.port = std::string(view.port());
  } else {
    out.port = out.tls ? "443" : "80";
  }
  out.authority = std::string(view.encoded_host_and_port());
  out.base_path = std::string(view.encoded_path());
  while (!out.base_path.empty() && out.base_path.back() == '/') out.base_path.pop_back();
  return out;
}

struct AdminClient::Impl {
  Endpoint endpoint;
  ClientOptions options;
  std::unique_ptr<ssl::context> tls;  // for https only
};

AdminClient::AdminClient(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
AdminClient::AdminClient(AdminClient&&) noexcept = default;
AdminClient& AdminClient::operator=(AdminClient&&) noexcept = default;
AdminClient::~AdminClient() = default;

const Endpoint& AdminClient::endpoint() const {
  return impl_->endpoint;
}

Result<AdminClient> AdminClient::create(Endpoint endpoint, ClientOptions options) {
  auto impl = std::make_unique<Impl>();
  if (endpoint.tls) {
    impl->tls = std::make_unique<ssl::context>(ssl::context::tls_client);
    impl->tls->set_verify_mode(ssl::verify_peer);
    error_code ec;
    if (options.ca_file) {
      impl->tls->load_verify_file(*options.ca_file, ec);
      if (ec) return make_error("cannot load CA file " + *options.ca_file + ": " + ec.message());
    } else {
      impl->tls->set_default_verify_paths(ec);
      if (ec) return make_error("cannot load the system's trusted certificates: " + ec.message());
    }
  }
  impl->endpoint = std::move(endpoint);
  impl->options = std::move(options);
  return AdminClient(std::move(impl));
}

struct AdminClient::Request {
  http::verb method = http::verb::get;
  std::string_view target;
  std::string body;
  std::string_view content_type;
  const Headers* headers = nullptr;
};

Result<HttpAnswer> AdminClient::get(std::string_view target) const {
  return send(Request{http::verb::get, target, {}, {}, nullptr});
}

Result<HttpAnswer> AdminClient::post(std::string_view target, std::string body,
                                     std::string_view content_type, const Headers& headers) const {
  for (const auto& [name, value] : headers) {
    if (auto ok = check_header(name, value); !ok) return ok.error();
  }
  if (has_control_character(content_type)) {
    return make_error("the content type holds a control character");
  }
  return send(Request{http::verb::post, target, std::move(body), content_type, &headers});
}

Result<HttpAnswer> AdminClient::send(Request call) const {
  const Endpoint& endpoint = impl_->endpoint;
  const ClientOptions& options = impl_->options;

  http::request<http::string_body> request{call.method,
                                           endpoint.base_path + std::string(call.target), 11};
  request.set(http::field::host, endpoint.authority);
  request.set(http::field::user_agent, "caissectl");
  request.set(http::field::accept, "application/json");
  request.set(http::field::connection, "close");
  if (options.token) request.set(http::field::authorization, "Bearer " + *options.token);
  if (call.method == http::verb::post) {
    if (!call.content_type.empty()) request.set(http::field::content_type, call.content_type);
    request.body() = std::move(call.body);
    request.prepare_payload();  // Content-Length, also for an empty body
  }
  if (call.headers != nullptr) {
    for (const auto& [name, value] : *call.headers) request.insert(name, value);
  }

  asio::io_context io;
  tcp::resolver resolver(io);
  tcp::resolver::results_type addresses;
  error_code ec = run_with_deadline(
      io, options.connect_timeout,
      [&](auto handler) {
        resolver.async_resolve(endpoint.host, endpoint.port,
                               [&addresses, handler](error_code e, tcp::resolver::results_type r) {
                                 addresses = std::move(r);
                                 handler(e);
                               });
      },
      [&resolver] { resolver.cancel(); });
  if (ec) return make_error(describe(endpoint, {"resolving the host name", ec}));

  tcp::socket socket(io);
  auto close = [&socket] {
    error_code ignored;
    socket.close(ignored);
  };
  ec = run_with_deadline(
      io, options.connect_timeout,
      [&](auto handler) {
        asio::async_connect(socket, addresses,
                            [handler](error_code e, const tcp::endpoint&) { handler(e); });
      },
      close);
  if (ec) return make_error(describe(endpoint, {"connecting", ec}));

  if (!endpoint.tls) return exchange(io, socket, socket, endpoint, options, request);

  ssl::stream<tcp::socket&> stream(socket, *impl_->tls);
  error_code address_ec;
  asio::ip::make_address(endpoint.host, address_ec);
  if (address_ec) {  // a name, not an IP literal: send it as SNI
    SSL_set_tlsext_host_name(stream.native_handle(), endpoint.host.c_str());
  }
  stream.set_verify_mode(ssl::verify_peer);
  stream.set_verify_callback(ssl::host_name_verification(endpoint.host));
  ec = run_with_deadline(
      io, options.connect_timeout,
      [&](auto handler) { stream.async_handshake(ssl::stream_base::client, handler); }, close);
  if (ec) return make_error(describe(endpoint, {"TLS handshake", ec}));

  auto answer = exchange(io, stream, socket, endpoint, options, request);
  // A polite close_notify; the answer is already complete, so a failure here changes nothing.
  run_with_deadline(
      io, std::chrono::milliseconds(500), [&](auto handler) { stream.async_shutdown(handler); },
      close);
  return answer;
}

}  // namespace caisse::host::ctl
