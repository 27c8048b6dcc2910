// caisse::sdk::Host: the host callbacks (caisse_host_api_t) as a small C++ object, and the
// exceptions a plugin throws to fail a hook. A Host is two pointers; copy it freely within the
// lifetime of the instance it was given to.
#pragma once

#include <caisse/sdk.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace caisse::sdk {

// Fails the current hook with a chosen status. The wrapper catches it at the boundary, reports
// what() through caisse_host_set_error and returns status() to the host.
class StatusError : public std::runtime_error {
 public:
  StatusError(caisse_status_t status, const std::string& message)
      : std::runtime_error(message), status_(status) {}
  caisse_status_t status() const noexcept { return status_; }

 private:
  caisse_status_t status_;
};

// A configuration the schema could not call wrong but the plugin cannot work with (a value out
// of range, two fields that contradict each other). Thrown from the constructor, it makes
// caisse_on_instance_init return CAISSE_STATUS_INVALID_ARGUMENT.
class ConfigError : public StatusError {
 public:
  explicit ConfigError(const std::string& message)
      : StatusError(CAISSE_STATUS_INVALID_ARGUMENT, message) {}
};

// An HTTP request for Host::http_send (ABI 1.2).
struct HttpRequest {
  std::string method = "GET";
  std::string url;  // absolute http(s) URL; its origin must be in the instance's http_allow
  std::vector<std::pair<std::string, std::string>> headers;
  std::optional<std::string> body;  // sent with a Content-Length when set
  std::uint32_t timeout_ms = 0;     // 0: the host's default
};

// Whatever the peer answered, 4xx and 5xx included.
struct HttpResponse {
  unsigned status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  // The first value of header `name`, compared ASCII case-insensitively; nullopt when absent.
  std::optional<std::string> header(std::string_view name) const;
};

namespace detail {

// HTTP header names compare ASCII case-insensitively (RFC 9110 section 5.1).
inline bool same_header_name(std::string_view a, std::string_view b) noexcept {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

}  // namespace detail

inline std::optional<std::string> HttpResponse::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (detail::same_header_name(key, name)) return value;
  }
  return std::nullopt;
}

namespace detail {

inline caisse_str_t to_c(std::string_view text) noexcept {
  return {text.data(), text.size()};
}

inline std::string_view from_c(caisse_str_t text) noexcept {
  return text.len == 0 ? std::string_view{} : std::string_view{text.data, text.len};
}

inline std::string quoted(std::string_view key) {
  return "\"" + std::string(key) + "\"";
}

}  // namespace detail

class Host {
 public:
  Host(const caisse_host_api_t* api, caisse_host_context_t* ctx) noexcept : api_(api), ctx_(ctx) {}

  // One line in the host log; the host prefixes the caisse and instance and masks IBANs.
  void log(caisse_log_level_t level, std::string_view message) const noexcept {
    api_->caisse_host_log(ctx_, level, detail::to_c(message));
  }
  void debug(std::string_view message) const noexcept { log(CAISSE_LOG_LEVEL_DEBUG, message); }
  void info(std::string_view message) const noexcept { log(CAISSE_LOG_LEVEL_INFO, message); }
  void warn(std::string_view message) const noexcept { log(CAISSE_LOG_LEVEL_WARN, message); }
  void error(std::string_view message) const noexcept { log(CAISSE_LOG_LEVEL_ERROR, message); }

  // Why the current hook fails. The wrapper calls it for every exception it catches, so a
  // plugin written with this header rarely needs it.
  void set_error(std::string_view message) const noexcept {
    api_->caisse_host_set_error(ctx_, detail::to_c(message));
  }

  // The host clock (replaced by tests); never read the system clock in a plugin.
  std::int64_t now_ms() const noexcept { return api_->caisse_host_clock_now_ms(ctx_); }

  // A field's value, or nullopt when it is absent and has no default. Throws ConfigError when
  // the key is not declared in the schema with this type (a bug in the plugin).
  std::optional<std::string> config_string(std::string_view key) const {
    caisse_str_t value{};
    if (!found(api_->caisse_host_config_get_string(ctx_, detail::to_c(key), &value), key,
               "string")) {
      return std::nullopt;
    }
    return std::string(detail::from_c(value));
  }
  std::optional<std::int64_t> config_int(std::string_view key) const {
    std::int64_t value = 0;
    if (!found(api_->caisse_host_config_get_int(ctx_, detail::to_c(key), &value), key, "integer")) {
      return std::nullopt;
    }
    return value;
  }
  std::optional<bool> config_bool(std::string_view key) const {
    bool value = false;
    if (!found(api_->caisse_host_config_get_bool(ctx_, detail::to_c(key), &value), key,
               "boolean")) {
      return std::nullopt;
    }
    return value;
  }

  // The value of a field that is REQUIRED or has a default, so the host guarantees one:
  // config<std::string>, config<std::int64_t> or config<bool>.
  template <class T>
  T config(std::string_view key) const {
    static_assert(std::is_same_v<T, std::string> || std::is_same_v<T, std::int64_t> ||
                      std::is_same_v<T, bool>,
                  "config<T>: T is std::string, std::int64_t or bool");
    std::optional<T> value;
    if constexpr (std::is_same_v<T, std::string>) {
      value = config_string(key);
    } else if constexpr (std::is_same_v<T, std::int64_t>) {
      value = config_int(key);
    } else {
      value = config_bool(key);
    }
    if (!value) {
      throw ConfigError("config field " + detail::quoted(key) +
                        " has no value: declare a default or mark it required");
    }
    return *std::move(value);
  }

  // A value stored earlier with kv_put (durable, scoped to this caisse and instance), or nullopt.
  // Throws StatusError(UNAVAILABLE) when the store cannot be reached.
  std::optional<std::string> kv_get(std::string_view key) const {
    caisse_str_t value{};
    const caisse_status_t status = api_->caisse_host_kv_get(ctx_, detail::to_c(key), &value);
    if (status == CAISSE_STATUS_NOT_FOUND) return std::nullopt;
    if (status != CAISSE_STATUS_OK) {
      throw StatusError(status, "kv_get " + detail::quoted(key) + ": state store unavailable");
    }
    return std::string(detail::from_c(value));
  }

  // Stores a value durably before returning. Throws StatusError when the store refuses.
  void kv_put(std::string_view key, std::string_view value) const {
    const caisse_status_t status =
        api_->caisse_host_kv_put(ctx_, detail::to_c(key), detail::to_c(value));
    if (status != CAISSE_STATUS_OK) {
      throw StatusError(status, "kv_put " + detail::quoted(key) + ": state store unavailable");
    }
  }

  // Sends one HTTP request through the host (ABI 1.2) and returns the answer, whatever its
  // status code. Throws StatusError when no answer came: UNAVAILABLE when nothing was sent (safe
  // to send again later), UNKNOWN_OUTCOME when the request may have arrived (look it up at the
  // peer before anything else), PERMISSION_DENIED when the origin is not in http_allow,
  // INVALID_ARGUMENT for a malformed request, UNSUPPORTED when the host predates ABI 1.2.
  HttpResponse http_send(const HttpRequest& request) const {
    if (api_->struct_size < offsetof(caisse_host_api_t, caisse_host_http_send) +
                                sizeof(api_->caisse_host_http_send) ||
        api_->caisse_host_http_send == nullptr) {
      throw StatusError(CAISSE_STATUS_UNSUPPORTED, "http_send: the host predates SDK 1.2");
    }
    std::vector<caisse_http_header_t> headers;
    headers.reserve(request.headers.size());
    for (const auto& [name, value] : request.headers) {
      headers.push_back({detail::to_c(name), detail::to_c(value)});
    }
    caisse_http_request_t c_request{};
    c_request.struct_size = sizeof c_request;
    c_request.method = detail::to_c(request.method);
    c_request.url = detail::to_c(request.url);
    c_request.headers = headers.data();
    c_request.header_count = headers.size();
    c_request.has_body = request.body.has_value();
    if (request.body) c_request.body = detail::to_c(*request.body);
    c_request.timeout_ms = request.timeout_ms;
    caisse_http_response_t c_response{};
    c_response.struct_size = sizeof c_response;
    const caisse_status_t status = api_->caisse_host_http_send(ctx_, &c_request, &c_response);
    if (status != CAISSE_STATUS_OK) {
      std::string reason(detail::from_c(c_response.error_host_ptr));
      throw StatusError(status, reason.empty() ? std::string("http_send failed") : reason);
    }
    HttpResponse response;
    response.status = c_response.status;
    for (std::size_t i = 0; i < c_response.header_count; ++i) {
      response.headers.emplace_back(detail::from_c(c_response.headers_host_ptr[i].name),
                                    detail::from_c(c_response.headers_host_ptr[i].value));
    }
    response.body = std::string(detail::from_c(c_response.body_host_ptr));
    return response;
  }

  // Adds delta to this instance's counter `name` ([a-z0-9_]+) on /metrics.
  void metric_add(std::string_view name, std::int64_t delta = 1) const noexcept {
    api_->caisse_host_metric_add(ctx_, detail::to_c(name), delta);
  }

 private:
  // NOT_FOUND is an absent optional field; anything else but OK is a plugin bug or host fault.
  static bool found(caisse_status_t status, std::string_view key, const char* type) {
    if (status == CAISSE_STATUS_OK) return true;
    if (status == CAISSE_STATUS_NOT_FOUND) return false;
    if (status == CAISSE_STATUS_INVALID_ARGUMENT) {
      throw ConfigError("config field " + detail::quoted(key) + " is not declared as a " + type +
                        " in the plugin's schema");
    }
    throw StatusError(status, "config field " + detail::quoted(key) + ": the host failed");
  }

  const caisse_host_api_t* api_;
  caisse_host_context_t* ctx_;
};

}  // namespace caisse::sdk
