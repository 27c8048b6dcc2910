#include "csv/encoding.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <string>

namespace caisse::host::csv {
namespace {

std::string hex_byte(unsigned char byte) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "0x%02X", byte);
  return buffer;
}

// The length of the valid UTF-8 sequence starting at `i`, or 0 when it is not one (stray
// continuation byte, truncated sequence, overlong form, surrogate, beyond U+10FFFF).
std::size_t sequence_length(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // beyond U+10FFFF
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return length;
}

std::size_t line_of(std::string_view text, std::size_t offset) {
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

}  // namespace

Result<std::string_view> utf8_text(std::string_view file_name, std::string_view bytes) {
  const std::string name(file_name);
  if (bytes.starts_with(std::string_view("\xFF\xFE\x00\x00", 4)) ||
      bytes.starts_with(std::string_view("\x00\x00\xFE\xFF", 4))) {
    return make_error(name + ": the file is UTF-32; save it as UTF-8 (\"CSV UTF-8\")",
                      ErrorKind::invalid);
  }
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    return make_error(name + ": the file is UTF-16; save it as UTF-8 (\"CSV UTF-8\")",
                      ErrorKind::invalid);
  }
  std::string_view text = bytes;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '\0') {
      return make_error(name + ":" + std::to_string(line_of(text, i)) +
                            ": a NUL byte: this is not a text file (UTF-16 saved without a byte "
                            "order mark looks like this too; save it as UTF-8)",
                        ErrorKind::invalid);
    }
    const std::size_t length = sequence_length(text, i);
    if (length == 0) {
      return make_error(name + ":" + std::to_string(line_of(text, i)) + ": byte " +
                            hex_byte(static_cast<unsigned char>(text[i])) +
                            " is not UTF-8; the file is probably Latin-1 or Windows-1252: save it "
                            "as UTF-8 (\"CSV UTF-8\")",
                        ErrorKind::invalid);
    }
    i += length;
  }
  return text;
}

}  // namespace caisse::host::csv
