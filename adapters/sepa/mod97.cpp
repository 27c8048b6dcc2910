#include "mod97.hpp"

namespace caisse::adapters::sepa {

std::optional<unsigned> mod97(std::string_view text) {
  unsigned long remainder = 0;
  for (const char c : text) {
    unsigned value = 0;
    unsigned long scale = 10;
    if (c >= '0' && c <= '9') {
      value = static_cast<unsigned>(c - '0');
    } else if (c >= 'A' && c <= 'Z') {
      value = static_cast<unsigned>(c - 'A') + 10;
      scale = 100;  // a letter stands for two decimal digits
    } else {
      return std::nullopt;
    }
    remainder = (remainder * scale + value) % 97;
  }
  return static_cast<unsigned>(remainder);
}

}  // namespace caisse::adapters::sepa
