#include "text_decoding.hpp"

#include <array>
#include <cstdint>
#include <cstdio>

namespace caisse::adapters::bankcsv {
namespace {

using HighHalf = std::array<std::uint16_t, 128>;  // code points of bytes 0x80-0xFF; 0: none

// ISO-8859-1 maps every byte to the code point of the same value. Bytes 0x80-0x9F are C1
// control characters there: in a bank export they only ever mean the file is really cp1252,
// so they are refused rather than passed on as invisible controls.
constexpr HighHalf latin1() {
  HighHalf table{};
  for (std::uint16_t b = 0xA0; b <= 0xFF; ++b) table[b - 0x80] = b;
  return table;
}

// ISO-8859-15 replaces eight ISO-8859-1 characters, the euro sign among them (0xA4).
constexpr HighHalf latin9() {
  HighHalf table = latin1();
  table[0xA4 - 0x80] = 0x20AC;
  table[0xA6 - 0x80] = 0x0160;
  table[0xA8 - 0x80] = 0x0161;
  table[0xB4 - 0x80] = 0x017D;
  table[0xB8 - 0x80] = 0x017E;
  table[0xBC - 0x80] = 0x0152;
  table[0xBD - 0x80] = 0x0153;
  table[0xBE - 0x80] = 0x0178;
  return table;
}

// Windows-1252 is ISO-8859-1 with printable characters (the euro sign at 0x80, typographic
// quotes, dashes) where ISO-8859-1 has C1 controls; five bytes stay undefined.
constexpr HighHalf cp1252() {
  HighHalf table = latin1();
  constexpr std::uint16_t c1[32] = {
      0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 0x80
      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,       // 0x88
      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 0x90
      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,  // 0x98
  };
  for (int i = 0; i < 32; ++i) table[static_cast<std::size_t>(i)] = c1[i];
  return table;
}

constexpr HighHalf kLatin1 = latin1();
constexpr HighHalf kLatin9 = latin9();
constexpr HighHalf kCp1252 = cp1252();

const HighHalf& high_half(Encoding encoding) {
  switch (encoding) {
    case Encoding::cp1252:
      return kCp1252;
    case Encoding::iso_8859_15:
      return kLatin9;
    default:
      return kLatin1;
  }
}

// The length of the well-formed UTF-8 sequence starting at text[i] (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF), or 0.
std::size_t utf8_sequence(std::string_view text, std::size_t i) {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const unsigned char lead = at(0);
  if (lead < 0x80) return 1;
  // The allowed range of the second byte depends on the lead byte; later bytes are 80-BF.
  unsigned char low = 0x80, high = 0xBF;
  std::size_t length = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (i + length > text.size() || at(1) < low || at(1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (at(k) < 0x80 || at(k) > 0xBF) return 0;
  }
  return length;
}

void put_code_point(std::string& out, std::uint16_t cp) {
  if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
  }
  out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
}

}  // namespace

std::optional<Encoding> encoding_named(std::string_view name) {
  if (name == "utf-8") return Encoding::utf8;
  if (name == "cp1252" || name == "windows-1252") return Encoding::cp1252;
  if (name == "iso-8859-1") return Encoding::iso_8859_1;
  if (name == "iso-8859-15") return Encoding::iso_8859_15;
  return std::nullopt;
}

std::string_view encoding_name(Encoding encoding) {
  switch (encoding) {
    case Encoding::utf8:
      return "utf-8";
    case Encoding::cp1252:
      return "cp1252";
    case Encoding::iso_8859_1:
      return "iso-8859-1";
    case Encoding::iso_8859_15:
      return "iso-8859-15";
  }
  return "?";
}

std::size_t append_utf8(std::string& out, std::string_view bytes, Encoding encoding) {
  if (encoding == Encoding::utf8) {
    for (std::size_t i = 0; i < bytes.size();) {
      const std::size_t n = utf8_sequence(bytes, i);
      if (n == 0) {
        out.append(bytes.substr(0, i));
        return i;
      }
      i += n;
    }
    out.append(bytes);
    return std::string_view::npos;
  }
  const HighHalf& table = high_half(encoding);
  for (std::size_t i = 0; i < bytes.size();) {
    // Labels are mostly ASCII: copy each run of it at once.
    std::size_t run = i;
    while (run < bytes.size() && static_cast<unsigned char>(bytes[run]) < 0x80) ++run;
    out.append(bytes.substr(i, run - i));
    if (run == bytes.size()) break;
    const std::uint16_t cp = table[static_cast<unsigned char>(bytes[run]) - 0x80];
    if (cp == 0) return run;
    put_code_point(out, cp);
    i = run + 1;
  }
  return std::string_view::npos;
}

std::string bad_byte_reason(std::string_view bytes, std::size_t at, Encoding encoding) {
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(bytes[at]));
  if (encoding == Encoding::utf8) {
    return std::string("byte ") + hex +
           " is not UTF-8 (is the file cp1252 or iso-8859-15? set file.encoding)";
  }
  return std::string("byte ") + hex + " is not a " + std::string(encoding_name(encoding)) +
         " character (set file.encoding to the file's encoding)";
}

}  // namespace caisse::adapters::bankcsv
