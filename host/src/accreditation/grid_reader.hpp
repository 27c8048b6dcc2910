// Reading a grid file strictly: every key is known, typed and in range, and every problem is
// one line "FILE:LINE:COLUMN: key.path: message" (the format is docs/accreditation-grids.md).
#pragma once

#include <filesystem>
#include <string_view>

#include "accreditation/grid.hpp"
#include "core/result.hpp"

namespace caisse::host::accreditation {

// One grid version from a TOML file; the error lists every problem found, one per line.
Result<Grid> read_grid_file(const std::filesystem::path& file);

// The same from text held in memory; `name` stands for the file in error lines.
Result<Grid> read_grid_text(std::string_view text, const std::filesystem::path& name);

}  // namespace caisse::host::accreditation
