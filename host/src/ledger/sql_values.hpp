// Reading the ledger's numbers back from PostgreSQL's text format. Internal to caisse_ledger.
#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace caisse::host::ledger::detail {

// "-1250" -> -1250. A sum(bigint) comes back as numeric and may exceed int64: that is an error
// naming `what`, never a wrapped number.
inline Result<std::int64_t> parse_int64(std::string_view text, std::string_view what) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error == std::errc::result_out_of_range) {
    return make_error(std::string(what) + " is " + std::string(text) +
                      " minor units, beyond the 64-bit range");
  }
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) {
    return make_error(std::string(what) + ": \"" + std::string(text) + "\" is not an integer");
  }
  return value;
}

}  // namespace caisse::host::ledger::detail
