#include "research/pseudonym.hpp"

#include "research/hmac_sha256.hpp"

namespace caisse::host::research {

std::string pseudonym(std::string_view secret, std::string_view export_key,
                      std::string_view household_id) {
  std::string message(export_key);
  message += '\x1f';
  message += household_id;
  return "h_" + digest::to_hex(hmac_sha256(secret, message)).substr(0, kPseudonymHexDigits);
}

Result<void> check_export_key(std::string_view export_key) {
  auto allowed = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '_' || c == '-';
  };
  if (export_key.empty() || export_key.size() > 64) {
    return Error{"export_key: required, 1 to 64 characters among A-Z a-z 0-9 . _ -",
                 ErrorKind::invalid};
  }
  for (char c : export_key) {
    if (!allowed(c)) {
      return Error{"export_key: only A-Z a-z 0-9 . _ - are allowed", ErrorKind::invalid};
    }
  }
  return {};
}

}  // namespace caisse::host::research
