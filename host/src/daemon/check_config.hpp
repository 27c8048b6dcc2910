// `caissed --check-config PATH`: everything the daemon would check at start, without starting
// anything: both kinds of files, every plugin file (loaded to read its schema, never
// initialised), every plugin block against that schema, and every secret reference.
#pragma once

#include <filesystem>
#include <iosfwd>

namespace caisse::host::daemon {

// Prints one line per error to `errors` and a summary to `out`. Returns the exit code: 0 when
// the configuration is valid, 1 otherwise.
int check_config(const std::filesystem::path& file, std::ostream& out, std::ostream& errors);

}  // namespace caisse::host::daemon
