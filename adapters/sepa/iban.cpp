#include "iban.hpp"

#include <cctype>

#include "mod97.hpp"

namespace caisse::adapters::sepa {
namespace {

// The countries of the SEPA schemes (EPC list, 2025: EU and EEA, CH, GB, GI, MC, SM, VA, AD and
// the 2024-2025 entrants AL, MD, ME, MK), each as country code + IBAN length. A debit from
// elsewhere cannot be collected, so the table is deliberately not the whole SWIFT registry.
constexpr std::string_view kSepaLengths =
    "AD24AL28AT20BE16BG22CH21CY28CZ24DE22DK18EE20ES24FI18FR27GB22GI23GR27HR21HU28IE22IS26IT27"
    "LI21LT20LU20LV21MC27MD24ME22MK19MT31NL18NO15PL28PT25RO24SE24SI19SK24SM27VA22";

std::size_t sepa_length(std::string_view country) {
  for (std::size_t at = 0; at + 4 <= kSepaLengths.size(); at += 4) {
    if (kSepaLengths.substr(at, 2) == country) {
      return static_cast<std::size_t>((kSepaLengths[at + 2] - '0') * 10 +
                                      (kSepaLengths[at + 3] - '0'));
    }
  }
  return 0;
}

bool all_digits(std::string_view text) {
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// The French RIB key of bank (5 digits), branch (5) and account (11 alphanumeric): letters are
// first folded onto digits (A,J -> 1; B,K,S -> 2; ...), then 97 - (89 b + 15 g + 3 c) mod 97.
// Computed piecewise so the 11-digit account never overflows.
unsigned rib_key(std::string_view bank, std::string_view branch, std::string_view account) {
  auto fold = [](char c) -> unsigned {
    if (c >= '0' && c <= '9') return static_cast<unsigned>(c - '0');
    const unsigned rank = static_cast<unsigned>(c - 'A');  // A=0 ... Z=25
    // A-I and J-R count 1-9, S-Z count 2-9 (the RIB rule: S is 2, not 1).
    return c <= 'R' ? rank % 9 + 1 : rank - 18 + 2;
  };
  auto reduce = [&](std::string_view digits) {
    unsigned long value = 0;
    for (const char c : digits) value = (value * 10 + fold(c)) % 97;
    return value;
  };
  const unsigned long sum = (89 * reduce(bank) + 15 * reduce(branch) + 3 * reduce(account)) % 97;
  return static_cast<unsigned>(97 - sum);
}

std::optional<std::string> french_bban_problem(std::string_view bban) {
  const std::string_view bank = bban.substr(0, 5);
  const std::string_view branch = bban.substr(5, 5);
  const std::string_view account = bban.substr(10, 11);
  const std::string_view key = bban.substr(21, 2);
  if (!all_digits(bank) || !all_digits(branch) || !all_digits(key)) {
    return "a French IBAN has a 5-digit bank code, a 5-digit branch code, an 11-character "
           "account and a 2-digit RIB key";
  }
  const unsigned expected = rib_key(bank, branch, account);
  if (static_cast<unsigned>((key[0] - '0') * 10 + (key[1] - '0')) != expected) {
    return "wrong RIB key (the account part is mistyped)";
  }
  return std::nullopt;
}

}  // namespace

std::string compact_iban(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == ' ') continue;
    out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return out;
}

std::optional<std::string> iban_problem(std::string_view iban) {
  if (iban.empty()) return "missing";
  for (const char c : iban) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
      return "only capital letters and digits are allowed in an IBAN";
    }
  }
  if (iban.size() < 5 || !std::isupper(static_cast<unsigned char>(iban[0])) ||
      !std::isupper(static_cast<unsigned char>(iban[1])) || !all_digits(iban.substr(2, 2))) {
    return "an IBAN starts with a country code and two check digits";
  }
  const std::string_view country = iban.substr(0, 2);
  const std::size_t length = sepa_length(country);
  if (length == 0) return "country " + std::string(country) + " is not in the SEPA area";
  if (iban.size() != length) {
    return std::to_string(iban.size()) + " characters where an IBAN of " + std::string(country) +
           " has " + std::to_string(length);
  }
  const std::string rotated = std::string(iban.substr(4)) + std::string(iban.substr(0, 4));
  if (mod97(rotated) != 1u) return "wrong check digits (a character is mistyped or missing)";
  if (country == "FR") return french_bban_problem(iban.substr(4));
  return std::nullopt;
}

std::string iban_check_digits(std::string_view country, std::string_view bban) {
  const auto rest = mod97(std::string(bban) + std::string(country) + "00");
  const unsigned digits = 98 - rest.value_or(0);
  return {static_cast<char>('0' + digits / 10), static_cast<char>('0' + digits % 10)};
}

std::string masked_iban(std::string_view iban) {
  if (iban.size() < 8) return "****";
  return std::string(iban.substr(0, 4)) + " **** " + std::string(iban.substr(iban.size() - 3));
}

}  // namespace caisse::adapters::sepa
