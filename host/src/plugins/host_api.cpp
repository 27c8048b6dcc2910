#include "plugins/host_api.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstring>
#include <string_view>
#include <type_traits>
#include <variant>

#include "net/http_client.hpp"
#include "net/http_url.hpp"
#include "observability/masking.hpp"
#include "plugins/abi_sizes.hpp"
#include "plugins/descriptor_names.hpp"
#include "plugins/host_context.hpp"
#include "plugins/untrusted_enum.hpp"

namespace caisse::host::plugins {
namespace {

std::string_view view(caisse_str_t text) {
  return text.len == 0 ? std::string_view{} : std::string_view{text.data, text.len};
}

caisse_str_t to_c(const std::string& text) {
  return {text.data(), text.size()};
}

spdlog::level::level_enum spdlog_level(const caisse_log_level_t& level) {
  switch (untrusted_value(level)) {
    case CAISSE_LOG_LEVEL_DEBUG:
      return spdlog::level::debug;
    case CAISSE_LOG_LEVEL_INFO:
      return spdlog::level::info;
    case CAISSE_LOG_LEVEL_WARN:
      return spdlog::level::warn;
    case CAISSE_LOG_LEVEL_ERROR:
      return spdlog::level::err;
  }
  return spdlog::level::info;
}

void log_line(caisse_host_context_t* ctx, spdlog::level::level_enum level, std::string_view text) {
  spdlog::default_logger_raw()->log(level, "caisse={} instance={} {}", ctx->caisse_id,
                                    ctx->instance, text);
}

// Callbacks are called from C: an exception (bad_alloc, a logger failing) must stop here.
template <class Body>
caisse_status_t guarded(caisse_host_context_t* ctx, std::string_view callback, Body&& body) {
  try {
    return body();
  } catch (const std::exception& e) {
    log_line(ctx, spdlog::level::err,
             std::string("event=host_callback_failed callback=") + std::string(callback) +
                 " reason=\"" + e.what() + "\"");
  } catch (...) {
  }
  return CAISSE_STATUS_INTERNAL;
}

void host_log(caisse_host_context_t* ctx, caisse_log_level_t level, caisse_str_t message) {
  guarded(ctx, "log", [&] {
    log_line(ctx, spdlog_level(level), observability::mask_ibans_in(view(message)));
    return CAISSE_STATUS_OK;
  });
}

void host_set_error(caisse_host_context_t* ctx, caisse_str_t message) {
  guarded(ctx, "set_error", [&] {
    ctx->last_error.assign(view(message));
    return CAISSE_STATUS_OK;
  });
}

int64_t host_clock_now_ms(caisse_host_context_t* ctx) {
  return ctx->services->now_ms();
}

const caisse_config_field_t* declared_field(const caisse_host_context_t& ctx,
                                            std::string_view key) {
  for (std::size_t i = 0; i < ctx.descriptor->config_field_count; ++i) {
    const caisse_config_field_t& field = ctx.descriptor->config_fields[i];
    if (key == field.name) return &field;
  }
  return nullptr;
}

// T is std::string, std::int64_t or bool; out receives the value in the C representation.
template <class T, class Out>
caisse_status_t config_get(caisse_host_context_t* ctx, caisse_config_type_t type, caisse_str_t key,
                           Out* out) {
  return guarded(ctx, "config_get", [&] {
    const caisse_config_field_t* field = declared_field(*ctx, view(key));
    if (field == nullptr || field->type != type || out == nullptr) {
      return CAISSE_STATUS_INVALID_ARGUMENT;
    }
    const auto found = ctx->config.values.find(std::string(view(key)));
    if (found == ctx->config.values.end()) return CAISSE_STATUS_NOT_FOUND;
    const T* value = std::get_if<T>(&found->second.value);
    if (value == nullptr) return CAISSE_STATUS_INTERNAL;  // the validator stored another type
    if constexpr (std::is_same_v<T, std::string>) {
      *out = to_c(*value);
    } else {
      *out = *value;
    }
    return CAISSE_STATUS_OK;
  });
}

caisse_status_t host_config_get_string(caisse_host_context_t* ctx, caisse_str_t key,
                                       caisse_str_t* value) {
  return config_get<std::string>(ctx, CAISSE_CONFIG_TYPE_STRING, key, value);
}

caisse_status_t host_config_get_int(caisse_host_context_t* ctx, caisse_str_t key, int64_t* value) {
  return config_get<std::int64_t>(ctx, CAISSE_CONFIG_TYPE_INTEGER, key, value);
}

caisse_status_t host_config_get_bool(caisse_host_context_t* ctx, caisse_str_t key, bool* value) {
  return config_get<bool>(ctx, CAISSE_CONFIG_TYPE_BOOLEAN, key, value);
}

// The store's reason is logged here (it may name the database, never a value); the plugin only
// learns that the store is unavailable.
caisse_status_t unavailable(caisse_host_context_t* ctx, std::string_view callback,
                            const Error& error) {
  log_line(ctx, spdlog::level::warn,
           std::string("event=plugin_kv_unavailable callback=") + std::string(callback) +
               " reason=\"" + error.message + "\"");
  return CAISSE_STATUS_UNAVAILABLE;
}

caisse_status_t host_kv_get(caisse_host_context_t* ctx, caisse_str_t key, caisse_str_t* value) {
  return guarded(ctx, "kv_get", [&] {
    if (value == nullptr) return CAISSE_STATUS_INVALID_ARGUMENT;
    auto stored = ctx->services->kv_get(ctx->caisse_id, ctx->instance, view(key));
    if (!stored) return unavailable(ctx, "kv_get", stored.error());
    if (!stored.value()) return CAISSE_STATUS_NOT_FOUND;
    *value = to_c(ctx->kv_values.emplace_back(std::move(*stored.value())));
    return CAISSE_STATUS_OK;
  });
}

caisse_status_t host_kv_put(caisse_host_context_t* ctx, caisse_str_t key, caisse_str_t value) {
  return guarded(ctx, "kv_put", [&] {
    auto stored = ctx->services->kv_put(ctx->caisse_id, ctx->instance, view(key), view(value));
    return stored ? CAISSE_STATUS_OK : unavailable(ctx, "kv_put", stored.error());
  });
}

bool is_metric_name(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

void host_metric_add(caisse_host_context_t* ctx, caisse_str_t name, int64_t delta) {
  guarded(ctx, "metric_add", [&] {
    if (!is_metric_name(view(name))) {
      // Dropped rather than sanitised: a label that changes shape would split the series.
      log_line(ctx, spdlog::level::warn,
               "event=plugin_metric_refused reason=\"name must match [a-z0-9_]+\"");
      return CAISSE_STATUS_INVALID_ARGUMENT;
    }
    ctx->services->metric_add(ctx->caisse_id, ctx->instance, view(name), delta);
    return CAISSE_STATUS_OK;
  });
}

// One client for every instance: it holds only the trusted certificates (the system's store),
// each request opens its own connection.
const Result<net::HttpClient>& http_client() {
  static const Result<net::HttpClient> client = net::HttpClient::create(std::nullopt);
  return client;
}

caisse_status_t status_of(const Error& error) {
  switch (error.kind) {
    case ErrorKind::invalid:
      return CAISSE_STATUS_INVALID_ARGUMENT;
    case ErrorKind::unavailable:
      return CAISSE_STATUS_UNAVAILABLE;
    default:
      return CAISSE_STATUS_UNKNOWN_OUTCOME;
  }
}

// The host never resends: an exchange that failed after the request was written is
// UNKNOWN_OUTCOME, for the plugin to look up at the peer.
caisse_status_t host_http_send(caisse_host_context_t* ctx, const caisse_http_request_t* request,
                               caisse_http_response_t* response) {
  return guarded(ctx, "http_send", [&] {
    if (request == nullptr || response == nullptr || request->struct_size < kHttpRequestSize_1_2 ||
        response->struct_size < kHttpResponseSize_1_2 ||
        (request->header_count > 0 && request->headers == nullptr)) {
      return CAISSE_STATUS_INVALID_ARGUMENT;
    }
    auto& answer = ctx->http_answers.emplace_back();
    response->status = 0;
    response->headers_host_ptr = nullptr;
    response->header_count = 0;
    response->body_host_ptr = {};
    response->error_host_ptr = {};
    auto fail = [&](caisse_status_t status, std::string message) {
      answer.error = "http_send: " + std::move(message);
      response->error_host_ptr = to_c(answer.error);
      log_line(ctx, spdlog::level::warn,
               "event=plugin_http_failed status=" + status_name(status) + " reason=\"" +
                   answer.error + "\"");
      return status;
    };

    auto url = net::parse_http_url(view(request->url));
    if (!url) return fail(CAISSE_STATUS_INVALID_ARGUMENT, url.error().message);
    const auto& allowed = ctx->config.http_allow;
    if (std::find(allowed.begin(), allowed.end(), url->origin) == allowed.end()) {
      return fail(CAISSE_STATUS_PERMISSION_DENIED,
                  url->origin + " is not in the http_allow list of instance " + ctx->instance);
    }
    net::HttpRequest call{std::string(view(request->method)), url->target(), {}, std::nullopt};
    for (std::size_t i = 0; i < request->header_count; ++i) {
      call.headers.emplace_back(view(request->headers[i].name), view(request->headers[i].value));
    }
    if (request->has_body) call.body = std::string(view(request->body));
    net::HttpDeadlines deadlines;
    if (request->timeout_ms > 0)
      deadlines.read_timeout = std::chrono::milliseconds(request->timeout_ms);

    const auto& client = http_client();
    if (!client) return fail(CAISSE_STATUS_UNAVAILABLE, client.error().message);
    auto sent = client->send(url->peer, call, deadlines);
    if (!sent) return fail(status_of(sent.error()), sent.error().message);
    log_line(ctx, spdlog::level::debug,
             "event=plugin_http method=" + call.method + " url=" + url->peer.url +
                 " status=" + std::to_string(sent->status));
    answer.response = std::move(sent.value());
    for (const auto& [name, value] : answer.response.headers) {
      answer.headers.push_back({to_c(name), to_c(value)});
    }
    response->status = answer.response.status;
    response->headers_host_ptr = answer.headers.data();
    response->header_count = answer.headers.size();
    response->body_host_ptr = to_c(answer.response.body);
    return CAISSE_STATUS_OK;
  });
}

constexpr caisse_host_api_t kHostApi{
    sizeof(caisse_host_api_t),
    CAISSE_SDK_ABI_MAJOR,
    CAISSE_SDK_ABI_MINOR,
    &host_log,
    &host_set_error,
    &host_clock_now_ms,
    &host_config_get_string,
    &host_config_get_int,
    &host_config_get_bool,
    &host_kv_get,
    &host_kv_put,
    &host_metric_add,
    &host_http_send,
};

}  // namespace

const caisse_host_api_t& host_api() {
  return kHostApi;
}

}  // namespace caisse::host::plugins
