// The daemon's logging: spdlog's default logger writing to standard error, one line per event,
// in text or JSON (see log_format.hpp for the line formats).
#pragma once

#include <spdlog/common.h>

#include <string_view>

#include "core/result.hpp"
#include "observability/log_format.hpp"

namespace caisse::host::observability {

// "trace", "debug", "info", "warn", "error", "critical" or "off"; anything else is an error
// naming the valid ones.
Result<spdlog::level::level_enum> parse_log_level(std::string_view level);

// Replaces spdlog's default logger with one writing to stderr (a thread-safe sink, flushed per
// line) in `format`, at `level` (as parse_log_level reads it). An unknown level is an error and
// leaves the current logger untouched.
Result<void> configure_logging(LogFormat format, std::string_view level);

}  // namespace caisse::host::observability
