#include "fuzz_input.hpp"

namespace caisse::fuzz {

std::uint8_t FuzzInput::byte() {
  if (rest_.empty()) return 0;
  const auto value = static_cast<std::uint8_t>(rest_.front());
  rest_.remove_prefix(1);
  return value;
}

std::string_view FuzzInput::line() {
  const std::size_t end = rest_.find('\n');
  std::string_view taken = rest_.substr(0, end);
  rest_ = end == std::string_view::npos ? std::string_view{} : rest_.substr(end + 1);
  if (taken.ends_with('\r')) taken.remove_suffix(1);
  return taken;
}

std::string_view FuzzInput::rest() {
  const std::string_view taken = rest_;
  rest_ = {};
  return taken;
}

}  // namespace caisse::fuzz
