#include "config/listen_address.hpp"

#include <charconv>

namespace caisse::host::config {

Result<ListenAddress> parse_listen_address(std::string_view text) {
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0) {
    return make_error("\"" + std::string(text) + "\" is not HOST:PORT (e.g. 127.0.0.1:8420)");
  }
  std::string_view host = text.substr(0, colon);
  std::string_view port_text = text.substr(colon + 1);
  if (host.front() == '[') {
    if (host.size() < 3 || host.back() != ']') {
      return make_error("\"" + std::string(text) + "\": an IPv6 host goes in brackets, [::1]:8420");
    }
    host = host.substr(1, host.size() - 2);
  } else if (host.find(':') != std::string_view::npos) {
    return make_error("\"" + std::string(text) + "\": an IPv6 host goes in brackets, [::1]:8420");
  }
  unsigned port = 0;
  const auto [end, error] =
      std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (port_text.empty() || error != std::errc{} || end != port_text.data() + port_text.size() ||
      port > 65535) {
    return make_error("\"" + std::string(text) + "\": port must be a number from 0 to 65535");
  }
  return ListenAddress{std::string(host), static_cast<std::uint16_t>(port)};
}

}  // namespace caisse::host::config
