#include "store/bytea.hpp"

#include <libpq-fe.h>

namespace caisse::host::store {

std::string bytea_hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out = "\\x";
  out.reserve(2 + 2 * bytes.size());
  for (unsigned char byte : bytes) {
    out += kDigits[byte >> 4];
    out += kDigits[byte & 0x0F];
  }
  return out;
}

Result<std::string> decode_bytea(std::string_view text) {
  // PQunescapeBytea knows both output forms; it needs a NUL-terminated copy.
  std::string terminated(text);
  std::size_t length = 0;
  unsigned char* bytes =
      PQunescapeBytea(reinterpret_cast<const unsigned char*>(terminated.c_str()), &length);
  if (bytes == nullptr) return make_error("cannot decode a bytea value: out of memory");
  std::string out(reinterpret_cast<const char*>(bytes), length);
  PQfreemem(bytes);
  return out;
}

}  // namespace caisse::host::store
