#include "helloasso_api.hpp"

#include <boost/json.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <algorithm>

#include "json_field.hpp"

namespace caisse::adapters::helloasso {
namespace {

// A token is renewed this long before HelloAsso says it expires, so that a request never
// leaves with a token that dies on the way.
constexpr std::int64_t kRenewMarginMs = 60'000;

void check_url(const std::string& url, const char* key) {
  if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0) {
    throw sdk::ConfigError(std::string(key) +
                           " must start with https:// (or http:// on a trusted network)");
  }
}

// The OAuth2 error of a refused token request (RFC 6749 §5.2), or the bare status.
std::string oauth_refusal(const sdk::HttpResponse& response) {
  std::string out = "HTTP " + std::to_string(response.status);
  boost::system::error_code ec;
  const auto body = boost::json::parse(response.body, ec);
  if (ec || !body.is_object()) return out;
  for (const char* key : {"error", "error_description"}) {
    const auto* value = body.get_object().if_contains(key);
    if (value != nullptr && value->is_string()) out += " " + std::string(value->get_string());
  }
  return out;
}

[[noreturn]] void refuse(caisse_status_t status, std::string_view what, std::string_view why) {
  throw sdk::StatusError(status, std::string(what) + ": " + std::string(why));
}

}  // namespace

std::string percent_encoded(std::string_view text) {
  return boost::urls::encode(text, boost::urls::unreserved_chars);
}

HelloAssoApi::HelloAssoApi(sdk::Host host, ApiSettings settings)
    : host_(host), settings_(std::move(settings)) {
  while (!settings_.api_url.empty() && settings_.api_url.back() == '/')
    settings_.api_url.pop_back();
  check_url(settings_.api_url, "api_url");
  check_url(settings_.token_url, "token_url");
  if (settings_.client_id.empty() || settings_.client_secret.empty()) {
    throw sdk::ConfigError("client_id and client_secret must not be empty");
  }
  if (settings_.timeout_ms < 100 || settings_.timeout_ms > 600000) {
    throw sdk::ConfigError("timeout_ms must be from 100 to 600000, not " +
                           std::to_string(settings_.timeout_ms));
  }
}

sdk::HttpResponse HelloAssoApi::send(sdk::HttpRequest request, std::string_view what) const {
  request.timeout_ms = static_cast<std::uint32_t>(settings_.timeout_ms);
  try {
    return host_.http_send(request);
  } catch (const sdk::StatusError& e) {
    // A GET or a token request that may have arrived changed nothing: either way, try later.
    // Only the host's own refusals (the allow-list) are kept as they are.
    const bool later =
        e.status() == CAISSE_STATUS_UNAVAILABLE || e.status() == CAISSE_STATUS_UNKNOWN_OUTCOME;
    refuse(later ? CAISSE_STATUS_UNAVAILABLE : e.status(), what, e.what());
  }
}

void HelloAssoApi::fetch_token() {
  const std::string what = "POST " + settings_.token_url;
  sdk::HttpRequest request;
  request.method = "POST";
  request.url = settings_.token_url;
  request.headers = {{"Content-Type", "application/x-www-form-urlencoded"},
                     {"Accept", "application/json"}};
  request.body = "grant_type=client_credentials&client_id=" + percent_encoded(settings_.client_id) +
                 "&client_secret=" + percent_encoded(settings_.client_secret);
  const sdk::HttpResponse response = send(std::move(request), what);
  if (response.status >= 500) refuse(CAISSE_STATUS_UNAVAILABLE, what, oauth_refusal(response));
  if (response.status != 200) {
    refuse(CAISSE_STATUS_PERMISSION_DENIED, what,
           oauth_refusal(response) + " (check client_id and client_secret)");
  }
  const boost::json::value body = parse_json(response.body, what, CAISSE_STATUS_UNAVAILABLE);
  const JsonField answer(body, what);
  std::string access = answer["access_token"].text();
  if (access.empty()) answer["access_token"].fail("is empty");
  // RFC 6749 makes expires_in optional; HelloAsso's tokens last 30 minutes.
  const std::int64_t lifetime_ms =
      answer["expires_in"].present() ? answer["expires_in"].integer() * 1000 : 1'800'000;
  token_renew_at_ms_ = host_.now_ms() + std::max(lifetime_ms - kRenewMarginMs, lifetime_ms / 2);
  token_ = std::move(access);
}

const std::string& HelloAssoApi::token() {
  if (!token_ || host_.now_ms() >= token_renew_at_ms_) fetch_token();
  return *token_;
}

boost::json::value HelloAssoApi::get(std::string_view path, const Query& query) {
  const std::string what = "GET " + std::string(path);
  sdk::HttpRequest request;
  request.url = settings_.api_url + std::string(path);
  char separator = '?';
  for (const auto& [name, value] : query) {
    request.url += separator + name + "=" + percent_encoded(value);
    separator = '&';
  }
  sdk::HttpResponse response;
  // A 401 with a token we believed valid: HelloAsso revoked it (a new secret, a restart); one
  // fresh token, one more try.
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (attempt == 1) token_.reset();
    request.headers = {{"Authorization", "Bearer " + token()}, {"Accept", "application/json"}};
    response = send(request, what);
    if (response.status != 401) break;
  }
  const std::string status = "HTTP " + std::to_string(response.status);
  if (response.status == 401 || response.status == 403) {
    refuse(CAISSE_STATUS_PERMISSION_DENIED, what,
           status +
               ": the client may not read this organization's payments "
               "(privilege AccessTransactions)");
  }
  if (response.status == 404) refuse(CAISSE_STATUS_NOT_FOUND, what, status + ": no such resource");
  if (response.status >= 500) refuse(CAISSE_STATUS_UNAVAILABLE, what, status);
  if (response.status != 200) refuse(CAISSE_STATUS_INVALID_ARGUMENT, what, status);
  return parse_json(response.body, what, CAISSE_STATUS_UNAVAILABLE);
}

}  // namespace caisse::adapters::helloasso
