#include "openapi_json.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <limits>
#include <sstream>

namespace caisse::testing::helloasso::spec {
namespace {

constexpr std::string_view kSchemaPrefix = "#/components/schemas/";

const boost::json::object* object_at(const boost::json::object& parent, std::string_view key) {
  const boost::json::value* found = parent.if_contains(key);
  return found != nullptr && found->is_object() ? &found->get_object() : nullptr;
}

bool flag(const boost::json::object& schema, std::string_view key) {
  const boost::json::value* found = schema.if_contains(key);
  return found != nullptr && found->is_bool() && found->get_bool();
}

std::string text_of(const boost::json::object& schema, std::string_view key) {
  const boost::json::value* found = schema.if_contains(key);
  return found != nullptr && found->is_string() ? std::string(found->get_string()) : std::string();
}

// "2026-11-24T10:15:00", then optional fraction and offset ("Z", "+01:00"): what .NET writes.
bool is_date_time(std::string_view text) {
  static constexpr std::string_view shape = "dddd-dd-ddTdd:dd:dd";
  if (text.size() < shape.size()) return false;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    const bool digit = std::isdigit(static_cast<unsigned char>(text[i])) != 0;
    if (shape[i] == 'd' ? !digit : text[i] != shape[i]) return false;
  }
  std::string_view rest = text.substr(shape.size());
  if (!rest.empty() && rest.front() == '.') {
    rest.remove_prefix(1);
    const auto digits = std::min(rest.find_first_not_of("0123456789"), rest.size());
    if (digits == 0) return false;
    rest.remove_prefix(digits);
  }
  if (rest.empty() || rest == "Z") return true;
  return rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':';
}

bool is_int32(const boost::json::value& value) {
  constexpr auto low = std::numeric_limits<std::int32_t>::min();
  constexpr auto high = std::numeric_limits<std::int32_t>::max();
  if (value.is_int64()) return value.get_int64() >= low && value.get_int64() <= high;
  return value.is_uint64() && value.get_uint64() <= static_cast<std::uint64_t>(high);
}

// The JSON Schema type of a value; an integer is also a number.
std::string_view type_of(const boost::json::value& value) {
  switch (value.kind()) {
    case boost::json::kind::string:
      return "string";
    case boost::json::kind::int64:
    case boost::json::kind::uint64:
      return "integer";
    case boost::json::kind::double_:
      return "number";
    case boost::json::kind::bool_:
      return "boolean";
    case boost::json::kind::array:
      return "array";
    case boost::json::kind::object:
      return "object";
    case boost::json::kind::null:
      break;
  }
  return "null";
}

bool has_type(const boost::json::value& value, std::string_view type) {
  const std::string_view actual = type_of(value);
  return type.empty() || type == actual || (type == "number" && actual == "integer");
}

}  // namespace

std::optional<OpenApiJson> OpenApiJson::load(const std::string& file) {
  std::ifstream in(file);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  boost::system::error_code ec;
  boost::json::value parsed = boost::json::parse(text.str(), ec);
  if (ec || !parsed.is_object()) return std::nullopt;
  OpenApiJson out;
  out.document_ = std::move(parsed.get_object());
  const auto* components = object_at(out.document_, "components");
  if (object_at(out.document_, "paths") == nullptr || components == nullptr ||
      object_at(*components, "schemas") == nullptr) {
    return std::nullopt;
  }
  return out;
}

const boost::json::object* OpenApiJson::response(std::string_view path, std::string_view method,
                                                 std::string_view status) const {
  const auto* paths = object_at(document_, "paths");
  const auto* item = paths ? object_at(*paths, path) : nullptr;
  const auto* operation = item ? object_at(*item, method) : nullptr;
  const auto* responses = operation ? object_at(*operation, "responses") : nullptr;
  return responses ? object_at(*responses, status) : nullptr;
}

bool OpenApiJson::documents(std::string_view path, std::string_view method,
                            std::string_view status) const {
  return response(path, method, status) != nullptr;
}

std::vector<std::string> OpenApiJson::check_answer(std::string_view path, std::string_view method,
                                                   std::string_view status,
                                                   std::string_view body) const {
  const std::string what =
      std::string(method) + " " + std::string(path) + " " + std::string(status);
  const auto* answer = response(path, method, status);
  if (answer == nullptr) return {what + ": not an answer the spec documents"};
  const auto* content = object_at(*answer, "content");
  const auto* json = content ? object_at(*content, "application/json") : nullptr;
  const auto* schema = json ? object_at(*json, "schema") : nullptr;
  if (schema == nullptr) {
    if (body.empty()) return {};
    return {what + ": the spec gives this answer no body"};
  }
  boost::system::error_code ec;
  const boost::json::value value = boost::json::parse(body, ec);
  if (ec) return {what + ": body is not JSON (" + ec.message() + ")"};
  std::vector<std::string> problems;
  check_into(value, *schema, "$", problems);
  for (auto& problem : problems) problem = what + ": " + problem;
  return problems;
}

std::vector<std::string> OpenApiJson::check(const boost::json::value& value,
                                            std::string_view name) const {
  boost::json::object reference;
  reference["$ref"] = std::string(kSchemaPrefix) + std::string(name);
  std::vector<std::string> problems;
  check_into(value, reference, "$", problems);
  return problems;
}

void OpenApiJson::check_into(const boost::json::value& value, const boost::json::object& schema,
                             const std::string& at, std::vector<std::string>& problems) const {
  if (const std::string ref = text_of(schema, "$ref"); !ref.empty()) {
    const auto* schemas = object_at(*object_at(document_, "components"), "schemas");
    const auto* target =
        ref.rfind(kSchemaPrefix, 0) == 0
            ? object_at(*schemas, std::string_view(ref).substr(kSchemaPrefix.size()))
            : nullptr;
    if (target == nullptr) {
      problems.push_back(at + ": the spec has no schema " + ref);
      return;
    }
    check_into(value, *target, at, problems);
    return;
  }
  if (value.is_null()) {
    if (!flag(schema, "nullable")) problems.push_back(at + ": null where the spec wants a value");
    return;
  }
  const std::string type = text_of(schema, "type");
  if (!has_type(value, type)) {
    problems.push_back(at + ": " + boost::json::serialize(value) + " is not of type " + type);
    return;
  }
  if (const auto* values = schema.if_contains("enum"); values && values->is_array()) {
    const auto& list = values->get_array();
    if (std::find(list.begin(), list.end(), value) == list.end()) {
      problems.push_back(at + ": " + boost::json::serialize(value) + " is not one of the enum");
    }
  }
  const std::string format = text_of(schema, "format");
  if (format == "int32" && !is_int32(value)) problems.push_back(at + ": not an int32");
  if (format == "date-time" && !is_date_time(value.get_string())) {
    problems.push_back(at + ": \"" + std::string(value.get_string()) + "\" is not a date-time");
  }
  if (value.is_string()) {
    const auto length = static_cast<std::int64_t>(value.get_string().size());
    const auto* min = schema.if_contains("minLength");
    const auto* max = schema.if_contains("maxLength");
    if ((min && min->is_int64() && length < min->get_int64()) ||
        (max && max->is_int64() && length > max->get_int64())) {
      problems.push_back(at + ": length " + std::to_string(length) + " out of the spec's bounds");
    }
  }
  if (value.is_array()) {
    const auto* items = object_at(schema, "items");
    std::size_t index = 0;
    for (const auto& item : value.get_array()) {
      const std::string here = at + "[" + std::to_string(index++) + "]";
      if (items != nullptr) check_into(item, *items, here, problems);
    }
  }
  if (value.is_object()) check_object(value.get_object(), schema, at, problems);
}

void OpenApiJson::check_object(const boost::json::object& value, const boost::json::object& schema,
                               const std::string& at, std::vector<std::string>& problems) const {
  const auto* properties = object_at(schema, "properties");
  const boost::json::value* additional = schema.if_contains("additionalProperties");
  for (const auto& [key, member] : value) {
    const std::string here = at + "." + std::string(key);
    const auto* property = properties ? object_at(*properties, key) : nullptr;
    if (property != nullptr) {
      check_into(member, *property, here, problems);
    } else if (additional != nullptr && additional->is_object()) {
      check_into(member, additional->get_object(), here, problems);
    } else if (additional != nullptr && additional->is_bool() && !additional->get_bool()) {
      problems.push_back(here + ": the spec has no property " + std::string(key) + " here");
    }
  }
  if (const auto* required = schema.if_contains("required"); required && required->is_array()) {
    for (const auto& name : required->get_array()) {
      if (name.is_string() && !value.contains(name.get_string())) {
        problems.push_back(at + ": required property " + std::string(name.get_string()) +
                           " is missing");
      }
    }
  }
}

}  // namespace caisse::testing::helloasso::spec
