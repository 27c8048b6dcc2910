// Reading an evaluation file (TOML, docs/accreditation-grids.md) and checking it against the
// grid version it names, which must be in the library: what `caissectl evaluation record` reads.
#pragma once

#include <filesystem>
#include <string_view>

#include "accreditation/evaluation.hpp"
#include "accreditation/grid_library.hpp"
#include "core/result.hpp"

namespace caisse::host::accreditation {

// The evaluation, valid for its grid version; the error lists every problem, one per line
// ("FILE:LINE:COLUMN: answers.horaires: 4 is out of range (0 to 3)").
Result<Evaluation> read_evaluation_file(const std::filesystem::path& file,
                                        const GridLibrary& grids);

// The same from text held in memory; `name` stands for the file in error lines.
Result<Evaluation> read_evaluation_text(std::string_view text, const std::filesystem::path& name,
                                        const GridLibrary& grids);

}  // namespace caisse::host::accreditation
