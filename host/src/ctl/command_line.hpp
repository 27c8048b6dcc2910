// caissectl's command line: `caissectl [--url URL] [--token-file FILE] [--json] [--ca-file PEM]
// COMMAND`. Pure: the environment comes in as values, nothing is read or printed here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace caisse::host::ctl {

inline constexpr const char* kDefaultUrl = "http://127.0.0.1:8420";

enum class Command { help, status, plugin_list, plugin_describe };

// The variables caissectl reads; an empty variable counts as unset.
struct Environment {
  std::optional<std::string> url;    // CAISSE_URL
  std::optional<std::string> token;  // CAISSE_TOKEN
};

struct Invocation {
  Command command = Command::help;
  std::string plugin_name;  // for plugin_describe
  std::string url = kDefaultUrl;
  // Where the bearer token comes from: --token-file wins over CAISSE_TOKEN; neither is allowed
  // (the daemon then answers 401).
  std::optional<std::string> token_file;
  std::optional<std::string> token;  // from CAISSE_TOKEN, only when no --token-file
  std::optional<std::string> ca_file;
  bool json = false;
};

// `args` excludes the program name. Options may come before or after the command, as
// `--opt VALUE` or `--opt=VALUE`; --help or -h anywhere (or the command `help`) asks for help.
// Errors (unknown option or command, missing value or plugin name, extra words) say what was
// wrong in one line; the caller adds the usage hint and exits 2.
Result<Invocation> parse_command_line(const std::vector<std::string>& args, const Environment& env);

// The text of `caissectl --help`.
std::string usage_text();

}  // namespace caisse::host::ctl
