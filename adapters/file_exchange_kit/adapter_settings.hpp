// An instance's configuration, read and checked once at init: the folders exist, the mapping
// is valid and agrees with the other keys. Every problem is a ConfigError naming the key (and,
// for the mapping, file:line:column).
#pragma once

#include <caisse/sdk.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "mapping.hpp"

namespace caisse::adapters::file_exchange_kit {

// What a plugin built on the kit brings: its default mapping.
struct AdapterDefaults {
  std::string_view mapping_text;  // TOML, embedded at build time
  std::string_view mapping_name;  // how messages name it: "kohinos.toml (default mapping)"
};

struct AdapterSettings {
  std::filesystem::path outbox, inbox, import;
  Mapping mapping;
  std::optional<std::filesystem::path> accounts_file;
  std::filesystem::path merchants_file;
  std::string credit_file_prefix;
  std::string currency;
  int minor_unit = 2;
};

AdapterSettings read_settings(const sdk::Host& host, const AdapterDefaults& defaults);

}  // namespace caisse::adapters::file_exchange_kit
