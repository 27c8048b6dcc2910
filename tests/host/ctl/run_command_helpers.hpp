// What the run_command tests share: running one invocation into strings, and reading the
// Idempotency-Key a request carried.
#pragma once

#include <algorithm>
#include <cctype>
#include <sstream>
#include <string>

#include "ctl/commands.hpp"

namespace caisse::host::ctl {

struct RunOutput {
  int code;
  std::string out;
  std::string err;
};

inline RunOutput run(const Invocation& invocation, const Services& services = {}) {
  std::ostringstream out;
  std::ostringstream err;
  int code = run_command(invocation, out, err, services);
  return {code, out.str(), err.str()};
}

// The Idempotency-Key header of a request head, or "" when there is none. (Not std::regex: with
// g++ 12, its inlined automaton trips -Wmaybe-uninitialized in the sanitizer build.)
inline std::string idempotency_key_of(const std::string& head) {
  std::string lower = head;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::string name = "\r\nidempotency-key: ";
  const auto at = lower.find(name);
  if (at == std::string::npos) return "";
  const auto start = at + name.size();
  return head.substr(start, head.find("\r\n", start) - start);
}

inline bool is_32_hex(const std::string& key) {
  return key.size() == 32 && std::all_of(key.begin(), key.end(), [](char c) {
           return std::isxdigit(static_cast<unsigned char>(c)) != 0;
         });
}

}  // namespace caisse::host::ctl
