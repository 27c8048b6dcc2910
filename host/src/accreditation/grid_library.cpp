#include "accreditation/grid_library.hpp"

#include <algorithm>
#include <system_error>

#include "accreditation/grid_digest.hpp"
#include "accreditation/grid_reader.hpp"

namespace caisse::host::accreditation {
namespace {

std::string joined_versions(const std::vector<const Grid*>& grids) {
  std::string out;
  for (const Grid* grid : grids) out += (out.empty() ? "" : ", ") + grid->version;
  return out;
}

}  // namespace

Result<std::vector<std::filesystem::path>> grid_files(const std::filesystem::path& folder) {
  std::error_code failure;
  std::vector<std::filesystem::path> files;
  for (std::filesystem::directory_iterator it(folder, failure), end; !failure && it != end;
       it.increment(failure)) {
    if (it->path().extension() == ".toml" && it->is_regular_file()) files.push_back(it->path());
  }
  if (failure) {
    return make_error(folder.string() + ": cannot list grid files: " + failure.message(),
                      ErrorKind::invalid);
  }
  // Sorted, so that which of two conflicting files is named first does not depend on the disk.
  std::sort(files.begin(), files.end());
  return files;
}

Result<GridLibrary> GridLibrary::load_folder(const std::filesystem::path& folder) {
  auto files = grid_files(folder);
  if (!files) return files.error();
  GridLibrary library;
  std::string errors;
  for (const auto& file : *files) {
    auto grid = read_grid_file(file);
    Result<void> added = grid ? library.add(std::move(*grid), file.string()) : grid.error();
    if (!added) errors += (errors.empty() ? "" : "\n") + added.error().message;
  }
  if (!errors.empty()) return make_error(std::move(errors), ErrorKind::invalid);
  return library;
}

Result<void> GridLibrary::add(Grid grid, const std::string& source) {
  std::string fingerprint = grid_digest(grid);
  auto key = std::make_pair(grid.id, grid.version);
  if (auto at = entries_.find(key); at != entries_.end()) {
    if (at->second.digest == fingerprint) return {};
    return make_error(source + ": grid " + grid_name(grid) + " is already defined by " +
                          at->second.source +
                          " with different content (a changed grid needs a new version)",
                      ErrorKind::conflict);
  }
  for (const Grid* other : versions(grid.id)) {
    if (other->adopted_on == grid.adopted_on) {
      return make_error(source + ": grid " + grid_name(grid) + " is adopted on " + grid.adopted_on +
                            ", the same day as version " + other->version + " (" +
                            entries_.at({other->id, other->version}).source + ")",
                        ErrorKind::conflict);
    }
  }
  entries_.emplace(std::move(key), Entry{std::move(grid), std::move(fingerprint), source});
  return {};
}

const Grid* GridLibrary::find(std::string_view id, std::string_view version) const {
  auto at = entries_.find(std::make_pair(std::string(id), std::string(version)));
  return at == entries_.end() ? nullptr : &at->second.grid;
}

std::vector<const Grid*> GridLibrary::versions(std::string_view id) const {
  std::vector<const Grid*> out;
  for (const auto& [key, entry] : entries_) {
    if (key.first == id) out.push_back(&entry.grid);
  }
  // YYYY-MM-DD sorts as text in date order.
  std::sort(out.begin(), out.end(),
            [](const Grid* a, const Grid* b) { return a->adopted_on < b->adopted_on; });
  return out;
}

const Grid* GridLibrary::latest(std::string_view id) const {
  auto all = versions(id);
  return all.empty() ? nullptr : all.back();
}

std::string GridLibrary::digest(std::string_view id, std::string_view version) const {
  auto at = entries_.find(std::make_pair(std::string(id), std::string(version)));
  return at == entries_.end() ? "" : at->second.digest;
}

Result<const Grid*> GridLibrary::grid_for(const Evaluation& evaluation) const {
  if (const Grid* grid = find(evaluation.grid_id, evaluation.grid_version)) return grid;
  auto known = versions(evaluation.grid_id);
  if (known.empty()) {
    return make_error(evaluation.position_of("grid").to_string() + ": grid: no grid \"" +
                          evaluation.grid_id + "\" in the library",
                      ErrorKind::not_found);
  }
  return make_error(evaluation.position_of("grid_version").to_string() + ": grid_version: grid " +
                        evaluation.grid_id + " has no version \"" + evaluation.grid_version +
                        "\" (known: " + joined_versions(known) + ")",
                    ErrorKind::not_found);
}

Result<ScoreCard> GridLibrary::score(const Evaluation& evaluation) const {
  auto grid = grid_for(evaluation);
  if (!grid) return grid.error();
  return score_evaluation(**grid, evaluation);
}

}  // namespace caisse::host::accreditation
