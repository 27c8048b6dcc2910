// A reader of just enough of the Cyclos OpenAPI YAML (cyclos-4.16-openapi.yaml) to hold the peer
// to it in tests: components/schemas (properties with their types and references, allOf parents,
// enums, required lists) and paths (operationId, response statuses and headers per method).
// It relies on the file's regular layout (two-space indentation, one key per line), not on a
// general YAML parser; load() fails loudly when the layout is not what it expects.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

namespace caisse::testing::cyclos::spec {

struct Property {
  std::string type;    // "string", "integer", "boolean", "number", "array", "object", or ""
  std::string format;  // "date-time", "number", ...
  std::string ref;     // schema name of `$ref` (directly or through allOf)
  std::string items_type;
  std::string items_ref;
  bool map = false;  // additionalProperties: an object keyed by anything
  std::string map_type;
  std::string map_ref;
};

struct Schema {
  std::string type;
  std::vector<std::string> parents;  // allOf $refs
  std::map<std::string, Property> properties;
  std::vector<std::string> enum_values;
  std::vector<std::string> required;
};

struct Operation {
  std::string operation_id;
  // status ("201") -> header names of that response
  std::map<std::string, std::vector<std::string>> responses;
};

class OpenApi {
 public:
  // nullopt when the file cannot be read.
  static std::optional<OpenApi> load(const std::string& path);

  const Schema* schema(std::string_view name) const;
  // Own and inherited properties (through allOf, recursively).
  std::map<std::string, Property> properties(std::string_view name) const;
  std::vector<std::string> required(std::string_view name) const;
  // `path` as in the spec ("/{owner}/payments"), method lower case ("post").
  const Operation* operation(std::string_view path, std::string_view method) const;

  // Every way `value` is not an instance of schema `name`: a property the schema does not have,
  // a JSON type other than the declared one, an enum value outside its list, a required property
  // missing. Checked recursively through $ref, arrays and maps. Empty when it conforms.
  std::vector<std::string> check(const boost::json::value& value, std::string_view name) const;

  std::size_t schema_count() const { return schemas_.size(); }

 private:
  void check_into(const boost::json::value& value, std::string_view name, const std::string& at,
                  std::vector<std::string>& problems) const;
  void check_property(const boost::json::value& value, const Property& p, const std::string& at,
                      std::vector<std::string>& problems) const;

  std::map<std::string, Schema, std::less<>> schemas_;
  std::map<std::string, std::map<std::string, Operation>, std::less<>> paths_;
};

}  // namespace caisse::testing::cyclos::spec
