// caisse/testing/fake_host.hpp: a host for tests, built from the installed SDK alone. It loads a
// plugin's shared object as caissed does (dlopen RTLD_NOW | RTLD_LOCAL, then
// caisse_plugin_entry), implements caisse_host_api_t in memory, and calls the hooks through the
// C ABI, checking on every call what the host relies on:
//
//   FakeClock       caisse_host_clock_now_ms returns what the test sets; nothing sleeps.
//   FakeHost        the callbacks: captured logs and metrics, set_error, configuration read from
//                   a map and completed with the schema's defaults, an in-memory kv store that can
//                   be made UNAVAILABLE (always, or on its n-th call), and caisse_host_http_send
//                   routed to a ScriptedTransport. A callback used the wrong way (an undeclared
//                   config key, a header the host sets itself, a bad metric name) is recorded.
//   CurrencyDriver  one instance of a CURRENCY plugin: init, credit, status, destroy. Each call
//                   reports its raw status, the set_error message, the results as the host copies
//                   them right after the hook returns, and the ABI problems seen (a non-OK status
//                   without set_error, an undefined enum value, result strings that did not
//                   outlive the hook).
//
// Nothing here uses the daemon's code, and nothing throws across the plugin boundary.
#pragma once

#include <caisse/sdk.h>
#include <caisse/testing/scripted_transport.hpp>

#include <dlfcn.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <exception>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace caisse::testing {

// One value of an instance's [plugin.config]: a string, an integer or a boolean. Secrets are
// given resolved, as the host hands them to the plugin.
using ConfigValue = std::variant<std::string, std::int64_t, bool>;
using Config = std::map<std::string, ConfigValue>;

// The host clock as tests see it: it moves only when told to.
class FakeClock {
 public:
  // 2026-11-05T08:00:00Z: a working morning in a month of allocations.
  static constexpr std::int64_t kDefaultStartMs = 1793865600000;

  explicit FakeClock(std::int64_t start_ms = kDefaultStartMs) : now_ms_(start_ms) {}
  std::int64_t now_ms() const { return now_ms_; }
  void advance(std::int64_t ms) { now_ms_ += ms; }
  void set(std::int64_t ms) { now_ms_ = ms; }

 private:
  std::int64_t now_ms_;
};

// A fresh directory under $TMPDIR (or /tmp), removed with its content when the object goes: for
// targets whose backend is files (outbox, inbox, journal).
class ScratchDir {
 public:
  ScratchDir() {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern =
        std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/caisse-conformance-XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr) {
      throw std::system_error(errno, std::generic_category(), "mkdtemp " + pattern);
    }
    path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

namespace detail {

inline std::string_view view(caisse_str_t text) {
  return text.len == 0 || text.data == nullptr ? std::string_view{}
                                               : std::string_view{text.data, text.len};
}

inline caisse_str_t to_c(const std::string& text) {
  return {text.data(), text.size()};
}

// A value the plugin wrote into an enum field, read without trusting it to be one of the enum's
// values.
template <class Enum>
int raw_value(const Enum& value) {
  std::underlying_type_t<Enum> raw{};
  std::memcpy(&raw, &value, sizeof raw);
  return static_cast<int>(raw);
}

inline bool is_name(std::string_view name, bool allow_dash) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
          (allow_dash && c == '-'))) {
      return false;
    }
  }
  return true;
}

inline bool is_token(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c <= ' ' || c >= 127 ||
        std::string_view("()<>@,;:\\\"/[]?={}").find(c) != std::string_view::npos) {
      return false;
    }
  }
  return true;
}

inline std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

// A plugin that leaves a result string on its hook's stack is caught in two steps. The hook runs
// below a 16 KiB pad, so that what the host does right after it returns (copying the results)
// does not reach the dead frame; then scribble_stack overwrites everything down to well below
// it, and the strings read again differ.
template <class Body>
[[gnu::noinline]] void below_a_pad(Body& body) {
  volatile char pad[16384];
  pad[0] = 0;
  pad[sizeof pad - 1] = 0;
  body();
  pad[0] = pad[sizeof pad - 1];
}

[[gnu::noinline]] inline void scribble_stack() {
  volatile char area[65536];
  for (std::size_t i = 0; i < sizeof area; ++i) area[i] = static_cast<char>(0x5A);
}

}  // namespace detail

inline bool is_defined_status(int status) {
  switch (status) {
    case CAISSE_STATUS_OK:
    case CAISSE_STATUS_INVALID_ARGUMENT:
    case CAISSE_STATUS_NOT_FOUND:
    case CAISSE_STATUS_UNSUPPORTED:
    case CAISSE_STATUS_UNAVAILABLE:
    case CAISSE_STATUS_INTERNAL:
    case CAISSE_STATUS_UNKNOWN_OUTCOME:
    case CAISSE_STATUS_PERMISSION_DENIED:
      return true;
    default:
      return false;
  }
}

inline std::string status_name(int status) {
  switch (status) {
    case CAISSE_STATUS_OK:
      return "OK";
    case CAISSE_STATUS_INVALID_ARGUMENT:
      return "INVALID_ARGUMENT";
    case CAISSE_STATUS_NOT_FOUND:
      return "NOT_FOUND";
    case CAISSE_STATUS_UNSUPPORTED:
      return "UNSUPPORTED";
    case CAISSE_STATUS_UNAVAILABLE:
      return "UNAVAILABLE";
    case CAISSE_STATUS_INTERNAL:
      return "INTERNAL";
    case CAISSE_STATUS_UNKNOWN_OUTCOME:
      return "UNKNOWN_OUTCOME";
    case CAISSE_STATUS_PERMISSION_DENIED:
      return "PERMISSION_DENIED";
    default:
      return "status " + std::to_string(status);
  }
}

inline bool is_defined_outcome(int outcome) {
  switch (outcome) {
    case CAISSE_OUTCOME_SUCCEEDED:
    case CAISSE_OUTCOME_PENDING:
    case CAISSE_OUTCOME_DECLINED:
    case CAISSE_OUTCOME_NOT_SENT:
    case CAISSE_OUTCOME_UNKNOWN:
      return true;
    default:
      return false;
  }
}

inline std::string outcome_name(int outcome) {
  switch (outcome) {
    case CAISSE_OUTCOME_SUCCEEDED:
      return "SUCCEEDED";
    case CAISSE_OUTCOME_PENDING:
      return "PENDING";
    case CAISSE_OUTCOME_DECLINED:
      return "DECLINED";
    case CAISSE_OUTCOME_NOT_SENT:
      return "NOT_SENT";
    case CAISSE_OUTCOME_UNKNOWN:
      return "UNKNOWN";
    default:
      return "outcome " + std::to_string(outcome);
  }
}

// A plugin's shared object, loaded as the host loads it. Stays loaded while anyone holds it.
class PluginLibrary {
 public:
  // Loads `path` and calls its entry point once; nullptr and `error` when that fails.
  static std::shared_ptr<PluginLibrary> open(const std::string& path, std::string& error) {
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* why = ::dlerror();
      error = path + ": dlopen failed: " + (why != nullptr ? why : "unknown error");
      return nullptr;
    }
    std::shared_ptr<PluginLibrary> library(new PluginLibrary(handle, path));
    void* symbol = ::dlsym(handle, CAISSE_PLUGIN_ENTRY_SYMBOL);
    if (symbol == nullptr) {
      error = path + ": no symbol " CAISSE_PLUGIN_ENTRY_SYMBOL
                     ": not a caisse plugin, or built without CAISSE_PLUGIN";
      return nullptr;
    }
    library->entry_ = reinterpret_cast<caisse_plugin_entry_fn>(symbol);
    try {
      library->descriptor_ = library->entry_();
    } catch (const std::exception& e) {
      error = path + ": " CAISSE_PLUGIN_ENTRY_SYMBOL " threw: " + e.what();
      return nullptr;
    } catch (...) {
      error = path + ": " CAISSE_PLUGIN_ENTRY_SYMBOL " threw";
      return nullptr;
    }
    if (library->descriptor_ == nullptr) {
      error = path + ": " CAISSE_PLUGIN_ENTRY_SYMBOL " returned NULL";
      return nullptr;
    }
    return library;
  }

  // The same library for the same path for the life of the process, as the daemon keeps a
  // plugin loaded: tests that open it many times do not unload and reload it each time.
  static std::shared_ptr<PluginLibrary> shared(const std::string& path, std::string& error) {
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<PluginLibrary>> loaded;
    std::lock_guard<std::mutex> lock(mutex);
    if (auto found = loaded.find(path); found != loaded.end()) return found->second;
    auto library = open(path, error);
    if (library) loaded.emplace(path, library);
    return library;
  }

  ~PluginLibrary() { ::dlclose(handle_); }
  PluginLibrary(const PluginLibrary&) = delete;
  PluginLibrary& operator=(const PluginLibrary&) = delete;

  const caisse_plugin_t& descriptor() const { return *descriptor_; }
  caisse_plugin_entry_fn entry() const { return entry_; }
  const std::string& path() const { return path_; }
  // The file name without directory and ".so": what the descriptor's name must be.
  std::string stem() const { return std::filesystem::path(path_).stem().string(); }

 private:
  PluginLibrary(void* handle, std::string path) : handle_(handle), path_(std::move(path)) {}

  void* handle_;
  std::string path_;
  caisse_plugin_entry_fn entry_ = nullptr;
  const caisse_plugin_t* descriptor_ = nullptr;
};

struct LogLine {
  int level = CAISSE_LOG_LEVEL_INFO;
  std::string message;
};

// What set_error saw during one hook.
struct HookErrors {
  std::size_t set_error_calls = 0;
  std::string last_error;
};

// caisse_host_api_t in memory, for one plugin instance. The context handed to the plugin is this
// object. Not thread-safe: the host calls one instance from one thread at a time.
class FakeHost {
 public:
  FakeHost(const caisse_plugin_t& descriptor, Config config, FakeClock& clock,
           ScriptedTransport* transport = nullptr)
      : descriptor_(descriptor), clock_(clock), transport_(transport) {
    resolve(std::move(config));
  }
  FakeHost(const FakeHost&) = delete;
  FakeHost& operator=(const FakeHost&) = delete;

  const caisse_host_api_t* api() const { return &kApi; }
  caisse_host_context_t* context() { return reinterpret_cast<caisse_host_context_t*>(this); }

  // What is wrong with the configuration given, checked against the schema as the daemon does
  // before init: unknown keys, wrong types, REQUIRED fields missing. Empty when it is valid.
  const std::vector<std::string>& config_problems() const { return config_problems_; }
  // The values of SECRET fields, which must never appear in a log line or a message.
  const std::vector<std::string>& secrets() const { return secrets_; }

  const std::vector<LogLine>& logs() const { return logs_; }
  const std::map<std::string, std::int64_t>& metrics() const { return metrics_; }

  // The state store (caisse_host_kv_get / kv_put): durable across instances that share this
  // host, as PostgreSQL is across restarts.
  std::map<std::string, std::string>& kv() { return kv_; }
  void set_kv_available(bool available) { kv_available_ = available; }
  // Makes the call-th kv call (1-based, gets and puts counted together) answer UNAVAILABLE.
  void fail_kv_call(std::size_t call) { kv_failing_call_ = call; }
  std::size_t kv_calls() const { return kv_calls_; }

  void set_transport(ScriptedTransport* transport) { transport_ = transport; }

  // Callback misuse recorded since the last call (an undeclared config key, a bad metric name,
  // a malformed HTTP request, ...), each a sentence.
  std::vector<std::string> take_misuse() { return std::exchange(misuse_, {}); }

  // Brackets one call into the plugin. begin_hook drops what the previous hook was lent (kv
  // values, HTTP answers); end_hook overwrites it, as memory the host reclaimed, and says what
  // set_error saw.
  void begin_hook() {
    lent_.clear();
    lent_headers_.clear();
    errors_ = {};
  }
  HookErrors end_hook() {
    for (std::string& text : lent_) std::fill(text.begin(), text.end(), '\xA5');
    return std::exchange(errors_, {});
  }
  // Keeps `text` for the current hook only (what the host lends a plugin until the hook returns).
  const std::string& lend(std::string text) { return lent_.emplace_back(std::move(text)); }

 private:
  static FakeHost& self(caisse_host_context_t* ctx) { return *reinterpret_cast<FakeHost*>(ctx); }

  const caisse_config_field_t* field(std::string_view name) const {
    for (std::size_t i = 0; i < descriptor_.config_field_count; ++i) {
      const caisse_config_field_t& f = descriptor_.config_fields[i];
      if (f.name != nullptr && name == f.name) return &f;
    }
    return nullptr;
  }

  static const char* type_name(int type) {
    switch (type) {
      case CAISSE_CONFIG_TYPE_STRING:
        return "a string";
      case CAISSE_CONFIG_TYPE_INTEGER:
        return "an integer";
      case CAISSE_CONFIG_TYPE_BOOLEAN:
        return "a boolean";
      default:
        return "of an unknown type";
    }
  }

  static int type_of(const ConfigValue& value) {
    if (std::holds_alternative<std::string>(value)) return CAISSE_CONFIG_TYPE_STRING;
    if (std::holds_alternative<std::int64_t>(value)) return CAISSE_CONFIG_TYPE_INTEGER;
    return CAISSE_CONFIG_TYPE_BOOLEAN;
  }

  // The configuration as the daemon hands it over: given values, then the schema's defaults.
  void resolve(Config given) {
    for (auto& [key, value] : given) {
      const caisse_config_field_t* f = field(key);
      if (f == nullptr) {
        config_problems_.push_back("config key " + detail::quoted(key) +
                                   " is not in the plugin's schema");
        continue;
      }
      const int type = detail::raw_value(f->type);
      if (type_of(value) != type) {
        config_problems_.push_back("config key " + detail::quoted(key) + " must be " +
                                   type_name(type));
        continue;
      }
      if ((f->flags & CAISSE_CONFIG_SECRET) != 0) {
        const std::string& secret = std::get<std::string>(value);
        if (secret.size() >= 4) secrets_.push_back(secret);
      }
      config_.emplace(key, std::move(value));
    }
    for (std::size_t i = 0; i < descriptor_.config_field_count; ++i) {
      const caisse_config_field_t& f = descriptor_.config_fields[i];
      if (f.name == nullptr || config_.count(f.name) != 0) continue;
      if ((f.flags & CAISSE_CONFIG_REQUIRED) != 0) {
        config_problems_.push_back("config key " + detail::quoted(f.name) +
                                   " is REQUIRED and the target does not give it");
        continue;
      }
      if (f.default_value == nullptr) continue;
      const std::string_view literal = f.default_value;
      switch (detail::raw_value(f.type)) {
        case CAISSE_CONFIG_TYPE_INTEGER:
          try {
            config_.emplace(f.name, static_cast<std::int64_t>(std::stoll(std::string(literal))));
          } catch (const std::exception&) {
            // The schema check reports a default that does not parse.
          }
          break;
        case CAISSE_CONFIG_TYPE_BOOLEAN:
          config_.emplace(f.name, literal == "true");
          break;
        default:
          config_.emplace(f.name, std::string(literal));
          break;
      }
    }
  }

  void misuse(std::string what) { misuse_.push_back(std::move(what)); }

  template <class T, class Out>
  static caisse_status_t config_get(caisse_host_context_t* ctx, int type, caisse_str_t key,
                                    Out* out, const char* callback) {
    FakeHost& host = self(ctx);
    const std::string name(detail::view(key));
    const caisse_config_field_t* f = host.field(name);
    if (out == nullptr) {
      host.misuse(std::string(callback) + " called with a NULL value pointer");
      return CAISSE_STATUS_INVALID_ARGUMENT;
    }
    if (f == nullptr || detail::raw_value(f->type) != type) {
      host.misuse(std::string(callback) + "(" + detail::quoted(name) + "): " +
                  (f == nullptr ? std::string("the key is not in the plugin's schema")
                                : "the schema declares it " +
                                      std::string(type_name(detail::raw_value(f->type)))));
      return CAISSE_STATUS_INVALID_ARGUMENT;
    }
    auto found = host.config_.find(name);
    if (found == host.config_.end()) return CAISSE_STATUS_NOT_FOUND;
    if constexpr (std::is_same_v<T, std::string>) {
      *out = detail::to_c(std::get<std::string>(found->second));  // lives until destroy
    } else {
      *out = std::get<T>(found->second);
    }
    return CAISSE_STATUS_OK;
  }

  static void host_log(caisse_host_context_t* ctx, caisse_log_level_t level, caisse_str_t message) {
    FakeHost& host = self(ctx);
    const int raw = detail::raw_value(level);
    if (raw < CAISSE_LOG_LEVEL_DEBUG || raw > CAISSE_LOG_LEVEL_ERROR) {
      host.misuse("caisse_host_log called with level " + std::to_string(raw) +
                  ", which caisse_log_level_t does not define");
    }
    host.logs_.push_back({raw, std::string(detail::view(message))});
  }

  static void host_set_error(caisse_host_context_t* ctx, caisse_str_t message) {
    FakeHost& host = self(ctx);
    ++host.errors_.set_error_calls;
    host.errors_.last_error.assign(detail::view(message));
  }

  static int64_t host_now_ms(caisse_host_context_t* ctx) { return self(ctx).clock_.now_ms(); }

  static caisse_status_t host_get_string(caisse_host_context_t* ctx, caisse_str_t key,
                                         caisse_str_t* value) {
    return config_get<std::string>(ctx, CAISSE_CONFIG_TYPE_STRING, key, value,
                                   "caisse_host_config_get_string");
  }
  static caisse_status_t host_get_int(caisse_host_context_t* ctx, caisse_str_t key,
                                      int64_t* value) {
    return config_get<std::int64_t>(ctx, CAISSE_CONFIG_TYPE_INTEGER, key, value,
                                    "caisse_host_config_get_int");
  }
  static caisse_status_t host_get_bool(caisse_host_context_t* ctx, caisse_str_t key, bool* value) {
    return config_get<bool>(ctx, CAISSE_CONFIG_TYPE_BOOLEAN, key, value,
                            "caisse_host_config_get_bool");
  }

  bool kv_up() {
    ++kv_calls_;
    return kv_available_ && kv_calls_ != kv_failing_call_;
  }

  static caisse_status_t host_kv_get(caisse_host_context_t* ctx, caisse_str_t key,
                                     caisse_str_t* value) {
    FakeHost& host = self(ctx);
    if (value == nullptr) {
      host.misuse("caisse_host_kv_get called with a NULL value pointer");
      return CAISSE_STATUS_INVALID_ARGUMENT;
    }
    if (!host.kv_up()) return CAISSE_STATUS_UNAVAILABLE;
    auto found = host.kv_.find(std::string(detail::view(key)));
    if (found == host.kv_.end()) return CAISSE_STATUS_NOT_FOUND;
    *value = detail::to_c(host.lend(found->second));  // lives until the hook returns
    return CAISSE_STATUS_OK;
  }

  static caisse_status_t host_kv_put(caisse_host_context_t* ctx, caisse_str_t key,
                                     caisse_str_t value) {
    FakeHost& host = self(ctx);
    if (!host.kv_up()) return CAISSE_STATUS_UNAVAILABLE;
    host.kv_[std::string(detail::view(key))] = std::string(detail::view(value));
    return CAISSE_STATUS_OK;
  }

  static void host_metric_add(caisse_host_context_t* ctx, caisse_str_t name, int64_t delta) {
    FakeHost& host = self(ctx);
    const std::string_view metric = detail::view(name);
    if (!detail::is_name(metric, false)) {
      host.misuse("caisse_host_metric_add(" + detail::quoted(metric) +
                  "): a metric name must match [a-z0-9_]+; the host drops it");
      return;
    }
    host.metrics_[std::string(metric)] += delta;
  }

  // Splits an absolute http(s) URL into what the transport needs; empty target on error.
  static std::string request_target(std::string_view url, std::string& error) {
    std::size_t rest = 0;
    if (url.starts_with("http://")) {
      rest = 7;
    } else if (url.starts_with("https://")) {
      rest = 8;
    } else {
      error = "the URL must start with http:// or https://";
      return {};
    }
    const std::size_t end = url.find_first_of("/?#", rest);
    const std::string_view authority =
        url.substr(rest, end == std::string_view::npos ? std::string_view::npos : end - rest);
    if (authority.empty() || authority.find('@') != std::string_view::npos ||
        authority.find_first_of(" \r\n\t") != std::string_view::npos) {
      error = "the URL has no host, or has a user or password, or spaces";
      return {};
    }
    if (end == std::string_view::npos) return "/";
    std::string target(url.substr(end, url.find('#', end) - end));
    if (target.empty() || target.front() != '/') target.insert(0, "/");
    if (target.find_first_of(" \r\n\t") != std::string::npos) {
      error = "the URL's path or query holds a space or a line break";
      return {};
    }
    return target;
  }

  static caisse_status_t host_http_send(caisse_host_context_t* ctx,
                                        const caisse_http_request_t* request,
                                        caisse_http_response_t* response) {
    FakeHost& host = self(ctx);
    constexpr std::size_t kRequestSize =
        offsetof(caisse_http_request_t, timeout_ms) + sizeof(caisse_http_request_t::timeout_ms);
    constexpr std::size_t kResponseSize = offsetof(caisse_http_response_t, error_host_ptr) +
                                          sizeof(caisse_http_response_t::error_host_ptr);
    if (request == nullptr || response == nullptr || request->struct_size < kRequestSize ||
        response->struct_size < kResponseSize ||
        (request->header_count > 0 && request->headers == nullptr)) {
      host.misuse(
          "caisse_host_http_send called with a NULL request or response, a struct_size smaller "
          "than ABI 1.2's, or headers == NULL with header_count > 0");
      return CAISSE_STATUS_INVALID_ARGUMENT;
    }
    response->status = 0;
    response->headers_host_ptr = nullptr;
    response->header_count = 0;
    response->body_host_ptr = {};
    response->error_host_ptr = {};
    auto fail = [&](caisse_status_t status, const std::string& reason, bool plugin_bug) {
      if (plugin_bug) host.misuse("caisse_host_http_send refused: " + reason);
      response->error_host_ptr = detail::to_c(host.lend("http_send: " + reason));
      return status;
    };

    Request call;
    call.method = std::string(detail::view(request->method));
    call.url = std::string(detail::view(request->url));
    std::string error;
    call.target = request_target(call.url, error);
    if (call.target.empty()) {
      return fail(CAISSE_STATUS_INVALID_ARGUMENT, "malformed URL " + call.url + ": " + error, true);
    }
    if (call.method.empty() || !std::all_of(call.method.begin(), call.method.end(),
                                            [](char c) { return c >= 'A' && c <= 'Z'; })) {
      return fail(CAISSE_STATUS_INVALID_ARGUMENT, "malformed method " + detail::quoted(call.method),
                  true);
    }
    for (std::size_t i = 0; i < request->header_count; ++i) {
      std::string name(detail::view(request->headers[i].name));
      std::string value(detail::view(request->headers[i].value));
      for (const char* own : {"Host", "Connection", "Content-Length", "Transfer-Encoding"}) {
        if (detail::same_header_name(name, own)) {
          return fail(CAISSE_STATUS_INVALID_ARGUMENT,
                      "header " + name + " is set by the host, not by the plugin", true);
        }
      }
      if (!detail::is_token(name) || value.find_first_of("\r\n") != std::string::npos) {
        return fail(CAISSE_STATUS_INVALID_ARGUMENT,
                    "malformed header " + detail::quoted(name) + " (a line break or a bad name)",
                    true);
      }
      call.headers.emplace_back(std::move(name), std::move(value));
    }
    call.has_body = request->has_body;
    if (request->has_body) call.body = std::string(detail::view(request->body));
    call.timeout_ms = request->timeout_ms;
    call.sent_at_ms = host.clock_.now_ms();

    if (host.transport_ == nullptr) {
      return fail(CAISSE_STATUS_UNAVAILABLE, "this fake host has no transport: nothing was sent",
                  false);
    }
    HttpResult result = host.transport_->send(call);
    if (result.status != CAISSE_STATUS_OK) return fail(result.status, result.error, false);
    std::vector<caisse_http_header_t>& headers = host.lent_headers_.emplace_back();
    for (const auto& [name, value] : result.response.headers) {
      headers.push_back({detail::to_c(host.lend(name)), detail::to_c(host.lend(value))});
    }
    response->status = result.response.status;
    response->headers_host_ptr = headers.data();
    response->header_count = headers.size();
    response->body_host_ptr = detail::to_c(host.lend(std::move(result.response.body)));
    return CAISSE_STATUS_OK;
  }

  static constexpr caisse_host_api_t make_api() {
    caisse_host_api_t api{};
    api.struct_size = sizeof(caisse_host_api_t);
    api.abi_major = CAISSE_SDK_ABI_MAJOR;
    api.abi_minor = CAISSE_SDK_ABI_MINOR;
    api.caisse_host_log = &host_log;
    api.caisse_host_set_error = &host_set_error;
    api.caisse_host_clock_now_ms = &host_now_ms;
    api.caisse_host_config_get_string = &host_get_string;
    api.caisse_host_config_get_int = &host_get_int;
    api.caisse_host_config_get_bool = &host_get_bool;
    api.caisse_host_kv_get = &host_kv_get;
    api.caisse_host_kv_put = &host_kv_put;
    api.caisse_host_metric_add = &host_metric_add;
    api.caisse_host_http_send = &host_http_send;
    return api;
  }
  static const caisse_host_api_t kApi;

  const caisse_plugin_t& descriptor_;
  FakeClock& clock_;
  ScriptedTransport* transport_;
  Config config_;
  std::vector<std::string> config_problems_;
  std::vector<std::string> secrets_;
  std::vector<LogLine> logs_;
  std::map<std::string, std::int64_t> metrics_;
  std::map<std::string, std::string> kv_;
  bool kv_available_ = true;
  std::size_t kv_failing_call_ = 0;
  std::size_t kv_calls_ = 0;
  std::vector<std::string> misuse_;
  std::deque<std::string> lent_;
  std::deque<std::vector<caisse_http_header_t>> lent_headers_;
  HookErrors errors_;
};

inline const caisse_host_api_t FakeHost::kApi = FakeHost::make_api();

// One line to credit, owned by the test (the driver lends it to the hook as caisse_credit_line_t).
struct CreditLine {
  std::string operation_id;
  std::string household_id;
  std::int64_t amount_minor = 0;
  std::string currency;
  std::string description;
};

// A caisse_operation_result_t as the host copies it right after the hook returns.
struct OperationResult {
  int outcome = CAISSE_OUTCOME_UNKNOWN;  // raw: the plugin may have written anything
  std::string external_ref;
  std::string message;
};

// One call into the plugin and everything the host would notice about it.
struct HookCall {
  int status = CAISSE_STATUS_INTERNAL;   // raw, as returned
  std::string error;                     // the last message given to caisse_host_set_error
  std::vector<OperationResult> results;  // credit: one per line; status: one
  std::vector<std::string> problems;     // ABI rules this call broke, each a sentence

  bool ok() const { return status == CAISSE_STATUS_OK; }
};

// One instance of a CURRENCY plugin, driven through the C ABI as the host drives it.
class CurrencyDriver {
 public:
  CurrencyDriver(std::shared_ptr<PluginLibrary> library, FakeHost& host)
      : library_(std::move(library)), host_(host) {}
  ~CurrencyDriver() { destroy(); }
  CurrencyDriver(const CurrencyDriver&) = delete;
  CurrencyDriver& operator=(const CurrencyDriver&) = delete;

  // caisse_on_instance_init; the instance is live when it returned OK.
  HookCall init() {
    destroy();
    HookCall call;
    const caisse_plugin_t& d = library_->descriptor();
    if (d.caisse_on_instance_init == nullptr || d.caisse_on_instance_destroy == nullptr) {
      call.problems.push_back("caisse_on_instance_init or caisse_on_instance_destroy is NULL");
      return call;
    }
    void* instance = nullptr;
    host_.begin_hook();
    caisse_status_t status = CAISSE_STATUS_INTERNAL;
    guard(call, "caisse_on_instance_init",
          [&] { status = d.caisse_on_instance_init(host_.api(), host_.context(), &instance); });
    finish(call, status, "caisse_on_instance_init");
    if (call.ok()) {
      instance_ = instance;
      live_ = true;
    }
    return call;
  }

  bool live() const { return live_; }

  // caisse_on_currency_credit on a batch; results are read right after the hook returns.
  HookCall credit(const std::vector<CreditLine>& lines) {
    HookCall call;
    const caisse_currency_hooks_t* hooks = currency_hooks(call);
    if (hooks == nullptr) return call;
    host_.begin_hook();
    // The host's copies of the lines live until the hook returns, no longer.
    std::vector<caisse_credit_line_t> c_lines;
    c_lines.reserve(lines.size());
    for (const CreditLine& line : lines) {
      c_lines.push_back({detail::to_c(host_.lend(line.operation_id)),
                         detail::to_c(host_.lend(line.household_id)),
                         {line.amount_minor, detail::to_c(host_.lend(line.currency))},
                         detail::to_c(host_.lend(line.description))});
    }
    std::vector<caisse_operation_result_t> results(
        lines.size(), caisse_operation_result_t{CAISSE_OUTCOME_UNKNOWN, {}, {}});
    caisse_status_t status = CAISSE_STATUS_INTERNAL;
    guard(call, "caisse_on_currency_credit", [&] {
      status = hooks->caisse_on_currency_credit(instance_, c_lines.data(), c_lines.size(),
                                                results.data());
    });
    read_results(call, results, status, "caisse_on_currency_credit");
    return call;
  }

  // caisse_on_currency_status for one operation.
  HookCall status(std::string_view operation_id) {
    HookCall call;
    const caisse_currency_hooks_t* hooks = currency_hooks(call);
    if (hooks == nullptr) return call;
    host_.begin_hook();
    const std::string& id = host_.lend(std::string(operation_id));
    std::vector<caisse_operation_result_t> results(
        1, caisse_operation_result_t{CAISSE_OUTCOME_UNKNOWN, {}, {}});
    caisse_status_t status = CAISSE_STATUS_INTERNAL;
    guard(call, "caisse_on_currency_status", [&] {
      status = hooks->caisse_on_currency_status(instance_, detail::to_c(id), results.data());
    });
    read_results(call, results, status, "caisse_on_currency_status");
    return call;
  }

  // caisse_on_instance_destroy, once, if init succeeded.
  void destroy() {
    if (!live_) return;
    live_ = false;
    host_.begin_hook();
    try {
      library_->descriptor().caisse_on_instance_destroy(instance_);
    } catch (...) {
      destroy_threw_ = true;
    }
    host_.end_hook();
  }
  bool destroy_threw() const { return destroy_threw_; }

 private:
  template <class Body>
  static void guard(HookCall& call, const char* hook, Body&& body) {
    try {
      detail::below_a_pad(body);
    } catch (const std::exception& e) {
      call.problems.push_back(std::string(hook) + " let an exception cross the C ABI: " + e.what());
    } catch (...) {
      call.problems.push_back(std::string(hook) + " let an exception cross the C ABI");
    }
  }

  const caisse_currency_hooks_t* currency_hooks(HookCall& call) {
    const caisse_currency_hooks_t* hooks = library_->descriptor().currency;
    constexpr std::size_t kSize_1_0 = offsetof(caisse_currency_hooks_t, caisse_on_currency_status) +
                                      sizeof(caisse_currency_hooks_t::caisse_on_currency_status);
    if (!live_) {
      call.problems.push_back("the instance is not initialised");
      return nullptr;
    }
    if (hooks == nullptr || hooks->struct_size < kSize_1_0 ||
        hooks->caisse_on_currency_credit == nullptr ||
        hooks->caisse_on_currency_status == nullptr) {
      call.problems.push_back("the descriptor has no complete currency hook table");
      return nullptr;
    }
    return hooks;
  }

  // The status and what set_error saw; then the host reclaims what it lent during the hook.
  void finish(HookCall& call, caisse_status_t returned, const char* hook) {
    HookErrors errors = host_.end_hook();
    call.status = detail::raw_value(returned);
    call.error = std::move(errors.last_error);
    if (!is_defined_status(call.status)) {
      call.problems.push_back(std::string(hook) + " returned " + status_name(call.status) +
                              ", which caisse_status_t does not define");
    } else if (!call.ok() && errors.set_error_calls == 0) {
      call.problems.push_back(std::string(hook) + " returned " + status_name(call.status) +
                              " without calling caisse_host_set_error first");
    } else if (!call.ok() && call.error.empty()) {
      call.problems.push_back(std::string(hook) + " returned " + status_name(call.status) +
                              " with an empty caisse_host_set_error message");
    }
    for (std::string& misuse : host_.take_misuse()) call.problems.push_back(std::move(misuse));
  }

  static std::optional<std::string> copy(caisse_str_t text, std::size_t index, const char* field,
                                         HookCall& call) {
    if (text.len > 0 && text.data == nullptr) {
      call.problems.push_back("result " + std::to_string(index) + ": " + field + " has length " +
                              std::to_string(text.len) + " and a NULL pointer");
      return std::nullopt;
    }
    return std::string(detail::view(text));
  }

  // Copies the results as the host does right after the hook returns, then checks that their
  // strings still read the same once the hook's stack and what the host lent it are gone.
  void read_results(HookCall& call, const std::vector<caisse_operation_result_t>& results,
                    caisse_status_t returned, const char* hook) {
    for (std::size_t i = 0; i < results.size(); ++i) {
      OperationResult copied;
      copied.outcome = detail::raw_value(results[i].outcome);
      copied.external_ref = copy(results[i].external_ref, i, "external_ref", call).value_or("");
      copied.message = copy(results[i].message, i, "message", call).value_or("");
      call.results.push_back(std::move(copied));
    }
    finish(call, returned, hook);
    detail::scribble_stack();
    std::size_t changed = 0;
    std::string example;
    for (std::size_t i = 0; i < results.size(); ++i) {
      const OperationResult& before = call.results[i];
      const std::string ref(detail::view(results[i].external_ref));
      const std::string message(detail::view(results[i].message));
      if ((ref != before.external_ref || message != before.message) && changed++ == 0) {
        example = "result " + std::to_string(i) + ": " + detail::quoted(before.external_ref) +
                  " / " + detail::quoted(before.message) + " became " + detail::quoted(ref) +
                  " / " + detail::quoted(message);
      }
    }
    if (changed > 0) {
      call.problems.push_back(
          std::string(hook) + ": the strings of " + std::to_string(changed) + " of " +
          std::to_string(results.size()) + " result(s) changed after the hook returned (" +
          example +
          "): they point into memory that did not outlive the hook (its stack, a kv_get value, "
          "an http_send answer); keep them in the instance until the next call");
    }
  }

  std::shared_ptr<PluginLibrary> library_;
  FakeHost& host_;
  void* instance_ = nullptr;
  bool live_ = false;
  bool destroy_threw_ = false;
};

}  // namespace caisse::testing
