// The Cyclos 4 REST API as the adapter reaches it: one request through the host's HTTP client
// (Host::http_send), with the instance's credentials, and the three ways it can end. The host
// never retries and neither does this: a request that may have arrived is looked up, not resent.
#pragma once

#include <caisse/sdk.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace caisse::adapters::cyclos {

// How the request ended, which decides whether it may have taken effect.
enum class Delivery {
  answered,    // Cyclos answered (any HTTP status)
  not_sent,    // nothing reached Cyclos (unreachable, refused by the host's allow-list)
  maybe_sent,  // it may have arrived and been applied (timeout, connection cut, broken answer)
};

struct Answer {
  Delivery delivery = Delivery::not_sent;
  sdk::HttpResponse response;  // when answered
  std::string reason;          // when not answered: the host's explanation
};

// Query parameters in order; values are percent-encoded when the URL is built.
using Query = std::vector<std::pair<std::string, std::string>>;

struct Credentials {
  // "access_client": header Access-Client-Token; "basic": HTTP Basic user:password.
  std::string scheme;
  std::string access_client_token;
  std::string user;
  std::string password;
};

class CyclosApi {
 public:
  // `base_url` ends with the API root, e.g. "https://cyclos.example.org/mlc/api" (no slash).
  CyclosApi(sdk::Host host, std::string base_url, const Credentials& credentials,
            std::uint32_t timeout_ms);

  Answer get(std::string_view path, const Query& query = {}) const;
  Answer post(std::string_view path, std::string json_body) const;

  // "POST /system/payments" for messages: the method and path, never the query or credentials.
  static std::string what(std::string_view method, std::string_view path);

 private:
  Answer send(std::string method, std::string_view path, const Query& query,
              std::optional<std::string> body) const;

  sdk::Host host_;
  std::string base_url_;
  std::pair<std::string, std::string> auth_header_;
  std::uint32_t timeout_ms_;
};

// "a b/c" -> "a%20b%2Fc": every byte but unreserved ones (RFC 3986) is encoded, so the result is
// safe both as a query value and as one path segment.
std::string percent_encode(std::string_view text);

}  // namespace caisse::adapters::cyclos
