#include "refusal.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace caisse::fuzz {

void check_message(std::string_view message, std::string_view prefix) {
  if (!message.starts_with(prefix)) {
    std::fprintf(stderr, "a refusal does not say where: expected \"%s...\", got \"%s\"\n",
                 std::string(prefix).c_str(), std::string(message).c_str());
    std::abort();
  }
}

void check_refusal(const caisse::sdk::StatusError& error, caisse_status_t expected,
                   std::string_view prefix) {
  if (error.status() != expected) {
    std::fprintf(stderr, "a refusal has status %d instead of %d: \"%s\"\n",
                 static_cast<int>(error.status()), static_cast<int>(expected), error.what());
    std::abort();
  }
  check_message(error.what(), prefix);
}

}  // namespace caisse::fuzz
