// caissectl: the operator CLI. Reads the command line and the environment, then hands over to
// run_command (commands.cpp); everything it does is in the caisse_ctl library.
#include <cstdlib>
#include <exception>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "ctl/commands.hpp"

namespace {

std::optional<std::string> env(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace caisse::host::ctl;
  std::vector<std::string> args(argv + 1, argv + argc);
  auto invocation = parse_command_line(args, Environment{env("CAISSE_URL"), env("CAISSE_TOKEN")});
  if (!invocation) {
    std::cerr << "caissectl: " << invocation.error().message
              << "\nTry 'caissectl --help' for usage.\n";
    return kExitUsage;
  }
  try {
    return run_command(*invocation, std::cout, std::cerr);
  } catch (const std::exception& e) {
    // The outermost boundary: a bug, not an expected failure.
    std::cerr << "caissectl: internal error: " << e.what() << '\n';
    return kExitRefused;
  }
}
