#include "http/router.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <stdexcept>

#include "http/ascii_case.hpp"

namespace caisse::host::http {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// "/a/b" -> {"a", "b"}; "/" -> {""}. The leading '/' is expected and skipped.
std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  if (path.empty() || path.front() != '/') return parts;
  path.remove_prefix(1);
  while (true) {
    auto slash = path.find('/');
    parts.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return parts;
}

}  // namespace

std::optional<std::string_view> Request::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (iequals(key, name)) return std::string_view(value);
  }
  return std::nullopt;
}

Response json_error(unsigned status, std::string_view message) {
  Response r;
  r.status = status;
  boost::json::object body;
  body["error"] = boost::json::string_view(message.data(), message.size());
  r.body = boost::json::serialize(body);
  return r;
}

std::optional<std::string> percent_decode(std::string_view encoded) {
  std::string out;
  out.reserve(encoded.size());
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    char c = encoded[i];
    if (c != '%') {
      out.push_back(c);
      continue;
    }
    if (i + 2 >= encoded.size()) return std::nullopt;
    int high = hex_value(encoded[i + 1]);
    int low = hex_value(encoded[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    char decoded = static_cast<char>(high * 16 + low);
    if (decoded == '\0') return std::nullopt;
    out.push_back(decoded);
    i += 2;
  }
  return out;
}

void Router::add(std::string method, std::string pattern, Handler handler,
                 std::optional<std::size_t> max_body_bytes) {
  if (method.empty()) throw std::invalid_argument("route " + pattern + ": empty method");
  if (!handler) throw std::invalid_argument("route " + method + " " + pattern + ": no handler");
  if (pattern.empty() || pattern.front() != '/') {
    throw std::invalid_argument("route pattern '" + pattern + "' does not start with '/'");
  }
  Route route{std::move(method), pattern, {}, std::move(handler), max_body_bytes};
  for (std::string_view part : split_path(pattern)) {
    if (part.size() > 2 && part.front() == '{' && part.back() == '}') {
      std::string name(part.substr(1, part.size() - 2));
      if (name.find_first_of("{}") != std::string::npos) {
        throw std::invalid_argument("route pattern '" + pattern + "': bad parameter '" +
                                    std::string(part) + "'");
      }
      for (const auto& s : route.segments) {
        if (s.is_param && s.text == name) {
          throw std::invalid_argument("route pattern '" + pattern + "': parameter '" + name +
                                      "' appears twice");
        }
      }
      route.segments.push_back({std::move(name), true});
    } else if (part.find_first_of("{}") != std::string_view::npos) {
      throw std::invalid_argument("route pattern '" + pattern +
                                  "': a parameter must be a whole "
                                  "segment, like {name}");
    } else {
      route.segments.push_back({std::string(part), false});
    }
  }
  for (const auto& existing : routes_) {
    if (existing.method == route.method && existing.pattern == route.pattern) {
      throw std::invalid_argument("route " + route.method + " " + route.pattern + " added twice");
    }
  }
  routes_.push_back(std::move(route));
}

RouteMatch Router::match(std::string_view method, std::string_view path) const {
  RouteMatch result;
  auto raw_parts = split_path(path);
  std::vector<std::string> parts;
  parts.reserve(raw_parts.size());
  for (auto raw : raw_parts) {
    auto decoded = percent_decode(raw);
    if (!decoded) return result;  // undecodable: no route can match
    parts.push_back(std::move(*decoded));
  }

  const Route* best = nullptr;      // best route with this method
  const Route* best_any = nullptr;  // best route for this path, any method
  auto more_specific = [](const Route& a, const Route& b) {
    for (std::size_t i = 0; i < a.segments.size(); ++i) {
      if (a.segments[i].is_param != b.segments[i].is_param) return !a.segments[i].is_param;
    }
    return false;
  };
  for (const auto& route : routes_) {
    if (route.segments.size() != parts.size()) continue;
    bool matches = true;
    for (std::size_t i = 0; i < parts.size() && matches; ++i) {
      const auto& segment = route.segments[i];
      if (segment.is_param) {
        matches = !parts[i].empty();
      } else {
        matches = segment.text == parts[i];
      }
    }
    if (!matches) continue;
    if (std::find(result.allowed_methods.begin(), result.allowed_methods.end(), route.method) ==
        result.allowed_methods.end()) {
      result.allowed_methods.push_back(route.method);
    }
    if (best_any == nullptr || more_specific(route, *best_any)) best_any = &route;
    if (route.method == method && (best == nullptr || more_specific(route, *best))) best = &route;
  }
  std::sort(result.allowed_methods.begin(), result.allowed_methods.end());
  const Route* chosen = best != nullptr ? best : best_any;
  if (chosen == nullptr) return result;
  result.pattern = chosen->pattern;
  if (best == nullptr) return result;
  result.handler = &best->handler;
  result.max_body_bytes = best->max_body_bytes;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (best->segments[i].is_param) result.path_params[best->segments[i].text] = parts[i];
  }
  return result;
}

std::size_t Router::largest_route_body_limit() const {
  std::size_t largest = 0;
  for (const auto& route : routes_) largest = std::max(largest, route.max_body_bytes.value_or(0));
  return largest;
}

std::vector<RouteEntry> Router::routes() const {
  std::vector<RouteEntry> out;
  out.reserve(routes_.size());
  for (const auto& route : routes_) out.push_back({route.method, route.pattern});
  return out;
}

}  // namespace caisse::host::http
