// Requests, responses and the table that maps "METHOD /path/{param}" to a handler. The server
// (http_server.hpp) parses a request, asks the router for its handler and hands the handler a
// Responder; handlers never see Boost.Beast.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace caisse::host::http {

struct Request {
  std::string method;  // as sent: "GET", "POST"...
  std::string target;  // as sent: "/api/v1/plugins/caf%C3%A9?verbose=1"
  std::string path;    // percent-decoded, without the query: "/api/v1/plugins/café"
  std::string query;   // raw, without the '?': "verbose=1"
  std::vector<std::pair<std::string, std::string>> headers;  // in the order received
  // The body exactly as received (after chunked decoding): signature checks need these bytes.
  std::string body;
  std::map<std::string, std::string> path_params;  // "{name}" -> decoded segment
  std::string route;           // the pattern that matched, e.g. "/api/v1/plugins/{name}"
  std::string principal;       // the admin token's name, set by require_role
  std::string role;            // its role ("operator", "committee"...), set by require_role
  std::string remote_address;  // the peer's IP address, e.g. "127.0.0.1"
  unsigned version = 11;       // 10 for HTTP/1.0, 11 for HTTP/1.1

  // The first header with this name, compared case-insensitively. LIFETIME: the view is valid
  // while the request lives and its headers are not modified.
  std::optional<std::string_view> header(std::string_view name) const;
};

struct Response {
  unsigned status = 200;
  std::string content_type = "application/json";
  std::string body;
  // Extra headers. Content-Length, Transfer-Encoding and Connection are set by the server and
  // ignored here; a header whose name or value holds CR, LF or NUL is dropped (and logged).
  std::vector<std::pair<std::string, std::string>> headers;
};

// Hands the response back to the server. Call it exactly once, from any thread, now or later
// (a handler may post work to another thread and answer from there); the server moves the
// response onto the connection's own executor. A second call is ignored. A responder whose
// every copy is destroyed without being called answers 500. A handler that holds on to it
// without calling it is cut off after the server's write_timeout (503, then the connection
// closes). Calling it after the server has stopped does nothing.
using Responder = std::function<void(Response)>;

// Runs on one of the server's I/O threads: it must not block (post blocking work elsewhere).
// An exception escaping it is caught by the server, logged, and answered with 500.
using Handler = std::function<void(Request&&, Responder)>;

// {"error":"<message>"} with the given status, the message escaped as JSON.
Response json_error(unsigned status, std::string_view message);

// "%C3%A9" -> "é". nullopt when a '%' is not followed by two hex digits or decodes to NUL.
// '+' is left alone (it means a space only in form bodies and query strings).
std::optional<std::string> percent_decode(std::string_view encoded);

// What Router::match found for a method and a path.
struct RouteMatch {
  // The handler to run, or null when no route has this method for this path (or no route has
  // this path at all: then `pattern` is empty too).
  const Handler* handler = nullptr;
  std::string pattern;                             // the route's pattern; empty: unknown path
  std::map<std::string, std::string> path_params;  // decoded values of the pattern's {params}
  std::vector<std::string> allowed_methods;  // when the path is known: every method it has, sorted
  // The matched route's own body limit, when it was added with one (see Router::add).
  std::optional<std::size_t> max_body_bytes;
};

// One registered route, as Router::routes lists it.
struct RouteEntry {
  std::string method;   // "GET", "POST"...
  std::string pattern;  // "/api/v1/plugins/{name}"
};

// Patterns are absolute paths whose segments are literals or "{name}" (one whole segment, never
// empty). When several patterns match a path, the one with a literal where the other has a
// parameter, leftmost first, wins: "/plugins/reload" before "/plugins/{name}". Matching is
// exact: no trailing-slash folding, no case folding.
// Thread safety: add() while nothing serves; match() from any number of threads after that.
class Router {
 public:
  // Registers a handler. A malformed pattern or a repeated (method, pattern) is a programming
  // error: std::invalid_argument.
  // `max_body_bytes`, when set, replaces the server's limit for this route only: file imports
  // take files larger than any other request.
  void add(std::string method, std::string pattern, Handler handler,
           std::optional<std::size_t> max_body_bytes = std::nullopt);

  // `path` is the raw (percent-encoded) path of the target, without the query: segments are
  // split first and decoded afterwards, so an encoded '/' stays inside its segment.
  RouteMatch match(std::string_view method, std::string_view path) const;

  // The largest body limit a route was added with; 0 when none has one of its own.
  std::size_t largest_route_body_limit() const;

  // Every route, in the order added: what the daemon compares with its OpenAPI description.
  std::vector<RouteEntry> routes() const;

 private:
  struct Segment {
    std::string text;  // the literal, or the parameter's name
    bool is_param = false;
  };
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<Segment> segments;
    Handler handler;
    std::optional<std::size_t> max_body_bytes;
  };

  std::vector<Route> routes_;
};

}  // namespace caisse::host::http
