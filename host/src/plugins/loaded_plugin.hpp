// A plugin file the host has loaded and accepted. It keeps the shared object mapped: instances
// hold a shared_ptr to it, so the code their hooks run is never unloaded under them.
#pragma once

#include <caisse/sdk.h>

#include <filesystem>
#include <memory>
#include <string>

namespace caisse::host::plugins {

class LoadedPlugin {
 public:
  // library: anything whose lifetime keeps the code mapped (type-erased so that Boost.DLL stays
  // out of this header). descriptor points into that code.
  LoadedPlugin(std::shared_ptr<void> library, const caisse_plugin_t& descriptor,
               std::filesystem::path path, std::string sha256)
      : library_(std::move(library)),
        descriptor_(&descriptor),
        path_(std::move(path)),
        sha256_(std::move(sha256)) {}

  // Checked by the loader: ABI, sizes, name, roles with their hooks, config schema.
  const caisse_plugin_t& descriptor() const { return *descriptor_; }
  const char* name() const { return descriptor_->name; }
  // The file that was loaded (symlinks resolved).
  const std::filesystem::path& path() const { return path_; }
  // Lower-case hex SHA-256 of the file as it was when loaded.
  const std::string& sha256() const { return sha256_; }

 private:
  std::shared_ptr<void> library_;
  const caisse_plugin_t* descriptor_;
  std::filesystem::path path_;
  std::string sha256_;
};

}  // namespace caisse::host::plugins
