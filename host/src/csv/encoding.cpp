#include "csv/encoding.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <string>

#include "core/utf8.hpp"

namespace caisse::host::csv {
namespace {

std::string hex_byte(unsigned char byte) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "0x%02X", byte);
  return buffer;
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
    const std::size_t length = utf8_sequence_length(text, i);
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
