#include "ctl/idempotency_key.hpp"

#include <array>
#include <cstdint>
#include <fstream>
#include <random>

namespace caisse::host::ctl {

std::string random_idempotency_key() {
  std::array<unsigned char, 16> bytes{};
  std::ifstream urandom("/dev/urandom", std::ios::binary);
  if (!urandom.read(reinterpret_cast<char*>(bytes.data()), bytes.size())) {
    std::random_device device;
    for (auto& byte : bytes) byte = static_cast<unsigned char>(device() & 0xFF);
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string key;
  key.reserve(2 * bytes.size());
  for (unsigned char byte : bytes) {
    key.push_back(kHex[byte >> 4]);
    key.push_back(kHex[byte & 0xF]);
  }
  return key;
}

bool is_idempotency_key(const std::string& key) {
  if (key.size() != 32) return false;
  for (char c : key) {
    bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (!hex) return false;
  }
  return true;
}

}  // namespace caisse::host::ctl
