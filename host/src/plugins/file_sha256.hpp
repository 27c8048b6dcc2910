// The SHA-256 of a file's bytes, for pinning plugins (`sha256 = "…"` in the daemon config) and
// for showing operators exactly which build is loaded.
#pragma once

#include <filesystem>
#include <string>

#include "core/result.hpp"

namespace caisse::host::plugins {

// Lower-case hex, 64 characters; an Error naming the file when it cannot be read.
Result<std::string> file_sha256(const std::filesystem::path& path);

}  // namespace caisse::host::plugins
