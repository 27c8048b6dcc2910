// caisse/testing/scripted_transport.hpp: the HTTP side of the conformance kit. Every
// caisse_host_http_send of the plugin under test lands here instead of on the network: it goes
// to the author's in-process emulator of the peer (a Backend), and the fault injector may spoil
// the exchange on the way, the way networks and peers do:
//
//   refuse                         nothing is sent: UNAVAILABLE, the backend never sees it
//   lose_answer                    the backend receives and applies it, the answer is lost:
//                                  UNKNOWN_OUTCOME
//   html_page, truncated_json,     the backend receives and applies it, and the answer is
//   wrong_shape_json, empty_body,  replaced by a proxy's HTML page, a cut body, valid JSON of
//   server_error_after_delivery    another shape, an empty body or a 500
//   server_error_without_delivery  a 503 from a proxy: the backend never sees it
//
// Faults are scripted by call number (the n-th http_send), by commit (the n-th call after which
// the backend had applied one more operation), or for every call until stop_failing().
// Header-only; needs nothing but the C ABI header and the standard library.
#pragma once

#include <caisse/sdk.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace caisse::testing {

using Headers = std::vector<std::pair<std::string, std::string>>;

namespace detail {

inline bool same_header_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

inline std::optional<std::string> find_header(const Headers& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (same_header_name(key, name)) return value;
  }
  return std::nullopt;
}

}  // namespace detail

// One HTTP request as the plugin sent it through caisse_host_http_send.
struct Request {
  std::string method;  // "GET", "POST", ...
  std::string url;     // absolute, as the plugin wrote it
  std::string target;  // path and query, as on the request line: "/api/x?page=2"
  Headers headers;     // as the plugin set them (the host adds Host, Content-Length)
  std::string body;    // empty when has_body is false
  bool has_body = false;
  std::uint32_t timeout_ms = 0;  // 0: the host's default
  std::int64_t sent_at_ms = 0;   // the (fake) host clock when the plugin sent it, for emulators
                                 // that stamp what they record

  // The first value of header `name`, compared case-insensitively.
  std::optional<std::string> header(std::string_view name) const {
    return detail::find_header(headers, name);
  }
};

// What the backend answers; any status code, as an HTTP peer would.
struct Response {
  unsigned status = 200;
  Headers headers;
  std::string body;

  std::optional<std::string> header(std::string_view name) const {
    return detail::find_header(headers, name);
  }
};

// The author's emulator of the adapter's peer: applies the request (or not) and answers.
using Backend = std::function<Response(const Request&)>;

enum class Fault {
  refuse,
  lose_answer,
  html_page,
  truncated_json,
  wrong_shape_json,
  empty_body,
  server_error_after_delivery,
  server_error_without_delivery,
};

inline constexpr std::array<Fault, 8> kAllFaults{Fault::refuse,
                                                 Fault::lose_answer,
                                                 Fault::html_page,
                                                 Fault::truncated_json,
                                                 Fault::wrong_shape_json,
                                                 Fault::empty_body,
                                                 Fault::server_error_after_delivery,
                                                 Fault::server_error_without_delivery};

// The faults that leave the plugin an answer it cannot trust.
inline constexpr std::array<Fault, 6> kMalformedAnswers{Fault::html_page,
                                                        Fault::truncated_json,
                                                        Fault::wrong_shape_json,
                                                        Fault::empty_body,
                                                        Fault::server_error_after_delivery,
                                                        Fault::server_error_without_delivery};

inline const char* fault_name(Fault fault) {
  switch (fault) {
    case Fault::refuse:
      return "refuse";
    case Fault::lose_answer:
      return "lose_answer";
    case Fault::html_page:
      return "html_page";
    case Fault::truncated_json:
      return "truncated_json";
    case Fault::wrong_shape_json:
      return "wrong_shape_json";
    case Fault::empty_body:
      return "empty_body";
    case Fault::server_error_after_delivery:
      return "server_error_after_delivery";
    case Fault::server_error_without_delivery:
      return "server_error_without_delivery";
  }
  return "fault";
}

// Whether the backend receives (and may apply) a request spoiled by this fault.
inline bool delivers(Fault fault) {
  return fault != Fault::refuse && fault != Fault::server_error_without_delivery;
}

// What caisse_host_http_send returns: OK with a response, or a failure status and its reason.
struct HttpResult {
  caisse_status_t status = CAISSE_STATUS_OK;
  Response response;
  std::string error;
};

// One call as the transport saw it, for the transcript printed with a violation.
struct Exchange {
  std::size_t call = 0;
  std::string method;
  std::string target;
  std::optional<Fault> fault;
  bool delivered = false;
  bool committed = false;  // the backend had applied one more operation after it
  caisse_status_t status = CAISSE_STATUS_OK;
  unsigned http_status = 0;
};

class ScriptedTransport {
 public:
  explicit ScriptedTransport(Backend backend = {}) : backend_(std::move(backend)) {}

  bool has_backend() const { return static_cast<bool>(backend_); }

  // How the transport tells that a delivered call committed something: a number that grows
  // each time the backend applies an operation (the conformance kit sums the target's effects).
  void set_commit_probe(std::function<std::size_t()> probe) { probe_ = std::move(probe); }

  // Spoils the call-th http_send (1-based, counted from the transport's creation).
  void fail_call(std::size_t call, Fault fault) { by_call_[call] = fault; }

  // Spoils the answer of the commit-th call after which the backend had applied one more
  // operation. The fault must be one that delivers (the commit is seen after delivery).
  void fail_commit(std::size_t commit, Fault fault) {
    if (!delivers(fault)) {
      throw std::invalid_argument(std::string("fail_commit: ") + fault_name(fault) +
                                  " does not deliver the request");
    }
    by_commit_[commit] = fault;
  }

  // Spoils every call from now on, until stop_failing().
  void fail_every_call(Fault fault) { every_call_ = fault; }

  // Forgets every scripted fault; the next calls reach the backend untouched.
  void stop_failing() {
    by_call_.clear();
    by_commit_.clear();
    every_call_.reset();
  }

  std::size_t calls() const { return calls_; }
  std::size_t commits() const { return commits_; }
  std::size_t faults_fired() const { return fired_; }
  const std::vector<Exchange>& exchanges() const { return exchanges_; }

  // What the backend threw, if it did (a bug in the emulator, reported by the kit).
  std::vector<std::string> take_backend_errors() { return std::exchange(backend_errors_, {}); }

  // The last `last` exchanges, one per line: "#3 POST /api/transfers -> lose_answer (delivered,
  // committed) UNKNOWN_OUTCOME".
  std::string transcript(std::size_t last = 16) const {
    std::string out;
    const std::size_t from = exchanges_.size() > last ? exchanges_.size() - last : 0;
    if (from > 0) out += "  ... " + std::to_string(from) + " earlier HTTP call(s)\n";
    for (std::size_t i = from; i < exchanges_.size(); ++i) {
      const Exchange& e = exchanges_[i];
      out += "  #" + std::to_string(e.call) + " " + e.method + " " + e.target + " -> ";
      if (e.fault) out += std::string(fault_name(*e.fault)) + " ";
      out += e.delivered ? (e.committed ? "(delivered, committed) " : "(delivered) ")
                         : "(not delivered) ";
      out += e.status == CAISSE_STATUS_OK ? "HTTP " + std::to_string(e.http_status)
                                          : std::string(transport_status_name(e.status));
      out += "\n";
    }
    return out.empty() ? "  (no HTTP call)\n" : out;
  }

  // One caisse_host_http_send: to the backend, through the fault injector.
  HttpResult send(const Request& request) {
    Exchange exchange;
    exchange.call = ++calls_;
    exchange.method = request.method;
    exchange.target = request.target;
    std::optional<Fault> fault = every_call_;
    if (auto it = by_call_.find(exchange.call); it != by_call_.end()) fault = it->second;

    HttpResult result;
    if (!backend_) {
      result = {CAISSE_STATUS_UNAVAILABLE,
                {},
                "http_send: this conformance target has no backend, so nothing was sent"};
    } else if (fault && !delivers(*fault)) {
      result = spoil(*fault, request, Response{});
      ++fired_;
      exchange.fault = fault;
    } else {
      exchange.delivered = true;
      const std::size_t before = probe();
      Response answer;
      bool answered = true;
      try {
        answer = backend_(request);
      } catch (const std::exception& e) {
        backend_errors_.push_back(std::string("the backend threw on ") + request.method + " " +
                                  request.target + ": " + e.what());
        answered = false;
      } catch (...) {
        backend_errors_.push_back(std::string("the backend threw on ") + request.method + " " +
                                  request.target);
        answered = false;
      }
      if (probe() != before) {
        exchange.committed = true;
        ++commits_;
        if (auto it = by_commit_.find(commits_); it != by_commit_.end()) fault = it->second;
      }
      if (!answered) {
        result = {CAISSE_STATUS_UNKNOWN_OUTCOME,
                  {},
                  "http_send: the conformance target's backend threw (see the test's failures)"};
      } else if (fault) {
        result = spoil(*fault, request, std::move(answer));
        ++fired_;
        exchange.fault = fault;
      } else {
        result.response = std::move(answer);
      }
    }
    exchange.status = result.status;
    exchange.http_status = result.response.status;
    exchanges_.push_back(std::move(exchange));
    return result;
  }

 private:
  static const char* transport_status_name(caisse_status_t status) {
    switch (status) {
      case CAISSE_STATUS_UNAVAILABLE:
        return "UNAVAILABLE";
      case CAISSE_STATUS_UNKNOWN_OUTCOME:
        return "UNKNOWN_OUTCOME";
      case CAISSE_STATUS_INVALID_ARGUMENT:
        return "INVALID_ARGUMENT";
      default:
        return "failed";
    }
  }

  static std::string without_query(const std::string& url) { return url.substr(0, url.find('?')); }

  static Headers without_length(Headers headers) {
    Headers kept;
    for (auto& header : headers) {
      if (!detail::same_header_name(header.first, "Content-Length")) {
        kept.push_back(std::move(header));
      }
    }
    return kept;
  }

  // The answer the plugin gets instead of `answer` (meaningless for faults that do not deliver).
  static HttpResult spoil(Fault fault, const Request& request, Response answer) {
    const std::string where = without_query(request.url);
    switch (fault) {
      case Fault::refuse:
        return {CAISSE_STATUS_UNAVAILABLE,
                {},
                "http_send: connection refused by " + where +
                    " (conformance fault refuse: nothing was sent)"};
      case Fault::lose_answer:
        return {CAISSE_STATUS_UNKNOWN_OUTCOME,
                {},
                "http_send: no answer from " + where +
                    " before the deadline (conformance fault lose_answer: the request was "
                    "delivered)"};
      case Fault::html_page:
        return {CAISSE_STATUS_OK,
                {200,
                 {{"Content-Type", "text/html; charset=utf-8"}},
                 "<!DOCTYPE html>\n<html><head><title>Maintenance</title></head>\n<body><h1>"
                 "Service temporarily unavailable</h1><p>Please try again later.</p></body>"
                 "</html>\n"},
                {}};
      case Fault::truncated_json: {
        std::string body = answer.body.size() >= 2 ? answer.body.substr(0, answer.body.size() / 2)
                                                   : std::string("{\"id\":\"");
        return {CAISSE_STATUS_OK,
                {answer.status, without_length(std::move(answer.headers)), std::move(body)},
                {}};
      }
      case Fault::wrong_shape_json:
        return {CAISSE_STATUS_OK,
                {answer.status,
                 {{"Content-Type", "application/json"}},
                 "{\"unexpected\":[1,2,3],\"note\":\"valid JSON of another shape\"}"},
                {}};
      case Fault::empty_body:
        return {
            CAISSE_STATUS_OK, {answer.status, without_length(std::move(answer.headers)), {}}, {}};
      case Fault::server_error_after_delivery:
        return {CAISSE_STATUS_OK,
                {500, {{"Content-Type", "text/plain"}}, "Internal Server Error\n"},
                {}};
      case Fault::server_error_without_delivery:
        return {
            CAISSE_STATUS_OK,
            {503, {{"Content-Type", "text/plain"}, {"Retry-After", "30"}}, "Service Unavailable\n"},
            {}};
    }
    return {CAISSE_STATUS_UNKNOWN_OUTCOME, {}, "http_send: unknown fault"};
  }

  std::size_t probe() const { return probe_ ? probe_() : 0; }

  Backend backend_;
  std::function<std::size_t()> probe_;
  std::map<std::size_t, Fault> by_call_;
  std::map<std::size_t, Fault> by_commit_;
  std::optional<Fault> every_call_;
  std::size_t calls_ = 0;
  std::size_t commits_ = 0;
  std::size_t fired_ = 0;
  std::vector<Exchange> exchanges_;
  std::vector<std::string> backend_errors_;
};

}  // namespace caisse::testing
