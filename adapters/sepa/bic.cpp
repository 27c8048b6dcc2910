#include "bic.hpp"

namespace caisse::adapters::sepa {
namespace {

bool capital(char c) {
  return c >= 'A' && c <= 'Z';
}
bool capital_or_digit(char c) {
  return capital(c) || (c >= '0' && c <= '9');
}

}  // namespace

std::optional<std::string> bic_problem(std::string_view bic) {
  if (bic.size() != 8 && bic.size() != 11) {
    return std::to_string(bic.size()) + " characters where a BIC has 8 or 11";
  }
  for (std::size_t i = 0; i < 6; ++i) {
    if (!capital(bic[i])) return "a BIC starts with 4 letters of the bank and 2 of its country";
  }
  // Location code: '0' and '1' are not allowed first (test and passive BICs), 'O' not second.
  if (!capital_or_digit(bic[6]) || bic[6] == '0' || bic[6] == '1' || !capital_or_digit(bic[7]) ||
      bic[7] == 'O') {
    return "characters 7-8 (location) must be a letter or 2-9, then a letter but O or a digit";
  }
  for (std::size_t i = 8; i < bic.size(); ++i) {
    if (!capital_or_digit(bic[i])) return "the branch code (characters 9-11) is letters or digits";
  }
  return std::nullopt;
}

}  // namespace caisse::adapters::sepa
