// Every version of every grid a caisse has adopted. Versions are added, never replaced: an
// evaluation names its grid version and is always scored with that one, even after the
// committee adopts a newer grid. Two sources claiming the same id and version must say the
// same thing (same canonical digest), so a version cannot be rewritten behind the evaluations
// made with it.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "accreditation/evaluation.hpp"
#include "accreditation/grid.hpp"
#include "accreditation/scoring.hpp"
#include "core/result.hpp"

namespace caisse::host::accreditation {

// The *.toml files directly in `folder`, sorted: the grid versions a folder holds.
Result<std::vector<std::filesystem::path>> grid_files(const std::filesystem::path& folder);

class GridLibrary {
 public:
  // Every *.toml file directly in `folder`, one grid version each (other files are ignored).
  // The error lists the problems of every file, not only the first one.
  static Result<GridLibrary> load_folder(const std::filesystem::path& folder);

  // Adds one version read from `source` (a file, or a label for text from storage). The same
  // id and version again is accepted when its digest is the same (a copied file) and refused
  // otherwise; so is a second version of a grid adopted on the same day as another (which one
  // is the newer could not be told).
  Result<void> add(Grid grid, const std::string& source);

  const Grid* find(std::string_view id, std::string_view version) const;
  // The versions of grid `id`, oldest adoption first; empty for an unknown id.
  std::vector<const Grid*> versions(std::string_view id) const;
  // The version adopted last: the one new evaluations should use. nullptr for an unknown id.
  const Grid* latest(std::string_view id) const;
  // The digest of a version held here (grid_digest.hpp), "" when unknown.
  std::string digest(std::string_view id, std::string_view version) const;

  // The grid version the evaluation names, or an error saying which versions there are.
  Result<const Grid*> grid_for(const Evaluation& evaluation) const;
  // Scores the evaluation with the grid version it names.
  Result<ScoreCard> score(const Evaluation& evaluation) const;

 private:
  struct Entry {
    Grid grid;
    std::string digest;
    std::string source;
  };
  std::map<std::pair<std::string, std::string>, Entry, std::less<>> entries_;
};

}  // namespace caisse::host::accreditation
