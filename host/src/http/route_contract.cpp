#include "http/route_contract.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "http/admin_auth.hpp"
#include "http/ascii_case.hpp"

namespace caisse::host::http {
namespace {

constexpr std::string_view kMethods[] = {"get",   "put",  "post",    "delete",
                                         "patch", "head", "options", "trace"};

bool in_contract(std::string_view pattern) {
  return std::any_of(std::begin(kContractPrefixes), std::end(kContractPrefixes),
                     [pattern](std::string_view prefix) { return pattern.starts_with(prefix); });
}

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// "{caisse}" segments of a path template, in order.
std::vector<std::string> template_params(std::string_view path) {
  std::vector<std::string> names;
  for (std::size_t open = path.find('{'); open != std::string_view::npos;
       open = path.find('{', open + 1)) {
    auto close = path.find('}', open);
    if (close == std::string_view::npos) break;
    names.emplace_back(path.substr(open + 1, close - open - 1));
  }
  return names;
}

// "/x/{id}/y" -> "/x/{}/y": two patterns with one shape differ only by their parameters' names.
std::string shape_of(std::string_view path) {
  std::string out;
  bool in_param = false;
  for (char c : path) {
    if (c == '{') in_param = true;
    if (!in_param) out.push_back(c);
    if (c == '}') {
      in_param = false;
      out += "{}";
    }
  }
  return out;
}

// Follows a local "$ref" ("#/components/parameters/IdempotencyKey"); the value itself otherwise.
// nullptr for a reference the document does not hold.
const boost::json::value* resolve(const boost::json::value& document,
                                  const boost::json::value& value) {
  const auto* object = value.if_object();
  const auto* ref = object ? object->if_contains("$ref") : nullptr;
  if (ref == nullptr || !ref->is_string()) return &value;
  std::string_view pointer = ref->as_string();
  if (!pointer.starts_with("#")) return nullptr;
  boost::system::error_code ec;
  const auto* found = document.find_pointer(pointer.substr(1), ec);
  return ec ? nullptr : found;
}

struct Operation {
  std::string method;                                  // "POST"
  std::string path;                                    // "/api/v1/caisses/{caisse}/imports/{kind}"
  std::vector<const boost::json::object*> parameters;  // path-level and operation-level, resolved
  const boost::json::object* body = nullptr;
};

std::string_view string_member(const boost::json::object& object, std::string_view key) {
  const auto* v = object.if_contains(key);
  return v && v->is_string() ? std::string_view(v->as_string()) : std::string_view();
}

// Problems of one operation on its own: its path parameters, its roles, its Idempotency-Key.
void check_operation(const Operation& op, const boost::json::value& document,
                     std::vector<ContractProblem>& problems) {
  const std::string route = op.method + " " + op.path;
  std::set<std::string> declared;
  const boost::json::object* key_header = nullptr;
  for (const auto* parameter : op.parameters) {
    const std::string_view where = string_member(*parameter, "in");
    const std::string_view name = string_member(*parameter, "name");
    if (where == "path") declared.emplace(name);
    if (where == "header" && iequals(name, "Idempotency-Key")) key_header = parameter;
  }
  const auto in_template = template_params(op.path);
  for (const auto& name : in_template) {
    if (declared.erase(name) == 0) {
      problems.push_back({route, "path parameter {" + name + "} is not declared in parameters"});
    }
  }
  for (const auto& name : declared) {
    problems.push_back({route, "parameter \"" + name +
                                   "\" is declared in: path but the path has no {" + name + "}"});
  }

  const auto* security = op.body->if_contains("security");
  if (security == nullptr) security = document.as_object().if_contains("security");
  bool bearer = false;
  if (security != nullptr && security->is_array()) {
    for (const auto& requirement : security->as_array()) {
      bearer = bearer || (requirement.is_object() && requirement.as_object().contains("bearer"));
    }
  }
  if (!bearer) return;
  const auto* roles = op.body->if_contains("x-roles");
  if (roles == nullptr || !roles->is_array() || roles->as_array().empty()) {
    problems.push_back({route, "needs a bearer token but has no x-roles list"});
  } else {
    for (const auto& role : roles->as_array()) {
      if (!role.is_string() || !parse_role(std::string_view(role.as_string()))) {
        problems.push_back({route, "x-roles holds " + boost::json::serialize(role) +
                                       ", not operator, committee, auditor or researcher"});
      }
    }
  }
  if (op.method == "POST" && op.path.starts_with("/api/v1/")) {
    const auto* required = key_header ? key_header->if_contains("required") : nullptr;
    if (required == nullptr || !required->is_bool() || !required->as_bool()) {
      problems.push_back({route, "changes state but has no required Idempotency-Key header"});
    }
  }
}

Result<std::vector<Operation>> operations_of(const boost::json::value& document) {
  const auto* root = document.if_object();
  const auto* paths = root ? root->if_contains("paths") : nullptr;
  if (paths == nullptr || !paths->is_object()) {
    return make_error("the OpenAPI document has no \"paths\" object", ErrorKind::invalid);
  }
  std::vector<Operation> operations;
  for (const auto& [path, item_value] : paths->as_object()) {
    const auto* item = item_value.if_object();
    if (item == nullptr) continue;
    std::vector<const boost::json::object*> shared;
    auto collect = [&document](const boost::json::object& owner,
                               std::vector<const boost::json::object*>& into) {
      const auto* list = owner.if_contains("parameters");
      if (list == nullptr || !list->is_array()) return;
      for (const auto& entry : list->as_array()) {
        const auto* resolved = resolve(document, entry);
        if (resolved != nullptr && resolved->is_object()) into.push_back(&resolved->as_object());
      }
    };
    collect(*item, shared);
    for (std::string_view method : kMethods) {
      const auto* body = item->if_contains(method);
      if (body == nullptr || !body->is_object()) continue;
      Operation op{upper(method), std::string(path), shared, &body->as_object()};
      collect(body->as_object(), op.parameters);
      operations.push_back(std::move(op));
    }
  }
  return operations;
}

}  // namespace

Result<std::vector<ContractProblem>> compare_with_contract(std::string_view openapi_json,
                                                           const std::vector<RouteEntry>& routes) {
  boost::system::error_code ec;
  const boost::json::value document = boost::json::parse(openapi_json, ec);
  if (ec)
    return make_error("the OpenAPI document is not JSON: " + ec.message(), ErrorKind::invalid);
  auto operations = operations_of(document);
  if (!operations) return operations.error();

  std::vector<ContractProblem> problems;
  std::map<std::string, std::string> described;  // "METHOD shape" -> the file's path
  for (const auto& op : *operations) {
    described.emplace(op.method + " " + shape_of(op.path), op.path);
    check_operation(op, document, problems);
  }
  std::map<std::string, std::string> served;  // "METHOD shape" -> the route's pattern
  for (const auto& route : routes) {
    if (!in_contract(route.pattern)) continue;
    served.emplace(route.method + " " + shape_of(route.pattern), route.pattern);
    auto twin = described.find(route.method + " " + shape_of(route.pattern));
    if (twin == described.end()) {
      problems.push_back(
          {route.method + " " + route.pattern, "the route is not described in the OpenAPI file"});
    } else if (twin->second != route.pattern) {
      problems.push_back(
          {route.method + " " + route.pattern,
           "the OpenAPI file names its path parameters differently: " + twin->second});
    }
  }
  for (const auto& op : *operations) {
    // A route with the same shape was reported above, under the route's own name.
    if (!served.contains(op.method + " " + shape_of(op.path))) {
      problems.push_back({op.method + " " + op.path, "no route serves this operation"});
    }
  }
  std::stable_sort(problems.begin(), problems.end(),
                   [](const auto& a, const auto& b) { return a.route < b.route; });
  return problems;
}

}  // namespace caisse::host::http
