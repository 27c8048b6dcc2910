#include "references.hpp"

#include "latin_text.hpp"

namespace caisse::adapters::sepa {

std::optional<std::string> reference_problem(std::string_view id, std::size_t max_length,
                                             SpaceRule spaces) {
  if (id.empty()) return "missing";
  if (id.size() > max_length) {
    return std::to_string(id.size()) + " characters, at most " + std::to_string(max_length) +
           " allowed";
  }
  for (const char c : id) {
    if (!is_sepa_latin(c) || (c == ' ' && spaces == SpaceRule::refused)) {
      const std::string shown = (c >= 0x20 && c < 0x7F) ? "character '" + std::string(1, c) + "'"
                                                        : std::string("a non-ASCII character");
      return shown + " is not allowed" +
             (spaces == SpaceRule::refused
                  ? " (letters, digits and / - ? : ( ) . , ' + only)"
                  : " (letters, digits, space and / - ? : ( ) . , ' + only)");
    }
  }
  if (id.front() == '/' || id.back() == '/' || id.find("//") != std::string_view::npos) {
    return "must not start or end with '/' or contain \"//\" (EPC slash rule)";
  }
  return std::nullopt;
}

}  // namespace caisse::adapters::sepa
