// Finds NAME.so in the configured plugin directories, checks it, loads it and accepts or refuses
// it. A refusal is one line naming the file and the reason, e.g.
//   /usr/lib/caissed/plugins/hello.so: refused: built for ABI major 2, this host implements ABI 1.0
//   plugin hello: not found in /usr/lib/caissed/plugins, /opt/caisse/plugins
// docs/sdk.md lists every reason.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "plugins/descriptor_names.hpp"  // callers describing a plugin need its role and type names
#include "plugins/loaded_plugin.hpp"

namespace caisse::host::plugins {

struct PluginLoadRequest {
  // [a-z0-9_-]+; the file is NAME.so and the descriptor must carry the same name.
  std::string name;
  // Searched in order; the first NAME.so found is the one loaded (or refused).
  std::vector<std::filesystem::path> dirs;
  // Expected SHA-256 of the file, hex (either case); the file is refused if it differs.
  std::optional<std::string> sha256;
};

// Loads with RTLD_NOW | RTLD_LOCAL after refusing world-writable files and directories and
// checking the pin, then validates the descriptor. Not thread-safe (dlopen is not everywhere):
// call it from the thread that starts the daemon.
Result<std::shared_ptr<LoadedPlugin>> load_plugin(const PluginLoadRequest& request);

}  // namespace caisse::host::plugins
