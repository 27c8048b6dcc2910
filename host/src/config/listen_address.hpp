// "HOST:PORT" as written in `[http] listen` and `--listen`; IPv6 hosts in brackets.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace caisse::host::config {

struct ListenAddress {
  std::string host;        // without brackets
  std::uint16_t port = 0;  // 0: any free port (tests)
};

Result<ListenAddress> parse_listen_address(std::string_view text);

}  // namespace caisse::host::config
