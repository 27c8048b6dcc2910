#include "plugins/config_schema_check.hpp"

#include <charconv>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "plugins/descriptor_names.hpp"
#include "plugins/untrusted_enum.hpp"

namespace caisse::host::plugins {
namespace {

constexpr std::uint32_t kKnownFlags = CAISSE_CONFIG_REQUIRED | CAISSE_CONFIG_SECRET;

// TOML bare keys allow more, but field names also become metric labels and CLI words.
bool is_field_name(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

bool parses_as(caisse_config_type_t type, std::string_view literal) {
  switch (type) {
    case CAISSE_CONFIG_TYPE_STRING:
      return true;
    case CAISSE_CONFIG_TYPE_INTEGER: {
      std::int64_t value = 0;
      const auto [end, error] =
          std::from_chars(literal.data(), literal.data() + literal.size(), value);
      return error == std::errc{} && end == literal.data() + literal.size();
    }
    case CAISSE_CONFIG_TYPE_BOOLEAN:
      return literal == "true" || literal == "false";
  }
  return false;
}

Error field_error(std::string_view name, const std::string& reason) {
  return make_error("config field \"" + std::string(name) + "\": " + reason);
}

Result<void> check_field(const caisse_config_field_t& field, std::size_t index) {
  if (field.name == nullptr)
    return make_error("config field #" + std::to_string(index) + " has no name");
  const std::string_view name = field.name;
  if (!is_field_name(name)) return field_error(name, "name must match [a-z0-9_]+");
  const auto raw_type = untrusted_value(field.type);
  if (raw_type < CAISSE_CONFIG_TYPE_STRING || raw_type > CAISSE_CONFIG_TYPE_BOOLEAN) {
    return field_error(name, "unknown type " + std::to_string(raw_type));
  }
  const char* type = config_type_name(field.type);
  if ((field.flags & ~kKnownFlags) != 0) {
    return field_error(name, "unknown flags " + std::to_string(field.flags & ~kKnownFlags));
  }
  if ((field.flags & CAISSE_CONFIG_SECRET) != 0 && field.type != CAISSE_CONFIG_TYPE_STRING) {
    return field_error(name, std::string("SECRET is only for strings, this field is ") + type);
  }
  if (field.default_value == nullptr) return {};
  if ((field.flags & CAISSE_CONFIG_REQUIRED) != 0) {
    return field_error(name, std::string("REQUIRED and has a default \"") + field.default_value +
                                 "\"; a required field has none");
  }
  if (!parses_as(field.type, field.default_value)) {
    return field_error(
        name, std::string("default \"") + field.default_value + "\" does not parse as " + type);
  }
  return {};
}

}  // namespace

Result<void> check_config_schema(const caisse_plugin_t& descriptor) {
  if (descriptor.config_field_count > 0 && descriptor.config_fields == nullptr) {
    return make_error("declares " + std::to_string(descriptor.config_field_count) +
                      " config fields but config_fields is NULL");
  }
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < descriptor.config_field_count; ++i) {
    const caisse_config_field_t& field = descriptor.config_fields[i];
    if (auto checked = check_field(field, i); !checked) return checked;
    if (!seen.insert(field.name).second) {
      return make_error("config field \"" + std::string(field.name) + "\" is declared twice");
    }
  }
  return {};
}

}  // namespace caisse::host::plugins
