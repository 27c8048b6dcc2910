// The HelloAsso OpenAPI 3.0 spec (helloasso-v5-openapi.json) as the peer holds its own answers
// to it: a checker for the subset of JSON Schema the file uses ($ref, type, format int32 and
// date-time, enum, nullable, properties, additionalProperties, required, items, min/maxLength),
// and the response schemas of each path and method.
//
// Why not the Cyclos peer's reader (tests/peers/cyclos/openapi_schemas): it parses the Cyclos
// YAML's layout line by line into its own model; the HelloAsso spec is JSON, already a tree,
// and checking straight on that tree needs no model at all.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caisse::testing::helloasso::spec {

class OpenApiJson {
 public:
  // nullopt when the file cannot be read or is not an OpenAPI document with paths and schemas.
  static std::optional<OpenApiJson> load(const std::string& file);

  // Whether the spec lists `status` ("200", "401") among the answers of `method` ("get") on
  // `path` as the spec writes it ("/payments/{paymentId}", without the server's /v5).
  bool documents(std::string_view path, std::string_view method, std::string_view status) const;

  // Every way `body` is not what the spec's `status` answer of (path, method) promises as
  // `application/json`: each problem names where in the body ("$.data[1].state"). An answer the
  // spec gives without a body (a 401) must have an empty body.
  std::vector<std::string> check_answer(std::string_view path, std::string_view method,
                                        std::string_view status, std::string_view body) const;

  // Every way `value` is not an instance of components/schemas/`name`; empty when it conforms.
  std::vector<std::string> check(const boost::json::value& value, std::string_view name) const;

 private:
  const boost::json::object* response(std::string_view path, std::string_view method,
                                      std::string_view status) const;
  void check_into(const boost::json::value& value, const boost::json::object& schema,
                  const std::string& at, std::vector<std::string>& problems) const;
  void check_object(const boost::json::object& value, const boost::json::object& schema,
                    const std::string& at, std::vector<std::string>& problems) const;

  boost::json::object document_;
};

}  // namespace caisse::testing::helloasso::spec
