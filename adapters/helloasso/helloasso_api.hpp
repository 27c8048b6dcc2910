// The HelloAsso API v5 as the collector reads it: GET requests through the host's HTTP client
// with an OAuth2 access token (client credentials, RFC 6749 §4.4), kept in the instance until
// shortly before it expires and fetched again once when the API answers 401. Every failure is a
// StatusError naming the request:
//   UNAVAILABLE        no answer, a 5xx, a body that is not JSON: try again later;
//   NOT_FOUND          404: HelloAsso has no such payment or order;
//   PERMISSION_DENIED  the token endpoint refuses the client, a 401 with a fresh token, a 403;
//   INVALID_ARGUMENT   any other answer the API should not give.
// Only GETs: nothing here changes anything at HelloAsso, so any call may be repeated.
#pragma once

#include <caisse/sdk.hpp>

#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace caisse::adapters::helloasso {

struct ApiSettings {
  std::string api_url;    // "https://api.helloasso.com", without /v5
  std::string token_url;  // "https://api.helloasso.com/oauth2/token"
  std::string client_id;
  std::string client_secret;
  std::int64_t timeout_ms = 10000;  // 100 to 600000
};

// Query parameters in order; values are percent-encoded when the URL is built.
using Query = std::vector<std::pair<std::string, std::string>>;

class HelloAssoApi {
 public:
  // Throws ConfigError for a URL that is not http(s), empty credentials or a timeout out of
  // range.
  HelloAssoApi(sdk::Host host, ApiSettings settings);

  // GET api_url + path ("/v5/payments/41000"), its JSON body parsed.
  boost::json::value get(std::string_view path, const Query& query = {});

 private:
  sdk::HttpResponse send(sdk::HttpRequest request, std::string_view what) const;
  const std::string& token();
  void fetch_token();

  sdk::Host host_;
  ApiSettings settings_;
  std::optional<std::string> token_;
  std::int64_t token_renew_at_ms_ = 0;  // host clock
};

// "a b/c" -> "a%20b%2Fc": every byte but RFC 3986's unreserved ones is encoded, so the result
// is safe as a query value, a form value and one path segment.
std::string percent_encoded(std::string_view text);

}  // namespace caisse::adapters::helloasso
