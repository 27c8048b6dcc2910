// Where a configuration value was written, so that every error can point at it.
#pragma once

#include <filesystem>
#include <string>

namespace caisse::host::config {

struct SourcePosition {
  std::filesystem::path file;
  int line = 0;    // 1-based; 0 when unknown (the error then names the file only)
  int column = 0;  // 1-based

  // "FILE:LINE:COLUMN", or "FILE" when the line is unknown.
  std::string to_string() const;
};

}  // namespace caisse::host::config
