// One caisse file (caisses/montpellier.toml): the caisse's identity, its currency and its plugin
// instances. Read by the config loader; errors go to the shared diagnostics.
#pragma once

#include <filesystem>
#include <optional>

#include "config/daemon_config.hpp"
#include "config/toml_reader.hpp"

namespace caisse::host::config {

std::optional<CaisseConfig> load_caisse_file(const std::filesystem::path& file,
                                             Diagnostics& diagnostics);

// [a-z0-9] then [a-z0-9_-]: ids and names that end up in URLs, metric labels and file names.
bool is_identifier(std::string_view text);

}  // namespace caisse::host::config
