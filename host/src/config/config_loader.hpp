// Loads the daemon file and every caisse file it names into a DaemonConfig, strictly: unknown
// keys, wrong types, values out of range, missing required keys and malformed secret
// references are all reported at once, one line each, "FILE:LINE:COLUMN: key.path: message".
// Relative paths in a file are taken from that file's folder. Secrets are not resolved here
// (SecretRef::resolve does it when they are needed), so loading never reads a secret.
#pragma once

#include <filesystem>

#include "config/daemon_config.hpp"
#include "core/result.hpp"

namespace caisse::host::config {

Result<DaemonConfig> load_daemon_config(const std::filesystem::path& file);

}  // namespace caisse::host::config
