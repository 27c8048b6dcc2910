// helloasso_peer: the HelloAsso test peer as a process, for end-to-end scripts. Serves the
// emulated API on 127.0.0.1, writes its port to --port-file once it listens, and runs until
// SIGTERM or SIGINT. Scripts add payments through /_peer/ (README.md).
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "helloasso_peer.hpp"
#include "helloasso_peer_server.hpp"

namespace {

using namespace caisse::testing::helloasso;

constexpr const char* kUsage = R"(usage: helloasso_peer --port-file FILE [options]
  --port-file FILE       write the listening port to FILE (required)
  --port N               listen on port N (default: one the kernel picks)
  --client-id ID         the OAuth2 client accepted (default caisse-client-id)
  --client-secret S      its secret (default caisse-client-secret)
  --organization SLUG    the organization served (default caisse-alimentaire-nantes-ouest)
  --token-lifetime S     seconds an access token lasts (default 1800)
  --spec FILE            check every answer against this helloasso-v5-openapi.json and log
                         each violation on stderr
  --fault-rate PERCENT   inject a random fault in PERCENT of API requests (default 0)
  --seed S               seed of the random faults (default 1)
  --faults A,B           faults to draw from (default error_500,html_502,truncated_json,
                         mistyped_field,unauthorized)
)";

[[noreturn]] void usage_error(const std::string& message) {
  std::cerr << "helloasso_peer: " << message << "\n" << kUsage;
  std::exit(2);
}

std::int64_t number(const std::string& flag, const std::string& text) {
  char* end = nullptr;
  const long long value = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || value < 0) usage_error(flag + " wants a number");
  return value;
}

std::vector<Fault> faults_from(const std::string& list) {
  std::vector<Fault> out;
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t comma = std::min(list.find(',', start), list.size());
    const std::string name = list.substr(start, comma - start);
    const auto fault = fault_from_string(name);
    if (!fault || *fault == Fault::none) usage_error("unknown fault '" + name + "'");
    out.push_back(*fault);
    start = comma + 1;
  }
  return out;
}

bool write_port(const std::string& file, std::uint16_t port) {
  const std::string partial = file + ".partial";
  std::ofstream(partial) << port << "\n";
  return std::rename(partial.c_str(), file.c_str()) == 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> flags{{"--seed", "1"},
                                           {"--fault-rate", "0"},
                                           {"--faults",
                                            "error_500,html_502,truncated_json,mistyped_field,"
                                            "unauthorized"}};
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--help") {
      std::cout << kUsage;
      return 0;
    }
    if (i + 1 == argc) usage_error("missing value after " + flag);
    flags[flag] = argv[++i];
  }
  HelloAssoPeerOptions options;
  HelloAssoPeerServerOptions server_options;
  // What each flag sets; --port-file and the fault flags are read where they are used.
  const std::map<std::string, std::function<void(const std::string&)>> setters{
      {"--port",
       [&](const std::string& v) {
         server_options.port = static_cast<std::uint16_t>(number("--port", v));
       }},
      {"--client-id", [&](const std::string& v) { options.client_id = v; }},
      {"--client-secret", [&](const std::string& v) { options.client_secret = v; }},
      {"--organization", [&](const std::string& v) { options.organization_slug = v; }},
      {"--token-lifetime",
       [&](const std::string& v) {
         options.token_lifetime_seconds = number("--token-lifetime", v);
       }},
      {"--spec", [&](const std::string& v) { options.spec_file = v; }},
      {"--port-file", [](const std::string&) {}},
      {"--seed", [](const std::string&) {}},
      {"--fault-rate", [](const std::string&) {}},
      {"--faults", [](const std::string&) {}},
  };
  for (const auto& [flag, value] : flags) {
    const auto setter = setters.find(flag);
    if (setter == setters.end()) usage_error("unknown option " + flag);
    setter->second(value);
  }
  if (!flags.contains("--port-file")) usage_error("--port-file is required");

  // SIGTERM and SIGINT are taken by sigwait() below, in every thread.
  sigset_t signals;
  sigemptyset(&signals);
  for (const int stop : {SIGTERM, SIGINT}) sigaddset(&signals, stop);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  try {
    HelloAssoPeer peer(options);
    HelloAssoPeerServer server(peer, server_options);
    server.random_faults(static_cast<unsigned>(number("--fault-rate", flags["--fault-rate"])),
                         static_cast<std::uint64_t>(number("--seed", flags["--seed"])),
                         faults_from(flags["--faults"]));
    if (!write_port(flags["--port-file"], server.port())) {
      std::cerr << "helloasso_peer: cannot write " << flags["--port-file"] << "\n";
      return 1;
    }
    std::cerr << "helloasso_peer: listening on " << server.url() << "\n";
    int received = 0;
    sigwait(&signals, &received);
    server.stop();
    for (const auto& violation : peer.spec_violations()) {
      std::cerr << "helloasso_peer: spec violation: " << violation << "\n";
    }
    std::cerr << "helloasso_peer: stopping faults=" << server.faults_injected() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "helloasso_peer: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
