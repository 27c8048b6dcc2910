#include "daemon/command_line.hpp"

namespace caisse::host::daemon {

std::string usage_text() {
  return "usage: caissed --config PATH [--listen HOST:PORT] [--data-dir DIR]\n"
         "       caissed --check-config PATH\n"
         "       caissed --version | --help\n"
         "\n"
         "  --config PATH        run the daemon with this daemon file (caissed.toml)\n"
         "  --listen HOST:PORT   listen here instead of [http] listen\n"
         "  --data-dir DIR       keep data (the embedded PostgreSQL cluster) here instead of\n"
         "                       [daemon] data_dir\n"
         "  --check-config PATH  validate the daemon file, every caisse file it names and every\n"
         "                       plugin block, print the errors, exit 0 (valid) or 1\n";
}

Result<CommandLine> parse_command_line(const std::vector<std::string>& args) {
  CommandLine out;
  bool have_config = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value = [&](const char* flag) -> Result<std::string> {
      if (i + 1 >= args.size()) return make_error(std::string(flag) + " needs a value");
      return args[++i];
    };
    if (arg == "--help" || arg == "-h") {
      out.mode = CommandLine::Mode::help;
      return out;
    }
    if (arg == "--version") {
      out.mode = CommandLine::Mode::version;
      return out;
    }
    if (arg == "--config" || arg == "--check-config") {
      auto v = value(arg.c_str());
      if (!v) return v.error();
      if (have_config) return make_error("give --config or --check-config once");
      out.config_file = *v;
      have_config = true;
      if (arg == "--check-config") out.mode = CommandLine::Mode::check_config;
    } else if (arg == "--listen") {
      auto v = value("--listen");
      if (!v) return v.error();
      out.listen = *v;
    } else if (arg == "--data-dir") {
      auto v = value("--data-dir");
      if (!v) return v.error();
      out.data_dir = std::filesystem::path(*v);
    } else {
      return make_error("unknown argument '" + arg + "'");
    }
  }
  if (!have_config) return make_error("--config PATH is required");
  return out;
}

}  // namespace caisse::host::daemon
