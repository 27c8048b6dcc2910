#include "ctl/command_line.hpp"

#include <string_view>

namespace caisse::host::ctl {
namespace {

bool set(const std::optional<std::string>& value) {
  return value && !value->empty();
}

}  // namespace

Result<Invocation> parse_command_line(const std::vector<std::string>& args,
                                      const Environment& env) {
  Invocation out;
  if (set(env.url)) out.url = *env.url;
  std::optional<std::string> url_flag;
  std::vector<std::string> words;
  bool help = false;

  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string_view arg = args[i];
    if (arg == "--help" || arg == "-h") {
      help = true;
      continue;
    }
    if (arg == "--json") {
      out.json = true;
      continue;
    }
    if (!arg.starts_with("-")) {
      words.emplace_back(arg);
      continue;
    }
    std::string_view name = arg;
    std::optional<std::string> value;
    if (auto eq = arg.find('='); arg.starts_with("--") && eq != std::string_view::npos) {
      name = arg.substr(0, eq);
      value = std::string(arg.substr(eq + 1));
    }
    std::optional<std::string>* target = nullptr;
    if (name == "--url") {
      target = &url_flag;
    } else if (name == "--token-file") {
      target = &out.token_file;
    } else if (name == "--ca-file") {
      target = &out.ca_file;
    } else {
      return make_error("unknown option '" + std::string(name) + "'");
    }
    if (!value) {
      if (i + 1 >= args.size()) return make_error(std::string(name) + " needs a value");
      value = args[++i];
    }
    if (value->empty()) return make_error(std::string(name) + " needs a non-empty value");
    *target = std::move(value);
  }

  if (url_flag) out.url = *url_flag;
  if (!out.token_file && set(env.token)) out.token = env.token;
  if (help) {
    out.command = Command::help;
    return out;
  }

  if (words.empty()) return make_error("no command given");
  const std::string& command = words[0];
  std::size_t expected = 1;
  if (command == "help") {
    out.command = Command::help;
  } else if (command == "status") {
    out.command = Command::status;
  } else if (command == "plugin") {
    if (words.size() < 2) return make_error("plugin: expected 'list' or 'describe NAME'");
    if (words[1] == "list") {
      out.command = Command::plugin_list;
      expected = 2;
    } else if (words[1] == "describe") {
      if (words.size() < 3) return make_error("plugin describe: expected a plugin name");
      out.command = Command::plugin_describe;
      out.plugin_name = words[2];
      expected = 3;
    } else {
      return make_error("plugin: unknown subcommand '" + words[1] +
                        "' (expected 'list' or 'describe NAME')");
    }
  } else {
    return make_error("unknown command '" + command + "'");
  }
  if (words.size() > expected) return make_error("unexpected argument '" + words[expected] + "'");
  return out;
}

std::string usage_text() {
  return R"(caissectl: the operator CLI of caissed, through its admin API.

Usage: caissectl [--url URL] [--token-file FILE] [--json] [--ca-file PEM] COMMAND

Commands:
  status                   version, uptime, database, caisses, plugins loaded and failed
  plugin list              every configured plugin: status, version, roles, error
  plugin describe NAME     one plugin: its summary, config schema and instances
  help                     this text

Options:
  --url URL                the daemon (default $CAISSE_URL, else http://127.0.0.1:8420);
                           http or https
  --token-file FILE        read the bearer token from FILE (default: $CAISSE_TOKEN)
  --ca-file PEM            for https: trust the certificates in PEM instead of the system store
  --json                   print the API's JSON answer, compact, on one line
  -h, --help               this text

Exit codes:
  0  done
  1  the daemon refused (HTTP error status; its message is printed)
  2  wrong usage (bad option, command, URL, token file or CA file)
  3  the daemon cannot be reached (connection, TLS or timeout)
)";
}

}  // namespace caisse::host::ctl
