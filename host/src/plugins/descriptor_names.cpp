#include "plugins/descriptor_names.hpp"

#include <array>
#include <cstdio>
#include <utility>

namespace caisse::host::plugins {
namespace {

constexpr std::array<std::pair<std::uint32_t, const char*>, 5> kRoles{{
    {CAISSE_ROLE_CURRENCY, "currency"},
    {CAISSE_ROLE_COLLECTOR, "collector"},
    {CAISSE_ROLE_STATEMENT, "statement"},
    {CAISSE_ROLE_PAYOUT, "payout"},
    {CAISSE_ROLE_RULE, "rule"},
}};

std::string hex(std::uint32_t bit) {
  char text[16];
  std::snprintf(text, sizeof text, "0x%x", bit);
  return text;
}

}  // namespace

std::vector<std::string> role_list(std::uint32_t roles) {
  std::vector<std::string> names;
  for (std::uint32_t bit = 1; bit != 0; bit <<= 1) {
    if ((roles & bit) == 0) continue;
    std::string name = hex(bit);
    for (const auto& [role, role_name] : kRoles) {
      if (role == bit) name = role_name;
    }
    names.push_back(std::move(name));
  }
  return names;
}

std::string role_names(std::uint32_t roles) {
  std::string joined;
  for (const std::string& name : role_list(roles)) {
    joined += (joined.empty() ? "" : ", ") + name;
  }
  return joined.empty() ? "none" : joined;
}

const char* config_type_name(caisse_config_type_t type) {
  switch (type) {
    case CAISSE_CONFIG_TYPE_STRING:
      return "string";
    case CAISSE_CONFIG_TYPE_INTEGER:
      return "integer";
    case CAISSE_CONFIG_TYPE_BOOLEAN:
      return "boolean";
  }
  return "unknown";
}

std::string status_name(int status) {
  switch (status) {
    case CAISSE_STATUS_OK:
      return "OK";
    case CAISSE_STATUS_INVALID_ARGUMENT:
      return "INVALID_ARGUMENT";
    case CAISSE_STATUS_NOT_FOUND:
      return "NOT_FOUND";
    case CAISSE_STATUS_UNSUPPORTED:
      return "UNSUPPORTED";
    case CAISSE_STATUS_UNAVAILABLE:
      return "UNAVAILABLE";
    case CAISSE_STATUS_INTERNAL:
      return "INTERNAL";
    case CAISSE_STATUS_UNKNOWN_OUTCOME:
      return "UNKNOWN_OUTCOME";
    case CAISSE_STATUS_PERMISSION_DENIED:
      return "PERMISSION_DENIED";
  }
  return "status " + std::to_string(status);
}

}  // namespace caisse::host::plugins
