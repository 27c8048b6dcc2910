#include "observability/masking.hpp"

namespace caisse::host::observability {
namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_upper(c) || is_digit(c) || (c >= 'a' && c <= 'z'); }

// IBANs are 15 to 34 characters: two letters, two check digits, then alphanumerics.
constexpr std::size_t kMinIban = 15;
constexpr std::size_t kMaxIban = 34;

// Length of the IBAN starting at text[i], or 0. An IBAN is written either compact or in groups
// of four separated by single spaces; a space is accepted only in the grouped form and only
// after a whole group, so the word that follows an IBAN ("… status=ok", "… to FR76…") is never
// taken for its tail.
std::size_t iban_length_at(std::string_view text, std::size_t i, std::string* compact) {
  if (i + 4 > text.size() || !is_upper(text[i]) || !is_upper(text[i + 1]) ||
      !is_digit(text[i + 2]) || !is_digit(text[i + 3])) {
    return 0;
  }
  auto iban_char = [](char c) { return is_upper(c) || is_digit(c); };
  std::string out;
  bool grouped = false;
  std::size_t j = i;
  while (j < text.size() && out.size() < kMaxIban) {
    char c = text[j];
    if (iban_char(c)) {
      out.push_back(c);
      ++j;
    } else if (c == ' ' && out.size() % 4 == 0 && (grouped || out.size() == 4) &&
               j + 1 < text.size() && iban_char(text[j + 1])) {
      grouped = true;
      ++j;
    } else {
      break;
    }
  }
  if (out.size() < kMinIban) return 0;
  if (compact) *compact = std::move(out);
  return j - i;
}

}  // namespace

std::string mask_iban(std::string_view iban) {
  std::string compact;
  for (char c : iban) {
    if (c != ' ') compact.push_back(c);
  }
  if (compact.size() <= 8) return std::string(compact.size(), '*');
  return compact.substr(0, 4) + std::string(compact.size() - 8, '*') +
         compact.substr(compact.size() - 4);
}

std::string mask_name(std::string_view name) {
  std::string out;
  std::size_t i = 0;
  while (i < name.size()) {
    if (name[i] == ' ' || name[i] == '-') {
      ++i;
      continue;
    }
    // Keep the whole first UTF-8 character of the word ("Élodie" -> "É."), drop the rest.
    std::size_t end = i + 1;
    while (end < name.size() && (static_cast<unsigned char>(name[end]) & 0xC0) == 0x80) ++end;
    if (!out.empty()) out.push_back(' ');
    out.append(name.substr(i, end - i));
    out.push_back('.');
    while (end < name.size() && name[end] != ' ' && name[end] != '-') ++end;
    i = end;
  }
  return out;
}

std::string mask_ibans_in(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    // An IBAN starts at a word boundary.
    bool boundary = i == 0 || !is_alnum(text[i - 1]);
    std::string compact;
    std::size_t n = boundary ? iban_length_at(text, i, &compact) : 0;
    if (n > 0) {
      out += mask_iban(compact);
      i += n;
    } else {
      out.push_back(text[i]);
      ++i;
    }
  }
  return out;
}

}  // namespace caisse::host::observability
