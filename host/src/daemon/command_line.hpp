// The command line of caissed. Flags given here override the daemon file.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace caisse::host::daemon {

struct CommandLine {
  enum class Mode { run, check_config, version, help };
  Mode mode = Mode::run;
  std::filesystem::path config_file;
  std::optional<std::string> listen;  // "HOST:PORT"
  std::optional<std::filesystem::path> data_dir;
};

Result<CommandLine> parse_command_line(const std::vector<std::string>& args);

std::string usage_text();

}  // namespace caisse::host::daemon
