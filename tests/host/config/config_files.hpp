// Writes configuration files into a fresh folder for the config tests.
#pragma once

#include <fstream>
#include <string>

#include "temp_dir.hpp"

namespace caisse::host::config {

class ConfigFiles {
 public:
  std::filesystem::path write(const std::string& name, const std::string& content) {
    auto path = dir_.path() / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path) << content;
    return path;
  }
  const std::filesystem::path& dir() const { return dir_.path(); }

 private:
  caisse::testing::TempDir dir_;
};

// A valid caisse file with the given id and extra text appended.
inline std::string caisse_toml(const std::string& id, const std::string& extra = "") {
  return "[caisse]\nid = \"" + id + "\"\nname = \"Caisse " + id +
         "\"\n\n[currency]\ncode = \"MONA\"\nname = \"MonA\"\nparity_eur = \"1.00\"\n" + extra;
}

}  // namespace caisse::host::config
