#include "text_encoding.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>

#include "file_errors.hpp"

namespace caisse::adapters::file_exchange_kit {
namespace {

// Windows-1252 bytes 0x80-0x9F as Unicode code points; 0 where the code page has no character.
constexpr std::array<std::uint16_t, 32> kCp1252High{
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Length of the valid UTF-8 sequence at text[i], or 0 (overlong forms and surrogates refused).
std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b = byte(i);
  std::size_t n = 0;
  std::uint32_t cp = 0;
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) {
    n = 2;
    cp = b & 0x1F;
  } else if (b >= 0xE0 && b <= 0xEF) {
    n = 3;
    cp = b & 0x0F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    n = 4;
    cp = b & 0x07;
  } else {
    return 0;
  }
  if (i + n > text.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
      (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))) {
    return 0;
  }
  return n;
}

}  // namespace

std::optional<Encoding> encoding_named(std::string_view name) {
  if (name == "utf-8") return Encoding::utf8;
  if (name == "windows-1252") return Encoding::windows_1252;
  return std::nullopt;
}

std::string decode_text(std::string bytes, Encoding encoding, std::string_view file) {
  if (std::string_view(bytes).starts_with(kUtf8Bom)) bytes.erase(0, kUtf8Bom.size());
  if (encoding == Encoding::utf8) {
    for (std::size_t i = 0; i < bytes.size();) {
      const std::size_t n = utf8_length(bytes, i);
      if (n == 0) {
        const auto line = 1 + std::count(bytes.begin(), bytes.begin() + static_cast<long>(i), '\n');
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(bytes[i]));
        throw FileFormatError(std::string(file) + ":" + std::to_string(line) + ": byte " + hex +
                              " is not UTF-8; if the file comes from a spreadsheet saved as "
                              "Windows-1252, set encoding = \"windows-1252\" in the mapping");
      }
      i += n;
    }
    return bytes;
  }
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  int line = 1;
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    if (b == '\n') ++line;
    std::uint32_t cp = b;
    if (b >= 0x80 && b <= 0x9F) {
      cp = kCp1252High[b - 0x80];
      if (cp == 0) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", b);
        throw FileFormatError(std::string(file) + ":" + std::to_string(line) + ": byte " + hex +
                              " is not a Windows-1252 character");
      }
    }
    append_utf8(out, cp);
  }
  return out;
}

}  // namespace caisse::adapters::file_exchange_kit
