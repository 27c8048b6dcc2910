// A grid version's fingerprint, computed from what the grid says rather than from its file's
// bytes: comments, spacing, key order and defaults written out or left implicit do not change
// it; any label, weight, scale, rule or exclusion does. Two files that claim the same id and
// version must have the same digest, and an evaluation can keep the digest of the grid it was
// scored with.
#pragma once

#include <string>

#include "accreditation/grid.hpp"

namespace caisse::host::accreditation {

// One line per value, each string length-prefixed so that no text can pass for another field.
std::string canonical_text(const Grid& grid);

// SHA-256 of canonical_text(), 64 lower-case hex characters.
std::string grid_digest(const Grid& grid);

}  // namespace caisse::host::accreditation
