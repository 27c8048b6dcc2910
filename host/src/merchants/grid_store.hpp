// The criteria grid versions a caisse scores evaluations with (docs/conventionnement.md). A
// version is stored, text and digest, the first time an evaluation uses it, and never changes
// afterwards: the committee's folder of grids may be edited or lose a file, a past evaluation
// still scores with the grid it was made on. A folder file that claims a stored version with
// other content is refused (a changed grid needs a new version).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "accreditation/grid_library.hpp"
#include "core/result.hpp"
#include "store/pg_connection.hpp"

namespace caisse::host::merchants {

struct GridText {
  std::string text;    // the TOML as read
  std::string source;  // the file it came from
};

struct CaisseGrids {
  accreditation::GridLibrary library;
  std::map<std::pair<std::string, std::string>, GridText> texts;  // (id, version) -> text
};

// The stored versions of the caisse, then every *.toml file of `grids_dir` (none when empty).
// The error lists every file that cannot be read or contradicts a stored version.
Result<CaisseGrids> load_caisse_grids(store::PgConnection& db, std::string_view caisse_id,
                                      const std::filesystem::path& grids_dir);

// Stores version (id, version) of `grids` unless it is stored already (then its digest is
// checked again). Inside the caller's transaction.
Result<void> store_grid_version(store::PgConnection& db, std::string_view caisse_id,
                                const CaisseGrids& grids, std::string_view id,
                                std::string_view version);

// The stored version alone, checked against the digest an evaluation recorded: a difference is
// an error (the stored text cannot change; if it did, no silent re-score).
Result<accreditation::GridLibrary> stored_grid(store::PgConnection& db, std::string_view caisse_id,
                                               std::string_view id, std::string_view version,
                                               std::string_view expected_digest);

}  // namespace caisse::host::merchants
