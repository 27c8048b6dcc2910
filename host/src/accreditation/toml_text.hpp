// Parsing TOML held in memory (a grid or an evaluation read back from the database, or sent over
// HTTP) with the same error lines as config::parse_toml_file gives for files on disk.
#pragma once

#include <toml++/toml.h>

#include <filesystem>
#include <optional>
#include <string_view>

#include "config/toml_reader.hpp"

namespace caisse::host::accreditation {

// `name` stands for the file in error lines ("evaluation 17", "grids/nantes-2026.toml").
std::optional<toml::table> parse_toml_text(std::string_view text, const std::filesystem::path& name,
                                           config::Diagnostics& diagnostics);

}  // namespace caisse::host::accreditation
