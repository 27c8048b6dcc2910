#include "config/source_position.hpp"

namespace caisse::host::config {

std::string SourcePosition::to_string() const {
  if (line <= 0) return file.string();
  return file.string() + ":" + std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace caisse::host::config
