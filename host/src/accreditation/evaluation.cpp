#include "accreditation/evaluation.hpp"

namespace caisse::host::accreditation {

config::SourcePosition Evaluation::position_of(std::string_view key_path) const {
  if (auto at = positions.find(key_path); at != positions.end()) return at->second;
  return config::SourcePosition{source};
}

}  // namespace caisse::host::accreditation
