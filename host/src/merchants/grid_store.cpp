#include "merchants/grid_store.hpp"

#include <fstream>
#include <sstream>
#include <vector>

#include "accreditation/grid_reader.hpp"

namespace caisse::host::merchants {
namespace {

constexpr const char* kStored =
    "SELECT grid_id, version, grid_text, source FROM accreditation_grid_versions"
    " WHERE caisse_id = $1 AND ($2::text IS NULL OR (grid_id = $2 AND version = $3))"
    " ORDER BY grid_id, version";

constexpr const char* kInsert = R"sql(
INSERT INTO accreditation_grid_versions (caisse_id, grid_id, version, digest, adopted_on, source,
                                         grid_text)
VALUES ($1, $2, $3, $4, $5::date, $6, $7)
ON CONFLICT (caisse_id, grid_id, version) DO NOTHING
)sql";

// How a stored version is named in errors, instead of a file.
std::string stored_name(std::string_view id, std::string_view version, std::string_view source) {
  return "stored grid " + std::string(id) + " " + std::string(version) + " (first read from " +
         std::string(source) + ")";
}

// Adds a grid read from `text`; the problem, if any, goes to `errors`.
void add_text(CaisseGrids& grids, const std::string& text, const std::string& name,
              const std::string& source, std::string& errors) {
  auto grid = accreditation::read_grid_text(text, name);
  if (!grid) {
    errors += (errors.empty() ? "" : "\n") + grid.error().message;
    return;
  }
  auto key = std::make_pair(grid->id, grid->version);
  if (auto added = grids.library.add(std::move(*grid), name); !added) {
    errors += (errors.empty() ? "" : "\n") + added.error().message;
    return;
  }
  grids.texts.emplace(std::move(key), GridText{text, source});  // the first (stored) text stays
}

}  // namespace

Result<CaisseGrids> load_caisse_grids(store::PgConnection& db, std::string_view caisse_id,
                                      const std::filesystem::path& grids_dir) {
  auto stored = db.exec_params(kStored, {std::string(caisse_id), std::nullopt, std::nullopt});
  if (!stored) return stored.error();
  CaisseGrids grids;
  std::string errors;
  for (int r = 0; r < stored->rows(); ++r) {
    const std::string source(stored->get(r, 3));
    add_text(grids, std::string(stored->get(r, 2)),
             stored_name(stored->get(r, 0), stored->get(r, 1), source), source, errors);
  }
  if (!grids_dir.empty()) {
    auto files = accreditation::grid_files(grids_dir);
    if (!files) return files.error();
    for (const auto& file : *files) {
      std::ifstream in(file, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      if (!in) {
        errors += (errors.empty() ? "" : "\n") + file.string() + ": cannot be read";
        continue;
      }
      add_text(grids, text.str(), file.string(), file.string(), errors);
    }
  }
  if (!errors.empty()) return make_error(std::move(errors), ErrorKind::invalid);
  return grids;
}

Result<void> store_grid_version(store::PgConnection& db, std::string_view caisse_id,
                                const CaisseGrids& grids, std::string_view id,
                                std::string_view version) {
  const accreditation::Grid* grid = grids.library.find(id, version);
  auto text = grids.texts.find({std::string(id), std::string(version)});
  if (grid == nullptr || text == grids.texts.end()) {
    return make_error("grid " + std::string(id) + " " + std::string(version) + " is not known",
                      ErrorKind::not_found);
  }
  const std::string digest = grids.library.digest(id, version);
  auto inserted =
      db.exec_params(kInsert, {std::string(caisse_id), grid->id, grid->version, digest,
                               grid->adopted_on, text->second.source, text->second.text});
  if (!inserted) return inserted.error();
  auto check = stored_grid(db, caisse_id, id, version, digest);
  if (!check) return check.error();
  return {};
}

Result<accreditation::GridLibrary> stored_grid(store::PgConnection& db, std::string_view caisse_id,
                                               std::string_view id, std::string_view version,
                                               std::string_view expected_digest) {
  auto stored =
      db.exec_params(kStored, {std::string(caisse_id), std::string(id), std::string(version)});
  if (!stored) return stored.error();
  if (stored->rows() == 0) {
    return make_error("grid " + std::string(id) + " " + std::string(version) +
                          " is not stored in caisse " + std::string(caisse_id),
                      ErrorKind::not_found);
  }
  const std::string name = stored_name(id, version, stored->get(0, 3));
  CaisseGrids grids;
  std::string errors;
  add_text(grids, std::string(stored->get(0, 2)), name, std::string(stored->get(0, 3)), errors);
  if (!errors.empty()) return make_error(std::move(errors), ErrorKind::failed);
  if (const std::string digest = grids.library.digest(id, version); digest != expected_digest) {
    return make_error(name + ": digest " + digest + " differs from the recorded " +
                          std::string(expected_digest) + " (the grid a record was made with)",
                      ErrorKind::conflict);
  }
  return std::move(grids.library);
}

}  // namespace caisse::host::merchants
