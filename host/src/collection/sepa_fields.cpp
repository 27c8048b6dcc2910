#include "collection/sepa_fields.hpp"

#include <array>
#include <cstdint>

namespace caisse::host::collection {
namespace {

bool in_latin_set(char c, bool space_allowed) {
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
  if (c == ' ') return space_allowed;
  constexpr std::string_view kPunctuation = "+?/-:().,'";
  return kPunctuation.find(c) != std::string_view::npos;
}

// EPC: identifications never start or end with '/' and never hold "//".
bool follows_slash_rule(std::string_view text) {
  return text.front() != '/' && text.back() != '/' && text.find("//") == std::string_view::npos;
}

bool is_sepa_id(std::string_view text, bool space_allowed) {
  if (text.empty() || text.size() > kMaxSepaIdLength) return false;
  for (char c : text) {
    if (!in_latin_set(c, space_allowed)) return false;
  }
  return follows_slash_rule(text);
}

bool upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool alnum(char c) {
  return upper(c) || (c >= '0' && c <= '9');
}

std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ull;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

}  // namespace

bool is_mandate_reference(std::string_view text) {
  return is_sepa_id(text, false);
}

Result<std::string> normalize_bic(std::string_view text) {
  std::string bic(text);
  for (char& c : bic) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  auto valid = [&] {
    if (bic.size() != 8 && bic.size() != 11) return false;
    for (std::size_t i = 0; i < 6; ++i) {
      if (!upper(bic[i])) return false;
    }
    if (!alnum(bic[6]) || bic[6] == '0' || bic[6] == '1') return false;
    if (!alnum(bic[7]) || bic[7] == 'O') return false;
    for (std::size_t i = 8; i < bic.size(); ++i) {
      if (!alnum(bic[i])) return false;
    }
    return true;
  };
  if (!valid()) {
    return make_error("\"" + std::string(text) +
                          "\" is not a BIC (8 or 11 letters and digits: bank, country, location, "
                          "optional branch, e.g. AGRIFRPP882)",
                      ErrorKind::invalid);
  }
  return bic;
}

std::string bounded_sepa_id(std::string_view readable) {
  if (is_sepa_id(readable, true)) return std::string(readable);
  constexpr std::size_t kHashLength = 13;  // 13 × 5 bits ≥ 64
  constexpr std::size_t kPrefixLength = kMaxSepaIdLength - 1 - kHashLength;
  std::string id;
  for (char c : readable.substr(0, kPrefixLength)) id += in_latin_set(c, true) ? c : '.';
  // The hash part starts with '-', so the prefix never ends the id with '/'; a "//" in the
  // prefix is broken by the same substitution.
  for (std::size_t i = 0; i + 1 < id.size(); ++i) {
    if (id[i] == '/' && id[i + 1] == '/') id[i + 1] = '.';
  }
  if (!id.empty() && id.front() == '/') id.front() = '.';
  id += '-';
  constexpr std::string_view kBase32 = "0123456789ABCDEFGHIJKLMNOPQRSTUV";
  std::uint64_t hash = fnv1a(readable);
  std::array<char, kHashLength> digits{};
  for (std::size_t i = kHashLength; i-- > 0;) {
    digits[i] = kBase32[hash % 32];
    hash /= 32;
  }
  id.append(digits.data(), digits.size());
  return id;
}

}  // namespace caisse::host::collection
