// Helpers that declare a plugin's configuration schema as a constexpr std::array, readable at a
// glance:
//
//   constexpr std::array config{
//       caisse::sdk::field::integer("amount_per_person", "10000", "Minor units per person."),
//       caisse::sdk::field::required(caisse::sdk::field::secret("api_token", "Bearer token.")),
//   };
//
// The host checks the schema when it loads the plugin (valid names, a default that parses as
// its type, SECRET only on strings, REQUIRED without a default, no duplicates).
#pragma once

#include <caisse/sdk.h>

#include <array>

namespace caisse::sdk {

namespace field {

// default_value is the TOML literal ("10000", "true", "EUR"), or nullptr for an optional field.
constexpr caisse_config_field_t string(const char* name, const char* default_value,
                                       const char* description) {
  return {name, CAISSE_CONFIG_TYPE_STRING, default_value, 0, description};
}
constexpr caisse_config_field_t integer(const char* name, const char* default_value,
                                        const char* description) {
  return {name, CAISSE_CONFIG_TYPE_INTEGER, default_value, 0, description};
}
constexpr caisse_config_field_t boolean(const char* name, const char* default_value,
                                        const char* description) {
  return {name, CAISSE_CONFIG_TYPE_BOOLEAN, default_value, 0, description};
}

// A string the operator gives as `env:NAME` or `file:PATH`; the plugin receives it resolved and
// the host never logs or prints it. Secrets have no default.
constexpr caisse_config_field_t secret(const char* name, const char* description) {
  return {name, CAISSE_CONFIG_TYPE_STRING, nullptr, CAISSE_CONFIG_SECRET, description};
}

// The operator must give the field; wrap a field declared without a default.
constexpr caisse_config_field_t required(caisse_config_field_t field) {
  field.flags |= CAISSE_CONFIG_REQUIRED;
  return field;
}

}  // namespace field

// For a plugin that takes no configuration.
inline constexpr std::array<caisse_config_field_t, 0> no_config{};

}  // namespace caisse::sdk
