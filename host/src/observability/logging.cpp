#include "observability/logging.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <array>
#include <utility>

namespace caisse::host::observability {
namespace {

constexpr std::array<std::pair<std::string_view, spdlog::level::level_enum>, 7> kLevels{{
    {"trace", spdlog::level::trace},
    {"debug", spdlog::level::debug},
    {"info", spdlog::level::info},
    {"warn", spdlog::level::warn},
    {"error", spdlog::level::err},
    {"critical", spdlog::level::critical},
    {"off", spdlog::level::off},
}};

}  // namespace

Result<spdlog::level::level_enum> parse_log_level(std::string_view level) {
  for (const auto& [name, value] : kLevels) {
    if (name == level) return value;
  }
  return make_error("log level '" + std::string(level) +
                    "' is unknown: expected one of trace, debug, info, warn, error, critical, off");
}

Result<void> configure_logging(LogFormat format, std::string_view level) {
  auto parsed = parse_log_level(level);
  if (!parsed) return parsed.error();
  auto sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
  sink->set_formatter(make_log_formatter(format));
  auto logger = std::make_shared<spdlog::logger>("", std::move(sink));
  logger->set_level(*parsed);
  spdlog::set_default_logger(std::move(logger));
  return {};
}

}  // namespace caisse::host::observability
