#include "latin_text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

namespace caisse::adapters::sepa {
namespace {

// U+00A0 to U+00FF (Latin-1 supplement), one entry per code point.
constexpr std::array<std::string_view, 96> kLatin1 = {
    " ", " ",  "c", "GBP", " ", "JPY", " ",  " ", " ", "(c)", "a", " ", "-",   "",    "(r)", "-",
    "o", "+-", "2", "3",   "'", "u",   " ",  ".", " ", "1",   "o", " ", "1/4", "1/2", "3/4", "?",
    "A", "A",  "A", "A",   "A", "A",   "AE", "C", "E", "E",   "E", "E", "I",   "I",   "I",   "I",
    "D", "N",  "O", "O",   "O", "O",   "O",  "x", "O", "U",   "U", "U", "U",   "Y",   "TH",  "ss",
    "a", "a",  "a", "a",   "a", "a",   "ae", "c", "e", "e",   "e", "e", "i",   "i",   "i",   "i",
    "d", "n",  "o", "o",   "o", "o",   "o",  " ", "o", "u",   "u", "u", "u",   "y",   "th",  "y",
};

// U+0100 to U+017F (Latin Extended-A), the base letter of each; '*' marks the four ligatures.
constexpr std::string_view kLatinExtendedA =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi**JjKkkLlLlLlLlLlNnNnNnnNnOoOoOo**RrRrRrSsSs"
    "SsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

// Punctuation from the General Punctuation block and a few others French text uses.
constexpr std::array<std::pair<char32_t, std::string_view>, 20> kPunctuation = {{
    {0x2002, " "}, {0x2003, " "},   {0x2007, " "}, {0x2009, " "},   {0x2010, "-"},
    {0x2011, "-"}, {0x2012, "-"},   {0x2013, "-"}, {0x2014, "-"},   {0x2018, "'"},
    {0x2019, "'"}, {0x201A, "'"},   {0x201C, " "}, {0x201D, " "},   {0x201E, " "},
    {0x2022, " "}, {0x2026, "..."}, {0x202F, " "}, {0x20AC, "EUR"}, {0x2212, "-"},
}};

std::string_view extended_a(char32_t cp) {
  switch (cp) {
    case 0x132:
      return "IJ";
    case 0x133:
      return "ij";
    case 0x152:
      return "OE";
    case 0x153:
      return "oe";
    default:
      return kLatinExtendedA.substr(cp - 0x100, 1);
  }
}

// What replaces one code point.
std::string_view replacement(char32_t cp, char& ascii) {
  if (cp < 0x80) {
    ascii = static_cast<char>(cp);
    if (is_sepa_latin(ascii)) return {&ascii, 1};
    return ascii == '&' ? "+" : " ";
  }
  if (cp >= 0xA0 && cp <= 0xFF) return kLatin1[cp - 0xA0];
  if (cp >= 0x100 && cp <= 0x17F) return extended_a(cp);
  for (const auto& [point, text] : kPunctuation) {
    if (point == cp) return text;
  }
  return ".";
}

// Decodes one UTF-8 sequence at `at`, advancing it; a malformed byte decodes as U+FFFD alone.
char32_t next_code_point(std::string_view text, std::size_t& at) {
  const auto lead = static_cast<unsigned char>(text[at++]);
  if (lead < 0x80) return lead;
  std::size_t extra = 0;
  char32_t cp = 0;
  if ((lead & 0xE0) == 0xC0) {
    extra = 1;
    cp = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    extra = 2;
    cp = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    extra = 3;
    cp = lead & 0x07;
  } else {
    return 0xFFFD;
  }
  if (at + extra > text.size()) return 0xFFFD;
  for (std::size_t i = 0; i < extra; ++i) {
    const auto byte = static_cast<unsigned char>(text[at + i]);
    if ((byte & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (byte & 0x3F);
  }
  at += extra;
  return cp;
}

void trim_trailing_space(std::string& text) {
  while (!text.empty() && text.back() == ' ') text.pop_back();
}

}  // namespace

bool is_sepa_latin(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("/-?:().,'+ ").find(c) != std::string_view::npos;
}

std::string to_sepa_latin(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  std::size_t at = 0;
  while (at < utf8.size()) {
    char ascii = 0;
    for (const char c : replacement(next_code_point(utf8, at), ascii)) {
      // Leading spaces and runs of spaces never make it in.
      if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
      out.push_back(c);
    }
  }
  trim_trailing_space(out);
  return out;
}

std::string fit_sepa_text(std::string_view utf8, std::size_t max_length) {
  std::string out = to_sepa_latin(utf8);
  // Basic Latin is one byte per character, so cutting bytes cuts characters.
  if (out.size() > max_length) out.resize(max_length);
  trim_trailing_space(out);
  return out;
}

std::string_view truncate_utf8(std::string_view utf8, std::size_t max_bytes) {
  if (utf8.size() <= max_bytes) return utf8;
  std::size_t end = max_bytes;
  // Step back over continuation bytes (10xxxxxx) to the start of the sequence they belong to.
  while (end > 0 && (static_cast<unsigned char>(utf8[end]) & 0xC0) == 0x80) --end;
  return utf8.substr(0, end);
}

}  // namespace caisse::adapters::sepa
