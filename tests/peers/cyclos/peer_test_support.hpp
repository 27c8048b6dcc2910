// Shared by the Cyclos peer's tests: the spec (loaded once) and JSON helpers.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <string_view>

#include <boost/json.hpp>

#include "cyclos_peer.hpp"
#include "openapi_schemas.hpp"

namespace caisse::testing::cyclos::test {

// The official spec, or nullptr when the file is absent (CAISSE_CYCLOS_OPENAPI_SPEC in CMake, or
// the environment variable of that name, says where it is).
inline const spec::OpenApi* cyclos_spec() {
  static const std::optional<spec::OpenApi> loaded = [] {
    const char* from_env = std::getenv("CAISSE_CYCLOS_OPENAPI_SPEC");
    return spec::OpenApi::load(from_env != nullptr ? from_env : CYCLOS_OPENAPI_SPEC);
  }();
  return loaded ? &*loaded : nullptr;
}

inline boost::json::value json_of(std::string_view body) {
  boost::json::error_code ec;
  auto value = boost::json::parse(body, ec);
  if (ec) {
    ADD_FAILURE() << "not JSON: " << body;
    return nullptr;
  }
  return value;
}

// Checks `body` against schema `schema` of the spec ("UserResult[]" for an array of them);
// reports each difference as a test failure. Does nothing when the spec file is absent
// (SpecFileIsReadable says so).
inline void expect_conforms(std::string_view body, std::string schema) {
  const spec::OpenApi* api = cyclos_spec();
  if (api == nullptr) return;
  boost::json::value value = json_of(body);
  bool array = schema.size() > 2 && schema.substr(schema.size() - 2) == "[]";
  if (array) schema.resize(schema.size() - 2);
  std::vector<std::string> problems;
  if (array) {
    if (!value.is_array()) {
      ADD_FAILURE() << "expected an array of " << schema << ": " << body;
      return;
    }
    for (const auto& item : value.as_array()) {
      auto found = api->check(item, schema);
      problems.insert(problems.end(), found.begin(), found.end());
    }
  } else {
    problems = api->check(value, schema);
  }
  for (const auto& problem : problems) ADD_FAILURE() << schema << ": " << problem << "\n" << body;
}

inline std::string str(const boost::json::value& v, std::string_view key) {
  if (!v.is_object() || !v.as_object().contains(key) || !v.at(key).is_string()) return {};
  return std::string(v.at(key).as_string());
}

}  // namespace caisse::testing::cyclos::test
