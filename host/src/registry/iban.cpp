#include "registry/iban.hpp"

#include <array>
#include <utility>

#include "observability/masking.hpp"

namespace caisse::host::registry {
namespace {

// Lengths from the ISO 13616 IBAN registry (SWIFT), for the countries of the registry.
constexpr std::array<std::pair<std::string_view, std::size_t>, 79> kLengths = {{
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22},
    {"BH", 22}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24}, {"DE", 22},
    {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18}, {"FO", 18}, {"FR", 27},
    {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27}, {"GT", 28}, {"HR", 21}, {"HU", 28},
    {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26}, {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20},
    {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20}, {"LU", 20}, {"LV", 21}, {"LY", 25}, {"MC", 27},
    {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NL", 18}, {"NO", 15},
    {"PK", 24}, {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"SA", 24},
    {"SC", 31}, {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"ST", 25}, {"SV", 28},
    {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20},
}};

bool is_letter(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

Result<std::string> normalize_iban(std::string_view text) {
  std::string iban;
  for (char c : text) {
    if (c == ' ') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!is_letter(c) && !is_digit(c)) {
      return make_error("is not an IBAN: only letters, digits and spaces are allowed",
                        ErrorKind::invalid);
    }
    iban.push_back(c);
  }
  const std::string shown = "\"" + observability::mask_iban(iban) + "\"";
  if (iban.size() < 5 || !is_letter(iban[0]) || !is_letter(iban[1]) || !is_digit(iban[2]) ||
      !is_digit(iban[3])) {
    return make_error(shown +
                          " is not an IBAN (two letters of a country, two check digits, then "
                          "the account)",
                      ErrorKind::invalid);
  }
  std::size_t expected = 0;
  for (const auto& [country, length] : kLengths) {
    if (country == std::string_view(iban).substr(0, 2)) expected = length;
  }
  if (expected == 0) {
    return make_error(shown + ": unknown IBAN country " + iban.substr(0, 2), ErrorKind::invalid);
  }
  if (iban.size() != expected) {
    return make_error(shown + " has " + std::to_string(iban.size()) + " characters; an IBAN of " +
                          iban.substr(0, 2) + " has " + std::to_string(expected),
                      ErrorKind::invalid);
  }
  // ISO 7064 mod 97-10: the first four characters moved to the end, letters as 10-35.
  const std::string rearranged = iban.substr(4) + iban.substr(0, 4);
  unsigned remainder = 0;
  for (char c : rearranged) {
    if (is_digit(c)) {
      remainder = (remainder * 10 + static_cast<unsigned>(c - '0')) % 97;
    } else {
      remainder = (remainder * 100 + static_cast<unsigned>(c - 'A' + 10)) % 97;
    }
  }
  if (remainder != 1) {
    return make_error(shown + ": wrong check digits (a character is mistyped or missing)",
                      ErrorKind::invalid);
  }
  return iban;
}

}  // namespace caisse::host::registry
