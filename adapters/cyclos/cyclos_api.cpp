#include "cyclos_api.hpp"

#include <array>

namespace caisse::adapters::cyclos {
namespace {

std::string base64(std::string_view bytes) {
  static constexpr std::string_view alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const unsigned n = (static_cast<unsigned char>(bytes[i]) << 16) |
                       (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    out += alphabet[(n >> 18) & 63];
    out += alphabet[(n >> 12) & 63];
    out += alphabet[(n >> 6) & 63];
    out += alphabet[n & 63];
  }
  if (i < bytes.size()) {
    unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += alphabet[(n >> 18) & 63];
    out += alphabet[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? alphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

std::pair<std::string, std::string> auth_header(const Credentials& credentials) {
  if (credentials.scheme == "access_client") {
    if (credentials.access_client_token.empty()) {
      throw sdk::ConfigError("auth = \"access_client\" needs access_client_token");
    }
    return {"Access-Client-Token", credentials.access_client_token};
  }
  if (credentials.scheme == "basic") {
    if (credentials.user.empty() || credentials.password.empty()) {
      throw sdk::ConfigError("auth = \"basic\" needs basic_user and basic_password");
    }
    return {"Authorization", "Basic " + base64(credentials.user + ":" + credentials.password)};
  }
  throw sdk::ConfigError("auth must be \"access_client\" or \"basic\", not \"" +
                         credentials.scheme + "\"");
}

}  // namespace

std::string percent_encode(std::string_view text) {
  static constexpr std::string_view hex = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                            (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' ||
                            byte == '_' || byte == '~';
    if (unreserved) {
      out += c;
    } else {
      out += '%';
      out += hex[byte >> 4];
      out += hex[byte & 15];
    }
  }
  return out;
}

CyclosApi::CyclosApi(sdk::Host host, std::string base_url, const Credentials& credentials,
                     std::uint32_t timeout_ms)
    : host_(host),
      base_url_(std::move(base_url)),
      auth_header_(auth_header(credentials)),
      timeout_ms_(timeout_ms) {
  while (!base_url_.empty() && base_url_.back() == '/') base_url_.pop_back();
  if (base_url_.rfind("http://", 0) != 0 && base_url_.rfind("https://", 0) != 0) {
    throw sdk::ConfigError("base_url must start with https:// (or http:// on a trusted network)");
  }
}

std::string CyclosApi::what(std::string_view method, std::string_view path) {
  return std::string(method) + " " + std::string(path);
}

Answer CyclosApi::get(std::string_view path, const Query& query) const {
  return send("GET", path, query, std::nullopt);
}

Answer CyclosApi::post(std::string_view path, std::string json_body) const {
  return send("POST", path, {}, std::move(json_body));
}

Answer CyclosApi::send(std::string method, std::string_view path, const Query& query,
                       std::optional<std::string> body) const {
  sdk::HttpRequest request;
  request.method = std::move(method);
  request.url = base_url_ + std::string(path);
  char separator = '?';
  for (const auto& [name, value] : query) {
    request.url += separator + name + "=" + percent_encode(value);
    separator = '&';
  }
  request.headers = {auth_header_, {"Accept", "application/json"}};
  if (body) request.headers.emplace_back("Content-Type", "application/json");
  request.body = std::move(body);
  request.timeout_ms = timeout_ms_;
  Answer answer;
  try {
    answer.response = host_.http_send(request);
    answer.delivery = Delivery::answered;
  } catch (const sdk::StatusError& e) {
    // Only UNKNOWN_OUTCOME means the request may have left; every other refusal happened first.
    answer.delivery =
        e.status() == CAISSE_STATUS_UNKNOWN_OUTCOME ? Delivery::maybe_sent : Delivery::not_sent;
    answer.reason = e.what();
  }
  return answer;
}

}  // namespace caisse::adapters::cyclos
