// caissed: the daemon. See `caissed --help` and docs/running.md.
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include <spdlog/spdlog.h>

#include "daemon/check_config.hpp"
#include "daemon/command_line.hpp"
#include "daemon/daemon.hpp"
#include "daemon/shutdown_signals.hpp"

int main(int argc, char** argv) {
  using caisse::host::daemon::CommandLine;
  std::vector<std::string> args(argv + 1, argv + argc);
  auto command_line = caisse::host::daemon::parse_command_line(args);
  if (!command_line) {
    std::cerr << "caissed: " << command_line.error().message << "\n\n"
              << caisse::host::daemon::usage_text();
    return 2;
  }
  switch (command_line->mode) {
    case CommandLine::Mode::help:
      std::cout << caisse::host::daemon::usage_text();
      return 0;
    case CommandLine::Mode::version:
      std::cout << "caissed " CAISSE_VERSION "\n";
      return 0;
    case CommandLine::Mode::check_config:
      // Findings go to stderr as error lines; log lines would only repeat them.
      spdlog::set_level(spdlog::level::off);
      return caisse::host::daemon::check_config(command_line->config_file, std::cout, std::cerr);
    case CommandLine::Mode::run:
      break;
  }
  // Before any thread exists, so that every thread inherits the blocked mask.
  caisse::host::daemon::block_shutdown_signals();
  try {
    return caisse::host::daemon::run_daemon(*command_line);
  } catch (const std::exception& e) {
    // A bug: say so plainly rather than dying silently.
    std::fprintf(stderr, "caissed: internal error: %s\n", e.what());
    return 70;
  }
}
