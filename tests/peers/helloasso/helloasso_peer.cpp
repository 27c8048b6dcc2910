#include "helloasso_peer.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <filesystem>
#include <stdexcept>

#include "http/query_fields.hpp"
#include "iso_time.hpp"
#include "openapi_json.hpp"
#include "peer_json.hpp"

namespace caisse::testing::helloasso {
namespace {

namespace http = host::http;
using adapters::cyclos::parse_iso;

constexpr std::int64_t kMaxPageSize = 100;  // what HelloAsso documents for its listings

http::Response json_answer(unsigned status, const boost::json::value& body) {
  http::Response out;
  out.status = status;
  out.body = boost::json::serialize(body);
  return out;
}

// The spec's 401 and 403 carry no body; RFC 6750 adds the challenge header to a 401.
http::Response bare(unsigned status) {
  http::Response out;
  out.status = status;
  out.content_type.clear();
  if (status == 401) out.headers.emplace_back("WWW-Authenticate", "Bearer");
  return out;
}

// RFC 6749 §5.2: an error of the token endpoint.
http::Response oauth_error(std::string_view error, std::string_view description) {
  return json_answer(400, {{"error", error}, {"error_description", description}});
}

// A request the peer will not pretend to understand: the spec has no such answer, so it lands in
// spec_violations() and fails the test that caused it.
http::Response peer_refusal(unsigned status, std::string_view why) {
  return json_answer(status, {{"peer_error", why}});
}

std::optional<std::int64_t> positive(std::string_view text) {
  if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != text.npos) {
    return std::nullopt;
  }
  const std::int64_t value = std::stoll(std::string(text));
  return value > 0 ? std::optional(value) : std::nullopt;
}

std::string_view spec_path(std::string_view pattern) {
  return pattern.substr(pattern.rfind("/v5", 0) == 0 ? 3 : 0);
}

}  // namespace

// A continuation token resumes the listing it came from, and only that one.
struct HelloAssoPeer::Page {
  std::string query;  // from, to, sort order and page size of the listing
  std::size_t offset = 0;
  std::int64_t index = 1;
};

std::string_view to_string(Route route) {
  static constexpr std::array<std::pair<Route, std::string_view>, 5> names{
      {{Route::token, "token"},
       {Route::payment, "payment"},
       {Route::order, "order"},
       {Route::organization_payments, "organization_payments"},
       {Route::any, "any"}}};
  return std::find_if(names.begin(), names.end(), [&](const auto& n) { return n.first == route; })
      ->second;
}

HelloAssoPeer::HelloAssoPeer(HelloAssoPeerOptions options) : options_(std::move(options)) {
  if (!options_.spec_file.empty()) {
    auto loaded = spec::OpenApiJson::load(options_.spec_file);
    if (!loaded) throw std::runtime_error("helloasso peer: cannot read " + options_.spec_file);
    spec_ = std::make_unique<spec::OpenApiJson>(std::move(*loaded));
  }
}

HelloAssoPeer::~HelloAssoPeer() = default;

const std::vector<HelloAssoPeer::RouteEntry>& HelloAssoPeer::routes() {
  static const std::vector<RouteEntry> table{
      {Route::token, "POST", "/oauth2/token"},
      {Route::payment, "GET", "/v5/payments/{paymentId}"},
      {Route::order, "GET", "/v5/orders/{orderId}"},
      {Route::organization_payments, "GET", "/v5/organizations/{organizationSlug}/payments"},
  };
  return table;
}

std::int64_t HelloAssoPeer::now_ms() const {
  if (options_.now_ms) return options_.now_ms();
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

http::Response HelloAssoPeer::handle(Route route, const http::Request& request) {
  std::lock_guard lock(mutex_);
  ++requests_[route];
  http::Response answer = dispatch(route, request);
  // The token endpoint is OAuth2's (RFC 6749), outside the spec's paths. A 404 for an unknown
  // payment or order is what HelloAsso answers although the spec does not list it.
  const bool undocumented_404 = answer.status == 404 && route != Route::organization_payments;
  if (spec_ && route != Route::token && !undocumented_404) {
    const auto& entry = *std::find_if(routes().begin(), routes().end(),
                                      [&](const RouteEntry& e) { return e.route == route; });
    std::string method = entry.method;
    std::transform(method.begin(), method.end(), method.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (auto& problem : spec_->check_answer(spec_path(entry.pattern), method,
                                             std::to_string(answer.status), answer.body)) {
      violations_.push_back(std::move(problem));
    }
  }
  return answer;
}

http::Response HelloAssoPeer::dispatch(Route route, const http::Request& request) {
  if (route == Route::token) return token(request);
  if (!authorized(request)) return bare(401);
  if (route == Route::payment) return payment(request);
  if (route == Route::order) return order(request);
  return organization_payments(request);
}

bool HelloAssoPeer::authorized(const http::Request& request) const {
  const auto header = request.header("Authorization");
  constexpr std::string_view scheme = "Bearer ";
  if (!header || header->substr(0, scheme.size()) != scheme) return false;
  const auto found = tokens_.find(std::string(header->substr(scheme.size())));
  return found != tokens_.end() && now_ms() < found->second;
}

http::Response HelloAssoPeer::token(const http::Request& request) {
  const auto type = request.header("Content-Type");
  if (!type || type->substr(0, 33) != "application/x-www-form-urlencoded") {
    return oauth_error("invalid_request", "the body must be application/x-www-form-urlencoded");
  }
  auto fields = http::query_fields(request.body);
  if (!fields) return oauth_error("invalid_request", fields.error().message);
  std::map<std::string, std::string> form(fields->begin(), fields->end());
  if (form["grant_type"] != "client_credentials") {
    return oauth_error("unsupported_grant_type", "this peer grants client_credentials only");
  }
  if (form["client_id"] != options_.client_id || form["client_secret"] != options_.client_secret) {
    return oauth_error("invalid_client", "unknown client or wrong secret");
  }
  ++tokens_issued_;
  const std::string access =
      "ha-access-" + std::to_string(tokens_issued_) + "-" + std::to_string(now_ms() % 1000003);
  tokens_[access] = now_ms() + options_.token_lifetime_seconds * 1000;
  http::Response out =
      json_answer(200, {{"access_token", access},
                        {"token_type", "bearer"},
                        {"expires_in", options_.token_lifetime_seconds},
                        {"refresh_token", "ha-refresh-" + std::to_string(tokens_issued_)}});
  out.headers.emplace_back("Cache-Control", "no-store");
  return out;
}

http::Response HelloAssoPeer::payment(const http::Request& request) const {
  auto fields = http::query_fields(request.query);
  if (!fields) return peer_refusal(400, fields.error().message);
  for (const auto& [name, value] : *fields) {
    if (name != "withFailedRefundOperation" || (value != "true" && value != "false")) {
      return peer_refusal(400, "unexpected query parameter " + name);
    }
  }
  const auto id = positive(request.path_params.at("paymentId"));
  const auto found = id ? payments_.find(*id) : payments_.end();
  if (found == payments_.end()) return bare(404);
  return json_answer(200, payment_json(found->second, options_.organization_slug));
}

http::Response HelloAssoPeer::order(const http::Request& request) const {
  if (!request.query.empty() && request.query != "withFormData=false") {
    return peer_refusal(400, "unexpected query " + request.query);
  }
  const auto id = positive(request.path_params.at("orderId"));
  std::vector<const PeerPayment*> of_order;
  for (const auto& [payment_id, payment] : payments_) {
    if (id && payment.order_id == *id) of_order.push_back(&payment);
  }
  if (of_order.empty()) return bare(404);
  return json_answer(200, order_json(of_order, options_.organization_slug));
}

http::Response HelloAssoPeer::organization_payments(const http::Request& request) {
  if (request.path_params.at("organizationSlug") != options_.organization_slug) return bare(403);
  auto fields = http::query_fields(request.query);
  if (!fields) return peer_refusal(400, fields.error().message);
  std::optional<std::int64_t> from;
  std::optional<std::int64_t> to;
  std::int64_t page_size = 20;
  std::int64_t page_index = 1;
  std::string continuation;
  std::string order = "Desc";
  for (const auto& [name, value] : *fields) {
    if (name == "from" || name == "to") {
      const auto at = parse_iso(value);
      if (!at) return peer_refusal(400, name + " is not a date-time: " + value);
      (name == "from" ? from : to) = at;
    } else if (name == "pageSize" || name == "pageIndex") {
      const auto number = positive(value);
      if (!number || (name == "pageSize" && *number > kMaxPageSize)) {
        return peer_refusal(400, name + " out of range: " + value);
      }
      (name == "pageSize" ? page_size : page_index) = *number;
    } else if (name == "continuationToken") {
      continuation = value;
    } else if (name == "sortOrder" && (value == "Asc" || value == "Desc")) {
      order = value;
    } else if (name == "sortField" && value == "Date") {
      // the default order
    } else {
      return peer_refusal(name == "states" || name == "userSearchKey" ? 501 : 400,
                          "query parameter not emulated: " + name + "=" + value);
    }
  }
  std::vector<std::pair<std::int64_t, const PeerPayment*>> listed;
  for (const auto& [id, payment] : payments_) {
    const std::int64_t at = *parse_iso(payment.date);
    if ((!from || at >= *from) && (!to || at < *to)) listed.emplace_back(at, &payment);
  }
  std::sort(listed.begin(), listed.end(), [&](const auto& a, const auto& b) {
    const auto key_a = std::pair(a.first, a.second->id);
    const auto key_b = std::pair(b.first, b.second->id);
    return order == "Asc" ? key_a < key_b : key_b < key_a;
  });
  const std::string query = std::to_string(from.value_or(-1)) + "/" +
                            std::to_string(to.value_or(-1)) + "/" + order + "/" +
                            std::to_string(page_size);
  Page page{query, static_cast<std::size_t>((page_index - 1) * page_size), page_index};
  if (!continuation.empty()) {
    const auto resumed = continuations_.find(continuation);
    if (resumed == continuations_.end() || resumed->second->query != query) {
      return peer_refusal(400, "continuationToken of another listing: " + continuation);
    }
    page = *resumed->second;
  }
  boost::json::array data;
  for (std::size_t i = page.offset;
       i < listed.size() && data.size() < static_cast<std::size_t>(page_size); ++i) {
    data.push_back(payment_json(*listed[i].second, options_.organization_slug));
  }
  // Like HelloAsso, every page carries a token, the last one too: it resumes on an empty page.
  const std::string next = "ct-" + std::to_string(continuations_.size() + 1);
  continuations_[next] =
      std::make_shared<Page>(Page{query, page.offset + data.size(), page.index + 1});
  const auto total = static_cast<std::int64_t>(listed.size());
  boost::json::object pagination{{"pageSize", page_size},
                                 {"totalCount", total},
                                 {"pageIndex", page.index},
                                 {"totalPages", (total + page_size - 1) / page_size},
                                 {"continuationToken", next}};
  return json_answer(200, {{"data", std::move(data)}, {"pagination", std::move(pagination)}});
}

std::int64_t HelloAssoPeer::add_payment(PeerPayment payment) {
  if (!parse_iso(payment.date)) {
    throw std::invalid_argument("helloasso peer: payment date is not ISO: " + payment.date);
  }
  std::lock_guard lock(mutex_);
  if (payment.id == 0) payment.id = next_payment_id_++;
  if (payment.order_id == 0) payment.order_id = next_order_id_++;
  const std::int64_t id = payment.id;
  payments_[id] = std::move(payment);
  return id;
}

bool HelloAssoPeer::set_state(std::int64_t payment_id, std::string_view state) {
  std::lock_guard lock(mutex_);
  const auto found = payments_.find(payment_id);
  if (found == payments_.end()) return false;
  found->second.state = std::string(state);
  return true;
}

void HelloAssoPeer::revoke_tokens() {
  std::lock_guard lock(mutex_);
  tokens_.clear();
}

std::string HelloAssoPeer::notification(std::int64_t payment_id, std::string_view state) const {
  std::lock_guard lock(mutex_);
  PeerPayment payment = payments_.at(payment_id);
  if (!state.empty()) payment.state = std::string(state);
  return boost::json::serialize(notification_json(payment, options_.organization_slug));
}

std::size_t HelloAssoPeer::requests(Route route) const {
  std::lock_guard lock(mutex_);
  if (route != Route::any) {
    const auto found = requests_.find(route);
    return found == requests_.end() ? 0 : found->second;
  }
  std::size_t total = 0;
  for (const auto& [kind, count] : requests_) total += count;
  return total;
}

std::size_t HelloAssoPeer::tokens_issued() const {
  std::lock_guard lock(mutex_);
  return tokens_issued_;
}

std::string HelloAssoPeer::spec_file_if_present(const std::string& path) {
  std::error_code ec;
  return std::filesystem::exists(path, ec) ? path : std::string();
}

bool HelloAssoPeer::spec_checked() const {
  return spec_ != nullptr;
}

std::vector<std::string> HelloAssoPeer::spec_violations() const {
  std::lock_guard lock(mutex_);
  return violations_;
}

}  // namespace caisse::testing::helloasso
