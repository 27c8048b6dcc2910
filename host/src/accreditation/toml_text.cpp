#include "accreditation/toml_text.hpp"

#include <string>

namespace caisse::host::accreditation {

std::optional<toml::table> parse_toml_text(std::string_view text, const std::filesystem::path& name,
                                           config::Diagnostics& diagnostics) {
  try {
    return toml::parse(text, name.string());
  } catch (const toml::parse_error& e) {
    diagnostics.error(config::position_in(name, e.source()), "", std::string(e.description()));
    return std::nullopt;
  }
}

}  // namespace caisse::host::accreditation
