#include "creditor_id.hpp"

#include "mod97.hpp"

namespace caisse::adapters::sepa {
namespace {

bool alphanumeric(std::string_view text) {
  for (const char c : text) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> creditor_id_problem(std::string_view id) {
  if (id.size() < 8 || id.size() > 35) {
    return std::to_string(id.size()) + " characters where a creditor identifier has 8 to 35";
  }
  if (!alphanumeric(id)) return "only capital letters and digits are allowed";
  const std::string_view country = id.substr(0, 2);
  const std::string_view check = id.substr(2, 2);
  if (country[0] < 'A' || country[1] < 'A' || check[0] > '9' || check[1] > '9') {
    return "a creditor identifier starts with a country code and two check digits";
  }
  if (country == "FR" && id.size() != 13) {
    return "a French creditor identifier (ICS) has 13 characters, FRkkZZZ and 6 more";
  }
  // The business code (characters 5-7) can change without a new identifier, so it is not checked.
  const std::string national(id.substr(7));
  if (mod97(national + std::string(country) + std::string(check)) != 1u) {
    return "wrong check digits (a character is mistyped)";
  }
  return std::nullopt;
}

}  // namespace caisse::adapters::sepa
