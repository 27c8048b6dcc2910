#include "helloasso_peer_server.hpp"

#include <boost/json.hpp>

#include <array>
#include <chrono>
#include <deque>
#include <mutex>
#include <random>
#include <stdexcept>

#include "http/http_server.hpp"
#include "peer_test_routes.hpp"

namespace caisse::testing::helloasso {
namespace {

namespace http = host::http;

constexpr std::array kFaultNames{std::pair{Fault::none, "none"},
                                 std::pair{Fault::error_500, "error_500"},
                                 std::pair{Fault::html_502, "html_502"},
                                 std::pair{Fault::truncated_json, "truncated_json"},
                                 std::pair{Fault::mistyped_field, "mistyped_field"},
                                 std::pair{Fault::unauthorized, "unauthorized"}};

http::Response text_answer(unsigned status, std::string content_type, std::string body) {
  http::Response out;
  out.status = status;
  out.content_type = std::move(content_type);
  out.body = std::move(body);
  return out;
}

// The answer with `field` of its object (or of its first data[] item) given the wrong JSON type:
// a string becomes a number, anything else a string.
http::Response mistype(http::Response real, const std::string& field) {
  boost::system::error_code ec;
  boost::json::value body = boost::json::parse(real.body, ec);
  if (ec || !body.is_object()) return real;
  boost::json::object* target = &body.get_object();
  if (auto* data = target->if_contains("data");
      data && data->is_array() && !data->get_array().empty() && data->get_array()[0].is_object()) {
    target = &data->get_array()[0].get_object();
  }
  boost::json::value& member = (*target)[field];
  member = member.is_string() ? boost::json::value(12345) : boost::json::value("12,345");
  real.body = boost::json::serialize(body);
  return real;
}

}  // namespace

std::string_view to_string(Fault fault) {
  for (const auto& [value, name] : kFaultNames) {
    if (value == fault) return name;
  }
  return "none";
}

std::optional<Fault> fault_from_string(std::string_view name) {
  for (const auto& [value, text] : kFaultNames) {
    if (name == text) return value;
  }
  return std::nullopt;
}

struct HelloAssoPeerServer::Impl {
  struct Scripted {
    Route route;
    Fault fault;
    std::size_t remaining;
    std::string field;
  };

  HelloAssoPeer& peer;
  std::unique_ptr<http::HttpServer> server;
  std::mutex mutex;
  std::deque<Scripted> scripted;
  unsigned percent = 0;
  std::mt19937_64 draws;
  std::vector<Fault> random;
  Route random_route = Route::any;
  std::size_t injected = 0;

  explicit Impl(HelloAssoPeer& p) : peer(p) {}

  // The fault for this request, and the field a mistyped_field changes.
  std::pair<Fault, std::string> pick(Route route) {
    std::lock_guard lock(mutex);
    for (auto it = scripted.begin(); it != scripted.end(); ++it) {
      if (it->route != Route::any && it->route != route) continue;
      std::pair<Fault, std::string> out{it->fault, it->field};
      if (--it->remaining == 0) scripted.erase(it);
      ++injected;
      return out;
    }
    if (percent == 0 || random.empty() || (random_route != Route::any && random_route != route)) {
      return {Fault::none, ""};
    }
    const std::uint64_t draw = draws();
    if (draw % 100 >= percent) return {Fault::none, ""};
    ++injected;
    return {random[(draw / 100) % random.size()], "state"};
  }

  http::Response answer(Route route, const http::Request& request) {
    const auto [fault, field] = pick(route);
    switch (fault) {
      case Fault::error_500:
        return text_answer(500, "text/plain", "An error has occurred.");
      case Fault::html_502:
        return text_answer(502, "text/html",
                           "<html><head><title>502 Bad Gateway</title></head><body>"
                           "<h1>502 Bad Gateway</h1></body></html>\n");
      case Fault::unauthorized: {
        http::Response out = text_answer(401, "", "");
        out.headers.emplace_back("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        return out;
      }
      case Fault::truncated_json: {
        http::Response real = peer.handle(route, request);
        real.body.resize(real.body.size() / 2);
        return real;
      }
      case Fault::mistyped_field:
        return mistype(peer.handle(route, request), field);
      case Fault::none:
        break;
    }
    return peer.handle(route, request);
  }
};

HelloAssoPeerServer::HelloAssoPeerServer(HelloAssoPeer& peer, HelloAssoPeerServerOptions options)
    : impl_(std::make_unique<Impl>(peer)) {
  auto router = std::make_shared<http::Router>();
  for (const auto& entry : HelloAssoPeer::routes()) {
    router->add(entry.method, entry.pattern,
                [impl = impl_.get(), route = entry.route](http::Request&& request,
                                                          http::Responder respond) {
                  respond(impl->answer(route, request));
                });
  }
  if (options.test_routes) add_test_routes(*router, peer);
  http::HttpServerOptions server_options;
  server_options.port = options.port;
  server_options.threads = 2;
  impl_->server = std::make_unique<http::HttpServer>(server_options, router, nullptr);
  if (auto started = impl_->server->start(); !started) {
    throw std::runtime_error("helloasso peer: " + started.error().message);
  }
}

HelloAssoPeerServer::~HelloAssoPeerServer() {
  stop();
}

std::uint16_t HelloAssoPeerServer::port() const {
  return impl_->server->port();
}

std::string HelloAssoPeerServer::url() const {
  return "http://127.0.0.1:" + std::to_string(port());
}

void HelloAssoPeerServer::stop() {
  impl_->server->stop(std::chrono::milliseconds(0));
}

void HelloAssoPeerServer::fail_next(Route route, Fault fault, std::size_t count,
                                    std::string field) {
  if (count == 0 || fault == Fault::none) return;
  std::lock_guard lock(impl_->mutex);
  impl_->scripted.push_back({route, fault, count, std::move(field)});
}

void HelloAssoPeerServer::random_faults(unsigned percent, std::uint64_t seed,
                                        std::vector<Fault> faults, Route route) {
  std::lock_guard lock(impl_->mutex);
  std::erase(faults, Fault::none);
  impl_->percent = std::min(percent, 100U);
  impl_->draws.seed(seed);
  impl_->random = std::move(faults);
  impl_->random_route = route;
}

std::size_t HelloAssoPeerServer::faults_injected() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->injected;
}

}  // namespace caisse::testing::helloasso
