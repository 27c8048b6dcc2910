// The file `caissectl import KIND FILE` sends: read whole, as bytes, before anything is sent.
#pragma once

#include <cstddef>
#include <string>

#include "core/result.hpp"

namespace caisse::host::ctl {

inline constexpr std::size_t kMaxImportBytes = 64 * 1024 * 1024;  // 64 MiB

// The bytes of `path`, as they are (no newline or encoding conversion). A pipe works as well as a
// file (`<(zcat households.csv.gz)`). Errors name the file: it cannot be opened or read (with the
// system's reason: no such file, permission denied, is a directory), or it is larger than
// `max_bytes`.
Result<std::string> read_import_file(const std::string& path,
                                     std::size_t max_bytes = kMaxImportBytes);

}  // namespace caisse::host::ctl
