#include "timestamp_window.hpp"

#include <charconv>
#include <string>

#include "card_errors.hpp"

namespace caisse::adapters::card {

namespace {

// Seconds of a millisecond clock, rounded down also before 1970.
std::int64_t floor_seconds(std::int64_t ms) {
  return ms / 1000 - (ms % 1000 < 0 ? 1 : 0);
}

[[noreturn]] void outside(std::string_view what, std::int64_t by, const char* side,
                          std::int64_t tolerance_s) {
  throw WebhookRejected(std::string(what) + " is " + std::to_string(by) + " s " + side +
                        " the host clock, beyond the tolerance of " + std::to_string(tolerance_s) +
                        " s");
}

}  // namespace

std::int64_t check_timestamp(std::string_view what, std::string_view text, std::int64_t now_ms,
                             std::int64_t tolerance_s) {
  std::int64_t seconds = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  // from_chars takes a leading '-'; a signed timestamp is no more a Unix time than "12ab".
  // A leading zero would let two texts stand for one signed timestamp.
  if (text.empty() || text.size() > 18 || text.front() == '-' || error != std::errc{} ||
      (text.size() > 1 && text.front() == '0') || end != text.data() + text.size()) {
    throw WebhookRejected(std::string(what) + " is not a Unix time in seconds");
  }
  const std::int64_t now = floor_seconds(now_ms);
  if (now - seconds > tolerance_s) outside(what, now - seconds, "older than", tolerance_s);
  if (seconds - now > tolerance_s) outside(what, seconds - now, "ahead of", tolerance_s);
  return seconds;
}

}  // namespace caisse::adapters::card
