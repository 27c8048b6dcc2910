#include "ctl/admin_client.hpp"

#include "net/http_client.hpp"
#include "net/http_url.hpp"

namespace caisse::host::ctl {

Result<Endpoint> parse_endpoint(std::string_view url) {
  auto parsed = net::parse_http_url(url);
  if (!parsed) {
    if (parsed.error().message.find("user or password") != std::string::npos) {
      return make_error("the URL must not hold a user or password (use --token-file)");
    }
    return make_error(parsed.error().message);
  }
  if (parsed->has_query || parsed->has_fragment) {
    return make_error("URL '" + std::string(url) + "' must not have a query or fragment");
  }
  Endpoint out{std::move(parsed->peer), std::move(parsed->path)};
  out.peer.url = std::string(url);
  while (!out.base_path.empty() && out.base_path.back() == '/') out.base_path.pop_back();
  return out;
}

struct AdminClient::Impl {
  Endpoint endpoint;
  ClientOptions options;
  net::HttpClient http;
};

AdminClient::AdminClient(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
AdminClient::AdminClient(AdminClient&&) noexcept = default;
AdminClient& AdminClient::operator=(AdminClient&&) noexcept = default;
AdminClient::~AdminClient() = default;

const Endpoint& AdminClient::endpoint() const {
  return impl_->endpoint;
}

Result<AdminClient> AdminClient::create(Endpoint endpoint, ClientOptions options) {
  // A CA file matters only for https; for http it is not even read.
  auto http = net::HttpClient::create(endpoint.peer.tls ? options.ca_file : std::nullopt);
  if (!http) return http.error();
  return AdminClient(std::make_unique<Impl>(
      Impl{std::move(endpoint), std::move(options), std::move(http.value())}));
}

Result<HttpAnswer> AdminClient::get(std::string_view target) const {
  return send("GET", target, std::nullopt, {}, {});
}

Result<HttpAnswer> AdminClient::post(std::string_view target, std::string body,
                                     std::string_view content_type, const Headers& headers) const {
  return send("POST", target, std::move(body), content_type, headers);
}

Result<HttpAnswer> AdminClient::send(std::string method, std::string_view target,
                                     std::optional<std::string> body, std::string_view content_type,
                                     const Headers& headers) const {
  const Endpoint& endpoint = impl_->endpoint;
  const ClientOptions& options = impl_->options;
  net::HttpRequest request{std::move(method),
                           endpoint.base_path + std::string(target),
                           {{"User-Agent", "caissectl"}, {"Accept", "application/json"}},
                           std::move(body)};
  if (options.token) request.headers.emplace_back("Authorization", "Bearer " + *options.token);
  if (!content_type.empty()) request.headers.emplace_back("Content-Type", content_type);
  request.headers.insert(request.headers.end(), headers.begin(), headers.end());

  auto answer = impl_->http.send(
      endpoint.peer, request,
      net::HttpDeadlines{options.connect_timeout, options.read_timeout, options.max_body_bytes});
  if (!answer) return answer.error();
  return HttpAnswer{answer->status, answer->header("Content-Type"), std::move(answer->body)};
}

}  // namespace caisse::host::ctl
