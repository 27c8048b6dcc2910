// The Cyclos 4.16 emulator. Each handler names the spec operation it follows; the spec's JSON
// shapes are built here with Boost.JSON objects, keys in the order the spec lists them. Where
// the spec leaves a choice open, the comment says which one is made (README.md lists them all).
#include "cyclos_peer.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <variant>

#include <boost/json.hpp>

#include "peer_text.hpp"

namespace caisse::testing::cyclos {

namespace json = boost::json;
using detail::AmountProblem;
using detail::QueryValues;

namespace {

// ---------------------------------------------------------------------------------------------
// Vocabulary from the spec

// UserStatusEnum
constexpr std::array<std::string_view, 6> kUserStatuses{"active",  "blocked", "disabled",
                                                        "pending", "purged",  "removed"};
// TransferKind
constexpr std::array<std::string_view, 8> kTransferKinds{
    "accountFee",    "balanceDisposal", "chargeback", "import",
    "initialCredit", "installment",     "payment",    "transferFee"};
// TransOrderByEnum
constexpr std::array<std::string_view, 4> kTransOrderBy{"amountAsc", "amountDesc", "dateAsc",
                                                        "dateDesc"};
// Second path segments of /users/... that are other spec operations, not a {user}.
constexpr std::array<std::string_view, 6> kUsersReserved{
    "data-for-search", "data-for-new", "export", "validate", "groups-for-registration", "map"};
// Every property of UserNew (and its parents UserManage, BasicUserManage).
constexpr std::array<std::string_view, 25> kUserNewProperties{"name",
                                                              "username",
                                                              "email",
                                                              "customValues",
                                                              "hiddenFields",
                                                              "group",
                                                              "broker",
                                                              "mobilePhones",
                                                              "landLinePhones",
                                                              "passwords",
                                                              "skipActivationEmail",
                                                              "identityProviderRequestId",
                                                              "addresses",
                                                              "contactInfos",
                                                              "images",
                                                              "captcha",
                                                              "acceptAgreement",
                                                              "acceptAgreements",
                                                              "asMember",
                                                              "securityQuestion",
                                                              "securityAnswer",
                                                              "nfcToken",
                                                              "inviteToken",
                                                              "externalPaymentToken",
                                                              "userAgentId"};
// Every property of PerformPayment (and PerformInternalTransaction, PerformTransaction,
// PerformBaseTransaction).
constexpr std::array<std::string_view, 16> kPerformPaymentProperties{"amount",
                                                                     "description",
                                                                     "currency",
                                                                     "type",
                                                                     "customValues",
                                                                     "subject",
                                                                     "fromName",
                                                                     "toName",
                                                                     "installmentsCount",
                                                                     "firstInstallmentDate",
                                                                     "installments",
                                                                     "occurrencesCount",
                                                                     "firstOccurrenceDate",
                                                                     "occurrenceInterval",
                                                                     "nfcChallence",
                                                                     "scheduling"};

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& set, std::string_view value) {
  return std::find(set.begin(), set.end(), value) != set.end();
}

std::string qualifier(const std::string& qualified) {
  auto dot = qualified.find('.');
  return dot == std::string::npos ? qualified : qualified.substr(0, dot);
}

std::string unqualified(const std::string& qualified) {
  auto dot = qualified.find('.');
  return dot == std::string::npos ? qualified : qualified.substr(dot + 1);
}

// Stable numeric ids: Cyclos ids are opaque numbers; named entities get one from their name,
// users and transactions one from a fixed sequence, so runs are repeatable.
std::string stable_id(std::string_view name) {
  std::uint64_t hash = 1469598103934665603ULL;  // FNV-1a
  for (char c : name) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return std::to_string(hash >> 1);
}

std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

bool all_digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// ---------------------------------------------------------------------------------------------
// Responses

PeerResponse json_response(unsigned status, const json::value& body) {
  PeerResponse out;
  out.status = status;
  out.headers.emplace_back("Content-Type", "application/json");
  out.body = json::serialize(body);
  return out;
}

PeerResponse no_content() {
  PeerResponse out;
  out.status = 204;
  return out;
}

// NotFoundError. Unknown locations answer an empty object (no entityType), which cyclos4-ui
// reads as "location not found"; missing entities name their type ("User", which the UI tests
// with endsWith('User')) and the key used.
PeerResponse not_found(std::string_view entity_type = {}, std::string_view key = {}) {
  json::object body;
  if (!entity_type.empty()) body["entityType"] = entity_type;
  if (!key.empty()) body["key"] = key;
  return json_response(404, body);
}

// UnauthorizedError with a code from UnauthorizedErrorCode.
PeerResponse unauthorized(std::string_view code) {
  json::object body;
  body["code"] = code;
  if (code == "invalidAccessToken") body["error"] = "invalid_token";
  return json_response(401, body);
}

// InputError, code dataConversion ("Some data conversion has failed"): the spec's answer for a
// body that is not JSON, a value of the wrong JSON type, an enum value outside its list, a
// parameter that is not an integer or a date. The spec documents no 400 for these operations
// (only the OpenID endpoints have one), so 422 it is.
PeerResponse data_conversion(std::string_view value = {}) {
  json::object body;
  if (!value.empty()) body["value"] = value;
  body["code"] = "dataConversion";
  return json_response(422, body);
}

// Error (HTTP 500) for what this peer does not emulate: loud, never a silent success.
PeerResponse not_emulated(std::string_view what) {
  json::object body;
  body["exceptionType"] = "PeerNotEmulated";
  body["exceptionMessage"] =
      std::string("the Cyclos test peer does not emulate ") + std::string(what);
  body["kind"] = "general";
  return json_response(500, body);
}

// InputError, code validation: errors by property, by custom field, and general ones, with the
// `properties` / `customFields` arrays giving the order.
class Validation {
 public:
  void property(const std::string& name, const std::string& message) {
    if (!property_errors_.contains(name)) properties_.emplace_back(name);
    property_errors_[name].emplace_back(message);
  }
  void custom_field(const std::string& name, const std::string& message) {
    if (!custom_field_errors_.contains(name)) custom_fields_.emplace_back(name);
    custom_field_errors_[name].emplace_back(message);
  }
  void general(const std::string& message) { general_.emplace_back(message); }
  bool empty() const { return properties_.empty() && custom_fields_.empty() && general_.empty(); }

  PeerResponse response() const {
    json::object body;
    if (!general_.empty()) body["generalErrors"] = json::value_from(general_);
    if (!properties_.empty()) {
      body["properties"] = json::value_from(properties_);
      json::object errors;
      for (const auto& name : properties_)
        errors[name] = json::value_from(property_errors_.at(name));
      body["propertyErrors"] = std::move(errors);
    }
    if (!custom_fields_.empty()) {
      body["customFields"] = json::value_from(custom_fields_);
      json::object errors;
      for (const auto& name : custom_fields_) {
        errors[name] = json::value_from(custom_field_errors_.at(name));
      }
      body["customFieldErrors"] = std::move(errors);
    }
    body["code"] = "validation";
    return json_response(422, body);
  }

 private:
  std::vector<std::string> properties_;
  std::map<std::string, std::vector<std::string>> property_errors_;
  std::vector<std::string> custom_fields_;
  std::map<std::string, std::vector<std::string>> custom_field_errors_;
  std::vector<std::string> general_;
};

// ---------------------------------------------------------------------------------------------
// Query parameters

// A request's query, with the parameters the operation accepts. Array parameters accept both the
// comma-separated form the spec describes and repeated parameters (OpenAPI's default form).
class Query {
 public:
  Query(QueryValues values) : values_(std::move(values)) {}  // NOLINT: implicit

  // The first parameter not in `allowed`, if any.
  std::optional<std::string> unexpected(std::initializer_list<std::string_view> allowed) const {
    for (const auto& [name, ignored] : values_) {
      if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) return name;
    }
    return std::nullopt;
  }
  bool has(std::string_view name) const { return values_.find(name) != values_.end(); }
  std::optional<std::string> scalar(std::string_view name) const {
    auto it = values_.find(name);
    if (it == values_.end() || it->second.empty()) return std::nullopt;
    return it->second.front();
  }
  // All occurrences joined with ',' and split again; {} when absent.
  std::vector<std::string> list(std::string_view name) const {
    auto it = values_.find(name);
    if (it == values_.end()) return {};
    std::string joined;
    for (std::size_t i = 0; i < it->second.size(); ++i) {
      if (i > 0) joined += ',';
      joined += it->second[i];
    }
    return detail::split(joined, ',');
  }
  // Non-empty elements of list().
  std::vector<std::string> items(std::string_view name) const {
    std::vector<std::string> out;
    for (auto& item : list(name)) {
      if (!item.empty()) out.emplace_back(std::move(item));
    }
    return out;
  }

 private:
  QueryValues values_;
};

// An integer parameter, its default when absent; a PeerResponse when it is not an integer.
std::variant<std::int64_t, PeerResponse> integer_param(const Query& query, std::string_view name,
                                                       std::int64_t fallback) {
  auto text = query.scalar(name);
  if (!text || text->empty()) return fallback;
  std::string_view digits = *text;
  bool negative = !digits.empty() && digits.front() == '-';
  if (negative) digits.remove_prefix(1);
  if (!all_digits(digits) || digits.size() > 9) return data_conversion(*text);
  std::int64_t value = std::stoll(std::string(digits));
  return negative ? -value : value;
}

std::variant<bool, PeerResponse> boolean_param(const Query& query, std::string_view name) {
  auto text = query.scalar(name);
  if (!text || text->empty()) return false;
  if (*text == "true") return true;
  if (*text == "false") return false;
  return data_conversion(*text);
}

struct Paging {
  std::int64_t page = 0;
  std::int64_t page_size = 40;
  bool skip_total_count = false;
};

std::variant<Paging, PeerResponse> paging_params(const Query& query, const CyclosPeerOptions& o) {
  Paging out;
  auto page = integer_param(query, "page", 0);
  if (auto* error = std::get_if<PeerResponse>(&page)) return *error;
  auto size = integer_param(query, "pageSize", o.default_page_size);
  if (auto* error = std::get_if<PeerResponse>(&size)) return *error;
  auto skip = boolean_param(query, "skipTotalCount");
  if (auto* error = std::get_if<PeerResponse>(&skip)) return *error;
  out.page = std::get<std::int64_t>(page);
  out.page_size = std::get<std::int64_t>(size);
  out.skip_total_count = std::get<bool>(skip);
  Validation v;
  if (out.page < 0) v.property("page", "The page must be zero or positive");
  if (out.page_size < 1) v.property("pageSize", "The page size must be positive");
  if (!v.empty()) return v.response();
  out.page_size = std::min<std::int64_t>(out.page_size, o.max_page_size);
  return out;
}

// One page of `all` with the spec's paging headers (X-Total-Count unless skipTotalCount).
template <class T, class ToJson>
PeerResponse page_response(const std::vector<T>& all, const Paging& paging, ToJson to_json) {
  json::array items;
  auto first = static_cast<std::size_t>(paging.page * paging.page_size);
  for (std::size_t i = first;
       i < all.size() && i < first + static_cast<std::size_t>(paging.page_size); ++i) {
    items.emplace_back(to_json(all[i]));
  }
  PeerResponse out = json_response(200, items);
  bool has_next = first + static_cast<std::size_t>(paging.page_size) < all.size();
  if (!paging.skip_total_count)
    out.headers.emplace_back("X-Total-Count", std::to_string(all.size()));
  out.headers.emplace_back("X-Page-Size", std::to_string(paging.page_size));
  out.headers.emplace_back("X-Current-Page", std::to_string(paging.page));
  out.headers.emplace_back("X-Has-Next-Page", has_next ? "true" : "false");
  return out;
}

// ---------------------------------------------------------------------------------------------
// Bodies

// The request body as a JSON object, or the 422 dataConversion Cyclos answers for anything else.
std::variant<detail::JsonBody, PeerResponse> object_body(const std::string& text) {
  auto body = detail::parse_json_body(text);
  if (!body || !body->value.is_object()) return data_conversion();
  return std::move(*body);
}

// Unknown properties are refused (Validation, one error per property): stricter than a lenient
// JSON binder, so that a misspelt "custumValues" fails here instead of silently losing data.
template <std::size_t N>
void refuse_unknown_properties(const json::object& body,
                               const std::array<std::string_view, N>& known, Validation& v) {
  for (const auto& [key, ignored] : body) {
    if (!one_of(known, key)) v.property(std::string(key), "Unknown property");
  }
}

// A string property: nullopt when absent or null; a PeerResponse when it is not a string.
std::variant<std::optional<std::string>, PeerResponse> string_property(const json::object& body,
                                                                       std::string_view name) {
  auto it = body.find(name);
  if (it == body.end() || it->value().is_null()) return std::optional<std::string>{};
  if (!it->value().is_string()) return data_conversion(json::serialize(it->value()));
  return std::optional<std::string>{std::string(it->value().as_string())};
}

// customValues: an object of strings (BasicUserManage / PerformBaseTransaction).
std::variant<std::map<std::string, std::string>, PeerResponse> custom_values_property(
    const json::object& body) {
  std::map<std::string, std::string> out;
  auto it = body.find("customValues");
  if (it == body.end() || it->value().is_null()) return out;
  if (!it->value().is_object()) return data_conversion(json::serialize(it->value()));
  for (const auto& [key, value] : it->value().as_object()) {
    if (!value.is_string()) return data_conversion(json::serialize(value));
    out[std::string(key)] = std::string(value.as_string());
  }
  return out;
}

struct StatusLog {
  std::string status;
  std::int64_t begin = 0;
  std::optional<std::int64_t> end;
  std::string comment;
};

struct GroupLog {
  std::string group;
  std::int64_t begin = 0;
  std::optional<std::int64_t> end;
  std::string comment;
};

struct UserRow {
  PeerUser user;
  std::string account_id;
  std::string account_number;
  std::int64_t balance_minor = 0;
  std::vector<StatusLog> status_history;  // oldest first
  std::vector<GroupLog> group_history;    // oldest first
};

}  // namespace

// ---------------------------------------------------------------------------------------------

std::string_view to_string(RouteKind kind) {
  switch (kind) {
    case RouteKind::any:
      return "any";
    case RouteKind::search_users:
      return "search_users";
    case RouteKind::view_user:
      return "view_user";
    case RouteKind::create_user:
      return "create_user";
    case RouteKind::perform_payment:
      return "perform_payment";
    case RouteKind::search_transfers:
      return "search_transfers";
    case RouteKind::get_user_status:
      return "get_user_status";
    case RouteKind::change_user_status:
      return "change_user_status";
    case RouteKind::get_group_membership:
      return "get_group_membership";
    case RouteKind::change_group_membership:
      return "change_group_membership";
    case RouteKind::other:
      return "other";
  }
  return "other";
}

std::optional<RouteKind> route_kind_from_string(std::string_view name) {
  for (int i = 0; i <= static_cast<int>(RouteKind::other); ++i) {
    auto kind = static_cast<RouteKind>(i);
    if (to_string(kind) == name) return kind;
  }
  return std::nullopt;
}

std::string PeerResponse::header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (detail::iequals(key, name)) return value;
  }
  return {};
}

struct CyclosPeer::State {
  explicit State(CyclosPeerOptions o)
      : options(std::move(o)), system_balance(options.system_balance_minor) {
    system_account_type = qualifier(options.system_payment_type);
    user_account_type = qualifier(options.purchase_payment_type);
  }

  CyclosPeerOptions options;
  std::string system_account_type;
  std::string user_account_type;

  mutable std::mutex mutex;
  std::vector<UserRow> users;
  std::vector<Transfer> transfers;
  std::int64_t system_balance;
  std::uint64_t id_state = 0x5EED'C1C1'05ULL;
  std::uint64_t transaction_counter = 0;
  std::function<std::int64_t()> clock;
  std::optional<std::int64_t> frozen_now;
  std::map<RouteKind, std::size_t> counts;

  // --- helpers, called with `mutex` held

  std::int64_t now() const {
    if (frozen_now) return *frozen_now;
    if (clock) return clock();
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }

  std::string next_id() { return std::to_string(splitmix64(id_state) >> 1); }

  const std::string* find_group(std::string_view reference) const {
    for (const auto& group : options.user_groups) {
      if (group == reference || stable_id("group:" + group) == reference) return &group;
    }
    return nullptr;
  }

  bool is_household_field(std::string_view reference) const {
    return reference == options.household_field ||
           reference == stable_id("field:" + options.household_field);
  }
  bool is_operation_field(std::string_view reference) const {
    return reference == options.operation_field ||
           reference == stable_id("field:" + options.operation_field);
  }

  // A user locator as the spec's `user` parameter describes it: a numeric value is always an id,
  // a value starting with ' is a principal (here: the login name), anything else a login name.
  // 'self' is the authenticated administrator, who is no user here, so it is not found.
  UserRow* locate(std::string_view locator) {
    if (locator.empty()) return nullptr;
    bool principal_only = locator.front() == '\'';
    if (principal_only) locator.remove_prefix(1);
    bool numeric = !principal_only && all_digits(locator);
    for (auto& row : users) {
      if (numeric ? row.user.id == locator : row.user.username == locator) return &row;
    }
    return nullptr;
  }
  UserRow* by_id(std::string_view id) {
    for (auto& row : users) {
      if (row.user.id == id) return &row;
    }
    return nullptr;
  }
  const UserRow* by_id(std::string_view id) const {
    for (const auto& row : users) {
      if (row.user.id == id) return &row;
    }
    return nullptr;
  }
  const UserRow* household_holder(std::string_view household) const {
    for (const auto& row : users) {
      if (!household.empty() && row.user.household == household) return &row;
    }
    return nullptr;
  }

  UserRow& create_user(const std::string& name, const std::string& username,
                       const std::string& email, const std::string& group,
                       const std::string& household) {
    UserRow row;
    row.user.id = next_id();
    row.user.name = name;
    row.user.username = username;
    row.user.email = email;
    row.user.group = group;
    row.user.status = "active";
    row.user.household = household;
    std::int64_t at = now();
    row.user.registration_date = detail::format_instant(at);
    row.account_id = next_id();
    row.account_number = std::to_string(users.size() + 100000001);
    row.status_history.push_back(StatusLog{"active", at, std::nullopt, {}});
    row.group_history.push_back(GroupLog{group, at, std::nullopt, {}});
    users.push_back(std::move(row));
    return users.back();
  }

  Transfer& commit(std::int64_t at, std::int64_t amount_minor, const std::string& type,
                   const std::string& from_user_id, const std::string& to_user_id,
                   const std::string& description,
                   const std::map<std::string, std::string>& custom_values) {
    Transfer t;
    t.transaction_id = next_id();
    t.id = next_id();
    std::string digits = std::to_string(++transaction_counter);
    t.transaction_number = options.currency_code +
                           std::string(digits.size() < 8 ? 8 - digits.size() : 0, '0') + digits;
    t.date_epoch_ms = at;
    t.date = detail::format_instant(at);
    t.amount_minor = amount_minor;
    t.kind = "payment";
    t.type = type;
    t.from_user_id = from_user_id;
    t.to_user_id = to_user_id;
    t.description = description;
    t.custom_values = custom_values;
    if (from_user_id.empty()) {
      system_balance -= amount_minor;
    } else if (auto* from = by_id(from_user_id)) {
      from->balance_minor -= amount_minor;
    }
    if (auto* to = by_id(to_user_id)) to->balance_minor += amount_minor;
    transfers.push_back(std::move(t));
    return transfers.back();
  }

  // --- JSON shapes

  json::object reference(const std::string& kind, const std::string& internal_name) const {
    // EntityReference: id, name, internalName.
    return json::object{{"id", stable_id(kind + ":" + internal_name)},
                        {"name", internal_name},
                        {"internalName", internal_name}};
  }

  // The transfer type reference of TransResult.type. internalName is the payment type's own
  // internal name ("toUser"); the qualified "debit.toUser" is what requests send (interpretation:
  // the spec only says qualified names are accepted as input).
  json::object type_reference(const std::string& qualified) const {
    return json::object{{"id", stable_id("type:" + qualified)},
                        {"name", unqualified(qualified)},
                        {"internalName", unqualified(qualified)}};
  }

  json::object currency() const {
    // Currency: id, name, internalName, symbol, decimalDigits.
    return json::object{{"id", stable_id("currency:" + options.currency_code)},
                        {"name", options.currency_code},
                        {"internalName", options.currency_code},
                        {"symbol", options.currency_code},
                        {"decimalDigits", options.decimal_digits}};
  }

  // User (the base of UserResult / UserView): id and display.
  json::object user_ref(const PeerUser& user) const {
    return json::object{{"id", user.id}, {"display", user.name}};
  }

  // AccountWithOwner: id, number, type, then kind, and user when kind is user.
  json::object account(const std::string& user_id) const {
    if (user_id.empty()) {
      return json::object{{"id", stable_id("account:system:" + system_account_type)},
                          {"type", reference("accountType", system_account_type)},
                          {"kind", "system"}};
    }
    const UserRow* row = by_id(user_id);
    json::object out;
    out["id"] = row != nullptr ? row->account_id : std::string();
    if (row != nullptr) out["number"] = row->account_number;
    out["type"] = reference("accountType", user_account_type);
    out["kind"] = "user";
    if (row != nullptr) out["user"] = user_ref(row->user);
    return out;
  }

  // The Trans fields both shapes share; `id` is the transaction's or the transfer's.
  json::object trans_json(const Transfer& t, const std::string& id) const {
    json::object out;
    out["id"] = id;
    out["transactionNumber"] = t.transaction_number;
    out["date"] = t.date;
    out["amount"] = detail::format_amount(t.amount_minor, options.decimal_digits);
    out["from"] = account(t.from_user_id);
    out["to"] = account(t.to_user_id);
    out["type"] = type_reference(t.type);
    out["currency"] = currency();
    return out;
  }

  // Transaction (performPayment's 201): Trans fields then Transaction's own. Transaction has no
  // customValues in the spec (only TransResult / TransferResult do), so none are answered.
  json::object transaction_json(const Transfer& t) const {
    json::object out = trans_json(t, t.transaction_id);
    if (!t.description.empty()) out["description"] = t.description;
    out["kind"] = "payment";
    out["creationType"] = "direct";
    return out;
  }

  // TransferResult: Trans fields, Transfer's kind, then customValues keyed by internal name.
  // TransferResult has no description in the spec, so none is answered.
  json::object transfer_json(const Transfer& t) const {
    json::object out = trans_json(t, t.id);
    out["kind"] = t.kind;
    json::object values;
    for (const auto& [key, value] : t.custom_values) values[key] = value;
    out["customValues"] = std::move(values);
    return out;
  }

  json::object group_json(const std::string& group) const {
    // Group: id, name, internalName, kind.
    json::object out = reference("group", group);
    out["kind"] = "memberGroup";
    return out;
  }

  json::object custom_field_json(const std::string& field, std::string_view kind) const {
    // CustomField: id, name, internalName, type, kind.
    return json::object{{"id", stable_id("field:" + field)},
                        {"name", field},
                        {"internalName", field},
                        {"type", "string"},
                        {"kind", kind}};
  }

  json::object period_json(std::int64_t begin, std::optional<std::int64_t> end) const {
    json::object out{{"begin", detail::format_instant(begin)}};
    if (end) out["end"] = detail::format_instant(*end);
    return out;
  }

  std::vector<std::string> possible_new_statuses(const std::string& current) const {
    // `pending` is never set by changeUserStatus; removed and purged are terminal.
    if (current == "removed" || current == "purged") return {};
    std::vector<std::string> out;
    for (auto status : {"active", "blocked", "disabled", "removed", "purged"}) {
      if (current != status) out.emplace_back(status);
    }
    return out;
  }

  // --- operations

  std::optional<PeerResponse> authenticate(const PeerRequest& request) const;
  PeerResponse search_users(const Query& query);
  PeerResponse view_user(const std::string& locator, const Query& query);
  PeerResponse create_user(const PeerRequest& request, const Query& query);
  PeerResponse perform_payment(const PeerRequest& request, const Query& query);
  PeerResponse search_transfers(const Query& query);
  PeerResponse get_user_status(const std::string& locator, const Query& query);
  PeerResponse change_user_status(const std::string& locator, const PeerRequest& request,
                                  const Query& query);
  PeerResponse get_group_membership(const std::string& locator, const Query& query);
  PeerResponse change_group_membership(const std::string& locator, const PeerRequest& request,
                                       const Query& query);
};

namespace {

const std::string* find_header(const PeerRequest& request, std::string_view name) {
  for (const auto& [key, value] : request.headers) {
    if (detail::iequals(key, name)) return &value;
  }
  return nullptr;
}

// The path split into percent-decoded segments, and the raw query.
struct Target {
  std::vector<std::string> segments;
  std::string query;
  bool ok = true;
};

Target split_target(std::string_view target) {
  Target out;
  auto question = target.find('?');
  std::string_view path = target.substr(0, question);
  if (question != std::string_view::npos) out.query = std::string(target.substr(question + 1));
  for (auto& segment : detail::split(path, '/')) {
    if (segment.empty()) continue;
    auto decoded = detail::percent_decode(segment, false);
    if (!decoded) {
      out.ok = false;
      return out;
    }
    out.segments.emplace_back(std::move(*decoded));
  }
  return out;
}

// The segments after base_path, or nullopt when the target is not under it.
std::optional<std::vector<std::string>> api_segments(const Target& target,
                                                     const std::string& base_path) {
  Target base = split_target(base_path);
  if (target.segments.size() < base.segments.size()) return std::nullopt;
  if (!std::equal(base.segments.begin(), base.segments.end(), target.segments.begin())) {
    return std::nullopt;
  }
  return std::vector<std::string>(
      target.segments.begin() + static_cast<std::ptrdiff_t>(base.segments.size()),
      target.segments.end());
}

RouteKind classify(std::string_view method, const std::vector<std::string>& s) {
  bool get = method == "GET";
  bool post = method == "POST";
  if (s.size() == 1 && s[0] == "users") {
    return get ? RouteKind::search_users : post ? RouteKind::create_user : RouteKind::other;
  }
  if (s.size() == 2 && s[0] == "users") {
    return get && !one_of(kUsersReserved, s[1]) ? RouteKind::view_user : RouteKind::other;
  }
  if (s.size() == 2 && s[0] == "system" && s[1] == "payments") {
    return post ? RouteKind::perform_payment : RouteKind::other;
  }
  if (s.size() == 1 && s[0] == "transfers") {
    return get ? RouteKind::search_transfers : RouteKind::other;
  }
  if (s.size() == 2 && s[0] != "users" && s[0] != "transfers" && s[0] != "system") {
    if (s[1] == "status") {
      return get    ? RouteKind::get_user_status
             : post ? RouteKind::change_user_status
                    : RouteKind::other;
    }
    if (s[1] == "group") {
      return get    ? RouteKind::get_group_membership
             : post ? RouteKind::change_group_membership
                    : RouteKind::other;
    }
  }
  return RouteKind::other;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Authentication: the spec's basic and accessClient schemes; sessions and OIDC are not emulated.

std::optional<PeerResponse> CyclosPeer::State::authenticate(const PeerRequest& request) const {
  if (const std::string* token = find_header(request, "Access-Client-Token")) {
    if (options.access_client_token.empty() || *token != options.access_client_token) {
      return unauthorized("invalidAccessClient");
    }
    return std::nullopt;
  }
  if (const std::string* authorization = find_header(request, "Authorization")) {
    std::string_view value = *authorization;
    if (value.size() > 6 && detail::iequals(value.substr(0, 6), "basic ")) {
      auto decoded = detail::base64_decode(value.substr(6));
      if (!decoded) return unauthorized("login");
      auto colon = decoded->find(':');
      if (colon == std::string::npos || options.basic_user.empty() ||
          decoded->substr(0, colon) != options.basic_user ||
          decoded->substr(colon + 1) != options.basic_password) {
        return unauthorized("login");
      }
      return std::nullopt;
    }
    if (value.size() > 7 && detail::iequals(value.substr(0, 7), "bearer ")) {
      return unauthorized("invalidAccessToken");  // no OAuth2 / OIDC token is ever valid here
    }
    return unauthorized("login");
  }
  // No session is ever open: any Session-Token is one that has expired.
  if (find_header(request, "Session-Token") != nullptr) return unauthorized("loggedOut");
  return unauthorized("missingAuthorization");
}

// ---------------------------------------------------------------------------------------------
// searchUsers: GET /users

PeerResponse CyclosPeer::State::search_users(const Query& query) {
  if (auto name =
          query.unexpected({"profileFields", "groups", "statuses", "page", "pageSize",
                            "skipTotalCount", "includeGroup", "ignoreProfileFieldsInList"})) {
    return not_emulated("the searchUsers parameter '" + *name + "'");
  }
  auto paging = paging_params(query, options);
  if (auto* error = std::get_if<PeerResponse>(&paging)) return *error;
  auto include_group = boolean_param(query, "includeGroup");
  if (auto* error = std::get_if<PeerResponse>(&include_group)) return *error;
  auto display_only = boolean_param(query, "ignoreProfileFieldsInList");
  if (auto* error = std::get_if<PeerResponse>(&display_only)) return *error;

  // statuses: UserStatusEnum values; none given means active and blocked (spec).
  std::set<std::string> statuses;
  for (const auto& status : query.items("statuses")) {
    if (!one_of(kUserStatuses, status)) return data_conversion(status);
    statuses.insert(status);
  }
  if (statuses.empty()) statuses = {"active", "blocked"};

  // groups: ids or internal names; an unknown one is an entity not found.
  std::set<std::string> groups;
  for (const auto& reference : query.items("groups")) {
    const std::string* group = find_group(reference);
    if (group == nullptr) return not_found("Group", reference);
    groups.insert(*group);
  }

  // profileFields=field:value[|value...],...: the household custom field (by internal name or
  // id) and the basic fields name/fullName, username/loginName/login, email. Exact matches.
  struct Filter {
    std::string field;  // "household", "name", "username", "email"
    std::vector<std::string> values;
  };
  std::vector<Filter> filters;
  Validation v;
  for (const auto& part : query.items("profileFields")) {
    auto colon = part.find(':');
    if (colon == std::string::npos) return data_conversion(part);
    std::string field = part.substr(0, colon);
    std::string value = part.substr(colon + 1);
    Filter filter;
    if (is_household_field(field)) {
      filter.field = "household";
    } else if (field == "name" || field == "fullName") {
      filter.field = "name";
    } else if (field == "username" || field == "loginName" || field == "login") {
      filter.field = "username";
    } else if (field == "email") {
      filter.field = "email";
    } else {
      v.property("profileFields", "The profile field '" + field + "' cannot be used in search");
      continue;
    }
    if (value.empty()) continue;  // an empty value filters nothing
    filter.values = detail::split(value, '|');
    filters.push_back(std::move(filter));
  }
  if (!v.empty()) return v.response();

  std::vector<const UserRow*> found;
  for (const auto& row : users) {
    const PeerUser& u = row.user;
    if (!statuses.contains(u.status)) continue;
    if (!groups.empty() && !groups.contains(u.group)) continue;
    bool matches = std::all_of(filters.begin(), filters.end(), [&](const Filter& f) {
      const std::string& actual = f.field == "household"  ? u.household
                                  : f.field == "name"     ? u.name
                                  : f.field == "username" ? u.username
                                                          : u.email;
      return std::find(f.values.begin(), f.values.end(), actual) != f.values.end();
    });
    if (matches) found.push_back(&row);
  }

  // UserResult. The profile fields marked "on list" here are name, username, email and the
  // household field, so `display` is not returned (spec: it is returned only when no profile
  // field is, or with ignoreProfileFieldsInList=true, which answers display instead). `group`
  // only with includeGroup=true.
  bool with_group = std::get<bool>(include_group);
  bool only_display = std::get<bool>(display_only);
  return page_response(found, std::get<Paging>(paging), [&](const UserRow* row) {
    const PeerUser& u = row->user;
    json::object out;
    out["id"] = u.id;
    if (only_display) {
      out["display"] = u.name;
    } else {
      out["name"] = u.name;
      if (!u.username.empty()) out["username"] = u.username;
      if (!u.email.empty()) out["email"] = u.email;
      json::object values;
      if (!u.household.empty()) values[options.household_field] = u.household;
      out["customValues"] = std::move(values);
    }
    if (with_group) out["group"] = reference("group", u.group);
    return out;
  });
}

// ---------------------------------------------------------------------------------------------
// viewUser: GET /users/{user}

PeerResponse CyclosPeer::State::view_user(const std::string& locator, const Query& query) {
  if (auto name = query.unexpected({}))
    return not_emulated("the viewUser parameter '" + *name + "'");
  const UserRow* row = locate(locator);
  if (row == nullptr) return not_found("User", locator);
  const PeerUser& u = row->user;
  // UserView: User's id and display, then name, username, email, customValues (an array of
  // UserCustomFieldValue, unlike UserResult's object), group, status, registrationDate.
  json::object out;
  out["id"] = u.id;
  out["display"] = u.name;
  out["name"] = u.name;
  if (!u.username.empty()) out["username"] = u.username;
  if (!u.email.empty()) out["email"] = u.email;
  json::array values;
  if (!u.household.empty()) {
    values.emplace_back(
        json::object{{"stringValue", u.household},
                     {"hidden", false},
                     {"field", custom_field_json(options.household_field, "user")}});
  }
  out["customValues"] = std::move(values);
  out["group"] = reference("group", u.group);
  out["status"] = u.status;
  out["registrationDate"] = u.registration_date;
  return json_response(200, out);
}

// ---------------------------------------------------------------------------------------------
// createUser: POST /users with UserNew -> 201 UserRegistrationResult

PeerResponse CyclosPeer::State::create_user(const PeerRequest& request, const Query& query) {
  if (auto name = query.unexpected({})) {
    return not_emulated("the createUser parameter '" + *name + "'");
  }
  auto parsed = object_body(request.body);
  if (auto* error = std::get_if<PeerResponse>(&parsed)) return *error;
  const json::object& body = std::get<detail::JsonBody>(parsed).value.as_object();

  auto name = string_property(body, "name");
  auto username = string_property(body, "username");
  auto email = string_property(body, "email");
  auto group = string_property(body, "group");
  for (auto* p : {&name, &username, &email, &group}) {
    if (auto* error = std::get_if<PeerResponse>(p)) return *error;
  }
  auto custom = custom_values_property(body);
  if (auto* error = std::get_if<PeerResponse>(&custom)) return *error;
  if (auto it = body.find("skipActivationEmail");
      it != body.end() && !it->value().is_bool() && !it->value().is_null()) {
    return data_conversion(json::serialize(it->value()));
  }

  Validation v;
  refuse_unknown_properties(body, kUserNewProperties, v);
  const auto& full_name = std::get<std::optional<std::string>>(name);
  if (!full_name || full_name->find_first_not_of(' ') == std::string::npos) {
    v.property("name", "Full name is required");
  }
  const auto& group_reference = std::get<std::optional<std::string>>(group);
  const std::string* group_name = nullptr;
  if (!group_reference || group_reference->empty()) {
    v.property("group", "Group is required");
  } else if ((group_name = find_group(*group_reference)) == nullptr) {
    v.property("group", "Group is invalid");
  }
  std::string login = std::get<std::optional<std::string>>(username).value_or("");
  if (!login.empty()) {
    if (all_digits(login)) {
      v.property("username", "Login name cannot be only digits");  // it would read as an id
    } else if (locate(login) != nullptr) {
      v.property("username", "This login name is already in use");
    }
  }
  std::string household;
  for (const auto& [field, value] : std::get<std::map<std::string, std::string>>(custom)) {
    if (!is_household_field(field)) {
      v.custom_field(field, "Unknown custom field");
      continue;
    }
    household = value;
    // The household field is unique: a value held by another user is refused.
    if (household_holder(value) != nullptr) {
      v.custom_field(options.household_field, "This value is already in use");
    }
  }
  if (!v.empty()) return v.response();

  UserRow& row =
      create_user(*full_name, login, std::get<std::optional<std::string>>(email).value_or(""),
                  *group_name, household);
  json::object out;
  out["user"] = user_ref(row.user);
  out["generatedPasswords"] = json::array{};
  out["status"] = "active";
  PeerResponse response = json_response(201, out);
  const std::string* host = find_header(request, "Host");
  response.headers.emplace_back("Location", (host != nullptr ? "http://" + *host : std::string()) +
                                                options.base_path + "/users/" + row.user.id);
  return response;
}

// ---------------------------------------------------------------------------------------------
// performPayment: POST /system/payments with PerformPayment -> 201 Transaction

PeerResponse CyclosPeer::State::perform_payment(const PeerRequest& request, const Query& query) {
  if (auto name = query.unexpected({})) {
    return not_emulated("the performPayment parameter '" + *name + "'");
  }
  auto parsed = object_body(request.body);
  if (auto* error = std::get_if<PeerResponse>(&parsed)) return *error;
  const detail::JsonBody& document = std::get<detail::JsonBody>(parsed);
  const json::object& body = document.value.as_object();

  // Conversion first (wrong JSON types, amounts that are not numbers), as a binder would.
  auto subject = string_property(body, "subject");
  auto type = string_property(body, "type");
  auto description = string_property(body, "description");
  auto currency_reference = string_property(body, "currency");
  auto scheduling = string_property(body, "scheduling");
  for (auto* p : {&subject, &type, &description, &currency_reference, &scheduling}) {
    if (auto* error = std::get_if<PeerResponse>(p)) return *error;
  }
  auto custom = custom_values_property(body);
  if (auto* error = std::get_if<PeerResponse>(&custom)) return *error;
  // amount: `type: string, format: number` in the spec; a JSON number is read from its text.
  std::optional<std::string> amount_text;
  if (auto it = body.find("amount"); it != body.end() && !it->value().is_null()) {
    if (it->value().is_string()) {
      amount_text = std::string(it->value().as_string());
    } else if (it->value().is_number()) {
      amount_text = document.number_text.at("/amount");
    } else {
      return data_conversion(json::serialize(it->value()));
    }
  }
  detail::ParsedAmount amount;
  if (amount_text && !amount_text->empty()) {
    amount = detail::parse_amount(*amount_text, options.decimal_digits);
    if (amount.problem == AmountProblem::not_a_number) return data_conversion(*amount_text);
  }
  const auto& scheduling_value = std::get<std::optional<std::string>>(scheduling);
  if (scheduling_value && *scheduling_value != "direct") {
    if (*scheduling_value == "scheduled" || *scheduling_value == "recurring") {
      return not_emulated("scheduled and recurring payments");
    }
    return data_conversion(*scheduling_value);
  }
  for (auto name :
       {"installmentsCount", "firstInstallmentDate", "installments", "occurrencesCount",
        "firstOccurrenceDate", "occurrenceInterval", "nfcChallence", "fromName", "toName"}) {
    if (body.contains(name))
      return not_emulated(std::string("the PerformPayment property ") + name);
  }

  // The subject is resolved like any user reference: an unknown one is a NotFoundError on User
  // (cyclos4-ui's payment form tests entityType.endsWith('User') on exactly this answer).
  const auto& subject_value = std::get<std::optional<std::string>>(subject);
  Validation v;
  refuse_unknown_properties(body, kPerformPaymentProperties, v);
  UserRow* receiver = nullptr;
  if (!subject_value || subject_value->empty()) {
    v.property("subject", "Subject is required");
  } else if (*subject_value == "system") {
    v.property("subject", "There is no payment type from system to system");
  } else if ((receiver = locate(*subject_value)) == nullptr) {
    return not_found("User", *subject_value);
  }

  if (!amount_text || amount_text->empty()) {
    v.property("amount", "Amount is required");
  } else if (amount.problem == AmountProblem::too_many_decimals) {
    v.property("amount", "Amount has more than " + std::to_string(options.decimal_digits) +
                             " decimal digits");
  } else if (amount.problem == AmountProblem::too_large) {
    v.property("amount", "Amount is too large");
  } else if (amount.minor <= 0) {
    v.property("amount", "Amount must be positive");
  }

  // type: id or qualified internal name; when absent the only possible type is used (spec).
  const auto& type_value = std::get<std::optional<std::string>>(type);
  if (type_value && !type_value->empty() && *type_value != options.system_payment_type &&
      *type_value != stable_id("type:" + options.system_payment_type)) {
    v.property("type", "Invalid payment type: " + *type_value);
  }
  const auto& currency_value = std::get<std::optional<std::string>>(currency_reference);
  if (currency_value && !currency_value->empty() && *currency_value != options.currency_code &&
      *currency_value != stable_id("currency:" + options.currency_code)) {
    v.property("currency", "Invalid currency: " + *currency_value);
  }
  for (const auto& [field, value] : std::get<std::map<std::string, std::string>>(custom)) {
    if (!is_operation_field(field)) v.custom_field(field, "Unknown custom field");
  }
  // A user who cannot receive: only active and blocked users can (blocked users cannot log in,
  // but stay visible and keep their accounts).
  if (receiver != nullptr && receiver->user.status != "active" &&
      receiver->user.status != "blocked") {
    v.property("subject", "The user is " + receiver->user.status + " and cannot receive payments");
  }
  if (!v.empty()) return v.response();

  // PaymentError, which the spec gives HTTP 500 on performPayment (kind payment, code from
  // PaymentErrorCode; exceptionType is required by Error).
  if (system_balance < amount.minor) {
    json::object error;
    error["exceptionType"] = "InsufficientBalanceException";
    error["exceptionMessage"] = "Insufficient balance in the system account";
    error["kind"] = "payment";
    error["code"] = "insufficientBalance";
    error["voucher"] = false;
    return json_response(500, error);
  }

  // Custom values are stored by internal name whichever reference was used.
  std::map<std::string, std::string> stored;
  for (const auto& [field, value] : std::get<std::map<std::string, std::string>>(custom)) {
    if (!value.empty()) stored[options.operation_field] = value;
  }
  const Transfer& t =
      commit(now(), amount.minor, options.system_payment_type, std::string(), receiver->user.id,
             std::get<std::optional<std::string>>(description).value_or(""), stored);
  PeerResponse response = json_response(201, transaction_json(t));
  const std::string* host = find_header(request, "Host");
  response.headers.emplace_back("Location", (host != nullptr ? "http://" + *host : std::string()) +
                                                options.base_path + "/transactions/" +
                                                t.transaction_id);
  return response;
}

// ---------------------------------------------------------------------------------------------
// searchTransfers: GET /transfers

PeerResponse CyclosPeer::State::search_transfers(const Query& query) {
  if (auto name = query.unexpected({"datePeriod", "customFields", "kinds", "transferTypes", "user",
                                    "page", "pageSize", "orderBy", "skipTotalCount"})) {
    return not_emulated("the searchTransfers parameter '" + *name + "'");
  }
  auto paging = paging_params(query, options);
  if (auto* error = std::get_if<PeerResponse>(&paging)) return *error;

  // datePeriod: [lower] or [lower, upper] or [, upper] (a leading comma: upper bound only). Both
  // bounds are inclusive; a bound given as a date only covers that whole day.
  std::optional<std::int64_t> lower;
  std::optional<std::int64_t> upper;
  if (query.has("datePeriod")) {
    auto bounds = query.list("datePeriod");
    if (bounds.size() > 2) return data_conversion(*query.scalar("datePeriod"));
    for (std::size_t i = 0; i < bounds.size(); ++i) {
      if (bounds[i].empty()) continue;
      bool date_only = false;
      auto instant = detail::parse_instant(bounds[i], &date_only);
      if (!instant) return data_conversion(bounds[i]);
      if (i == 0) {
        lower = *instant;
      } else {
        upper = date_only ? *instant + 86'400'000 - 1 : *instant;
      }
    }
  }

  std::set<std::string> kinds;
  for (const auto& kind : query.items("kinds")) {
    if (!one_of(kTransferKinds, kind)) return data_conversion(kind);
    kinds.insert(kind);
  }
  // transferTypes: ids or qualified internal names ("accountType.transferType").
  std::set<std::string> types;
  for (const auto& reference : query.items("transferTypes")) {
    bool known = false;
    for (const auto& qualified : {options.system_payment_type, options.purchase_payment_type}) {
      if (reference == qualified || reference == stable_id("type:" + qualified)) {
        types.insert(qualified);
        known = true;
      }
    }
    if (!known) return not_found("TransferType", reference);
  }
  std::string user_id;
  if (auto locator = query.scalar("user"); locator && !locator->empty()) {
    const UserRow* row = locate(*locator);
    if (row == nullptr) return not_found("User", *locator);
    user_id = row->user.id;
  }
  // customFields=field:value[|value],...: only the operation (transaction) field exists.
  std::vector<std::string> operations;
  bool by_operation = false;
  Validation v;
  for (const auto& part : query.items("customFields")) {
    auto colon = part.find(':');
    if (colon == std::string::npos) return data_conversion(part);
    std::string field = part.substr(0, colon);
    if (!is_operation_field(field)) {
      v.property("customFields", "The custom field '" + field + "' cannot be used in search");
      continue;
    }
    if (colon + 1 == part.size()) continue;
    by_operation = true;
    for (auto& value : detail::split(part.substr(colon + 1), '|')) operations.push_back(value);
  }
  if (!v.empty()) return v.response();
  std::string order = query.scalar("orderBy").value_or("dateDesc");
  if (!one_of(kTransOrderBy, order)) return data_conversion(order);

  std::vector<const Transfer*> found;
  for (const auto& t : transfers) {
    if (lower && t.date_epoch_ms < *lower) continue;
    if (upper && t.date_epoch_ms > *upper) continue;
    if (!kinds.empty() && !kinds.contains(t.kind)) continue;
    if (!types.empty() && !types.contains(t.type)) continue;
    if (!user_id.empty() && t.from_user_id != user_id && t.to_user_id != user_id) continue;
    if (by_operation) {
      auto it = t.custom_values.find(options.operation_field);
      if (it == t.custom_values.end() ||
          std::find(operations.begin(), operations.end(), it->second) == operations.end()) {
        continue;
      }
    }
    found.push_back(&t);
  }
  // Commit order breaks ties, reversed with the descending orders (newest first).
  std::stable_sort(found.begin(), found.end(), [&](const Transfer* a, const Transfer* b) {
    if (order == "dateAsc") return a->date_epoch_ms < b->date_epoch_ms;
    if (order == "amountAsc") return a->amount_minor < b->amount_minor;
    return false;
  });
  if (order == "dateDesc" || order == "amountDesc") {
    std::reverse(found.begin(), found.end());
    std::stable_sort(found.begin(), found.end(), [&](const Transfer* a, const Transfer* b) {
      if (order == "dateDesc") return a->date_epoch_ms > b->date_epoch_ms;
      return a->amount_minor > b->amount_minor;
    });
  }
  return page_response(found, std::get<Paging>(paging),
                       [&](const Transfer* t) { return transfer_json(*t); });
}

// ---------------------------------------------------------------------------------------------
// getUserStatus / changeUserStatus: GET, POST /{user}/status

PeerResponse CyclosPeer::State::get_user_status(const std::string& locator, const Query& query) {
  if (auto name = query.unexpected({})) {
    return not_emulated("the getUserStatus parameter '" + *name + "'");
  }
  const UserRow* row = locate(locator);
  if (row == nullptr) return not_found("User", locator);
  // UserStatusData: user, status, possibleNewStatuses, history (newest first).
  json::object out;
  out["user"] = user_ref(row->user);
  out["status"] = row->user.status;
  out["possibleNewStatuses"] = json::value_from(possible_new_statuses(row->user.status));
  json::array history;
  for (auto it = row->status_history.rbegin(); it != row->status_history.rend(); ++it) {
    json::object entry;
    entry["status"] = it->status;
    entry["period"] = period_json(it->begin, it->end);
    if (!it->comment.empty()) entry["comment"] = it->comment;
    history.emplace_back(std::move(entry));
  }
  out["history"] = std::move(history);
  return json_response(200, out);
}

PeerResponse CyclosPeer::State::change_user_status(const std::string& locator,
                                                   const PeerRequest& request, const Query& query) {
  if (auto name = query.unexpected({})) {
    return not_emulated("the changeUserStatus parameter '" + *name + "'");
  }
  UserRow* row = locate(locator);
  if (row == nullptr) return not_found("User", locator);
  auto parsed = object_body(request.body);
  if (auto* error = std::get_if<PeerResponse>(&parsed)) return *error;
  const json::object& body = std::get<detail::JsonBody>(parsed).value.as_object();
  auto status = string_property(body, "status");
  auto comment = string_property(body, "comment");
  for (auto* p : {&status, &comment}) {
    if (auto* error = std::get_if<PeerResponse>(p)) return *error;
  }
  const auto& wanted = std::get<std::optional<std::string>>(status);
  if (wanted && !wanted->empty() && !one_of(kUserStatuses, *wanted)) {
    return data_conversion(*wanted);
  }
  Validation v;
  static constexpr std::array<std::string_view, 2> known{"status", "comment"};
  refuse_unknown_properties(body, known, v);
  if (!wanted || wanted->empty()) {
    v.property("status", "Status is required");
  } else if (*wanted == "pending") {
    v.property("status", "The pending status is only set by registration");
  } else {
    // Only a status in possibleNewStatuses may be set: not the current one, nothing after a
    // terminal status (interpretation: the spec lists possible statuses, not what happens
    // otherwise; a validation error is the natural answer).
    auto possible = possible_new_statuses(row->user.status);
    if (std::find(possible.begin(), possible.end(), *wanted) == possible.end()) {
      v.property("status",
                 "The user status cannot be changed from " + row->user.status + " to " + *wanted);
    }
  }
  if (!v.empty()) return v.response();
  std::int64_t at = now();
  row->status_history.back().end = at;
  row->status_history.push_back(StatusLog{
      *wanted, at, std::nullopt, std::get<std::optional<std::string>>(comment).value_or("")});
  row->user.status = *wanted;
  return no_content();
}

// ---------------------------------------------------------------------------------------------
// getGroupMembershipData / changeGroupMembership: GET, POST /{user}/group

PeerResponse CyclosPeer::State::get_group_membership(const std::string& locator,
                                                     const Query& query) {
  if (auto name = query.unexpected({})) {
    return not_emulated("the getGroupMembershipData parameter '" + *name + "'");
  }
  const UserRow* row = locate(locator);
  if (row == nullptr) return not_found("User", locator);
  // GroupMembershipData: user, status, group, possibleNewGroups, history (newest first).
  json::object out;
  out["user"] = user_ref(row->user);
  out["status"] = row->user.status;
  out["group"] = group_json(row->user.group);
  json::array possible;
  for (const auto& group : options.user_groups) {
    if (group != row->user.group) possible.emplace_back(group_json(group));
  }
  out["possibleNewGroups"] = std::move(possible);
  json::array history;
  for (auto it = row->group_history.rbegin(); it != row->group_history.rend(); ++it) {
    json::object entry;
    entry["group"] = group_json(it->group);
    entry["period"] = period_json(it->begin, it->end);
    if (!it->comment.empty()) entry["comment"] = it->comment;
    history.emplace_back(std::move(entry));
  }
  out["history"] = std::move(history);
  return json_response(200, out);
}

PeerResponse CyclosPeer::State::change_group_membership(const std::string& locator,
                                                        const PeerRequest& request,
                                                        const Query& query) {
  if (auto name = query.unexpected({})) {
    return not_emulated("the changeGroupMembership parameter '" + *name + "'");
  }
  UserRow* row = locate(locator);
  if (row == nullptr) return not_found("User", locator);
  auto parsed = object_body(request.body);
  if (auto* error = std::get_if<PeerResponse>(&parsed)) return *error;
  const json::object& body = std::get<detail::JsonBody>(parsed).value.as_object();
  auto group = string_property(body, "group");
  auto comment = string_property(body, "comment");
  for (auto* p : {&group, &comment}) {
    if (auto* error = std::get_if<PeerResponse>(p)) return *error;
  }
  Validation v;
  static constexpr std::array<std::string_view, 2> known{"group", "comment"};
  refuse_unknown_properties(body, known, v);
  const auto& reference = std::get<std::optional<std::string>>(group);
  const std::string* target = nullptr;
  // An unknown group is a validation error on `group` (interpretation: the spec lists 404 but no
  // 422 for this operation; createUser answers 422 for the same mistake, and so does this peer).
  if (!reference || reference->empty()) {
    v.property("group", "Group is required");
  } else if ((target = find_group(*reference)) == nullptr) {
    v.property("group", "Group is invalid");
  } else if (*target == row->user.group) {
    v.property("group", "The user is already in the group " + *target);
  }
  if (!v.empty()) return v.response();
  std::int64_t at = now();
  row->group_history.back().end = at;
  row->group_history.push_back(GroupLog{
      *target, at, std::nullopt, std::get<std::optional<std::string>>(comment).value_or("")});
  row->user.group = *target;
  return no_content();
}

// ---------------------------------------------------------------------------------------------
// CyclosPeer

CyclosPeer::CyclosPeer(CyclosPeerOptions options)
    : state_(std::make_unique<State>(std::move(options))) {}

CyclosPeer::~CyclosPeer() = default;

const CyclosPeerOptions& CyclosPeer::options() const {
  return state_->options;
}

RouteKind CyclosPeer::route_of(std::string_view method, std::string_view target) const {
  Target split = split_target(target);
  if (!split.ok) return RouteKind::other;
  auto segments = api_segments(split, state_->options.base_path);
  if (!segments) return RouteKind::other;
  return classify(method, *segments);
}

PeerResponse CyclosPeer::handle(const PeerRequest& request) {
  State& s = *state_;
  std::lock_guard lock(s.mutex);
  Target target = split_target(request.target);
  auto segments = target.ok ? api_segments(target, s.options.base_path) : std::nullopt;
  if (!segments) return not_found();
  ++s.counts[RouteKind::any];
  RouteKind route = classify(request.method, *segments);
  ++s.counts[route];
  if (auto refused = s.authenticate(request)) return *refused;
  if (route == RouteKind::other) return not_found();
  auto values = detail::parse_query(target.query);
  if (!values) return data_conversion(target.query);
  Query query(std::move(*values));
  const std::vector<std::string>& p = *segments;
  switch (route) {
    case RouteKind::search_users:
      return s.search_users(query);
    case RouteKind::view_user:
      return s.view_user(p[1], query);
    case RouteKind::create_user:
      return s.create_user(request, query);
    case RouteKind::perform_payment:
      return s.perform_payment(request, query);
    case RouteKind::search_transfers:
      return s.search_transfers(query);
    case RouteKind::get_user_status:
      return s.get_user_status(p[0], query);
    case RouteKind::change_user_status:
      return s.change_user_status(p[0], request, query);
    case RouteKind::get_group_membership:
      return s.get_group_membership(p[0], query);
    case RouteKind::change_group_membership:
      return s.change_group_membership(p[0], request, query);
    case RouteKind::any:
    case RouteKind::other:
      break;
  }
  return not_found();
}

// ---------------------------------------------------------------------------------------------
// Test-only routes under /_peer (outside the spec, no credentials)

namespace {

PeerResponse peer_error(unsigned status, const std::string& message) {
  return json_response(status, json::object{{"error", message}});
}

}  // namespace

PeerResponse CyclosPeer::handle_test_route(const PeerRequest& request) {
  Target target = split_target(request.target);
  const auto& p = target.segments;
  if (!target.ok || p.size() != 2 || p[0] != "_peer") return peer_error(404, "no such test route");
  const std::string& what = p[1];
  if (request.method == "GET" && what == "transfers") {
    json::array out;
    for (const auto& t : transfers()) {
      json::object values;
      for (const auto& [key, value] : t.custom_values) values[key] = value;
      out.emplace_back(
          json::object{{"id", t.id},
                       {"transactionId", t.transaction_id},
                       {"transactionNumber", t.transaction_number},
                       {"date", t.date},
                       {"amount", detail::format_amount(t.amount_minor, options().decimal_digits)},
                       {"amountMinor", t.amount_minor},
                       {"kind", t.kind},
                       {"type", t.type},
                       {"from", t.from_user_id.empty() ? "system" : t.from_user_id},
                       {"to", t.to_user_id.empty() ? "system" : t.to_user_id},
                       {"description", t.description},
                       {"customValues", std::move(values)}});
    }
    return json_response(200, out);
  }
  if (request.method == "GET" && what == "users") {
    json::array out;
    for (const auto& u : users()) {
      out.emplace_back(json::object{
          {"id", u.id},
          {"name", u.name},
          {"username", u.username},
          {"group", u.group},
          {"status", u.status},
          {"household", u.household},
          {"balance", detail::format_amount(user_balance_minor(u.id), options().decimal_digits)}});
    }
    return json_response(200, out);
  }
  if (request.method != "POST" || (what != "users" && what != "member-payments")) {
    return peer_error(404, "no such test route");
  }
  auto body = detail::parse_json_body(request.body);
  if (!body || !body->value.is_object()) return peer_error(400, "the body is not a JSON object");
  const json::object& o = body->value.as_object();
  auto text = [&](std::string_view key) -> std::string {
    auto it = o.find(key);
    if (it == o.end()) return {};
    if (it->value().is_string()) return std::string(it->value().as_string());
    if (it->value().is_number()) return body->number_text[std::string("/") + std::string(key)];
    return {};
  };
  try {
    if (what == "users") {
      std::string id = add_user(text("name"), text("group"), text("household"));
      std::string username = text("username");
      std::string status = text("status");
      {
        std::lock_guard lock(state_->mutex);
        UserRow* row = state_->by_id(id);
        if (!username.empty()) row->user.username = username;
      }
      if (!status.empty()) set_user_status(id, status);
      return json_response(201, json::object{{"id", id}});
    }
    auto amount = detail::parse_amount(text("amount"), options().decimal_digits);
    if (amount.problem != AmountProblem::none || amount.minor <= 0) {
      return peer_error(400, "amount must be a positive decimal with at most " +
                                 std::to_string(options().decimal_digits) + " decimals");
    }
    std::string date = text("date");
    if (date.empty()) {
      std::lock_guard lock(state_->mutex);
      date = detail::format_instant(state_->now());
    }
    std::string id = add_member_payment(text("from"), text("to"), amount.minor, date);
    return json_response(201, json::object{{"id", id}});
  } catch (const std::invalid_argument& e) {
    return peer_error(400, e.what());
  }
}

// ---------------------------------------------------------------------------------------------
// Test-side API

std::string CyclosPeer::add_user(const std::string& name, const std::string& group,
                                 const std::string& household) {
  std::lock_guard lock(state_->mutex);
  const std::string* found = state_->find_group(group);
  if (name.empty()) throw std::invalid_argument("add_user: a user needs a name");
  if (found == nullptr) throw std::invalid_argument("add_user: unknown group '" + group + "'");
  if (state_->household_holder(household) != nullptr) {
    throw std::invalid_argument("add_user: household '" + household + "' is already held");
  }
  return state_->create_user(name, std::string(), std::string(), *found, household).user.id;
}

std::string CyclosPeer::add_member_payment(const std::string& from_user_id,
                                           const std::string& to_user_id, std::int64_t amount_minor,
                                           const std::string& iso_date) {
  std::lock_guard lock(state_->mutex);
  if (state_->by_id(from_user_id) == nullptr || state_->by_id(to_user_id) == nullptr) {
    throw std::invalid_argument("add_member_payment: unknown user");
  }
  auto at = detail::parse_instant(iso_date);
  if (!at) throw std::invalid_argument("add_member_payment: bad date '" + iso_date + "'");
  return state_
      ->commit(*at, amount_minor, state_->options.purchase_payment_type, from_user_id, to_user_id,
               std::string(), {})
      .id;
}

std::vector<Transfer> CyclosPeer::transfers() const {
  std::lock_guard lock(state_->mutex);
  return state_->transfers;
}

std::size_t CyclosPeer::payments_with_operation(std::string_view operation) const {
  std::lock_guard lock(state_->mutex);
  return static_cast<std::size_t>(
      std::count_if(state_->transfers.begin(), state_->transfers.end(), [&](const Transfer& t) {
        auto it = t.custom_values.find(state_->options.operation_field);
        return it != t.custom_values.end() && it->second == operation;
      }));
}

std::vector<PeerUser> CyclosPeer::users() const {
  std::lock_guard lock(state_->mutex);
  std::vector<PeerUser> out;
  for (const auto& row : state_->users) out.push_back(row.user);
  return out;
}

std::optional<PeerUser> CyclosPeer::user(std::string_view id) const {
  std::lock_guard lock(state_->mutex);
  const UserRow* row = state_->by_id(id);
  if (row == nullptr) return std::nullopt;
  return row->user;
}

std::optional<std::string> CyclosPeer::user_status(std::string_view id) const {
  auto u = user(id);
  if (!u) return std::nullopt;
  return u->status;
}

std::optional<std::string> CyclosPeer::user_group(std::string_view id) const {
  auto u = user(id);
  if (!u) return std::nullopt;
  return u->group;
}

void CyclosPeer::set_user_status(const std::string& id, const std::string& status) {
  std::lock_guard lock(state_->mutex);
  UserRow* row = state_->by_id(id);
  if (row == nullptr) throw std::invalid_argument("set_user_status: unknown user '" + id + "'");
  if (!one_of(kUserStatuses, status)) {
    throw std::invalid_argument("set_user_status: unknown status '" + status + "'");
  }
  std::int64_t at = state_->now();
  row->status_history.back().end = at;
  row->status_history.push_back(StatusLog{status, at, std::nullopt, {}});
  row->user.status = status;
}

std::int64_t CyclosPeer::system_balance_minor() const {
  std::lock_guard lock(state_->mutex);
  return state_->system_balance;
}

std::int64_t CyclosPeer::user_balance_minor(std::string_view id) const {
  std::lock_guard lock(state_->mutex);
  const UserRow* row = state_->by_id(id);
  return row == nullptr ? 0 : row->balance_minor;
}

void CyclosPeer::set_now(std::string_view iso_date_time) {
  auto at = detail::parse_instant(iso_date_time);
  if (!at)
    throw std::invalid_argument("set_now: bad date-time '" + std::string(iso_date_time) + "'");
  std::lock_guard lock(state_->mutex);
  state_->frozen_now = *at;
}

void CyclosPeer::advance(std::chrono::milliseconds by) {
  std::lock_guard lock(state_->mutex);
  if (!state_->frozen_now) state_->frozen_now = state_->now();
  *state_->frozen_now += by.count();
}

void CyclosPeer::set_clock(std::function<std::int64_t()> epoch_ms) {
  std::lock_guard lock(state_->mutex);
  state_->frozen_now.reset();
  state_->clock = std::move(epoch_ms);
}

std::size_t CyclosPeer::request_count(RouteKind kind) const {
  std::lock_guard lock(state_->mutex);
  auto it = state_->counts.find(kind);
  return it == state_->counts.end() ? 0 : it->second;
}

}  // namespace caisse::testing::cyclos
