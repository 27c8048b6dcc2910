// cyclos_peer: the Cyclos test peer as a process, for end-to-end scripts. Serves the emulated
// Cyclos API on 127.0.0.1, writes its port to --port-file once it listens, and runs until SIGTERM
// or SIGINT. Test-only routes (outside /api): GET /_peer/transfers, GET /_peer/users,
// POST /_peer/users, POST /_peer/member-payments. See README.md.
#include <pthread.h>
#include <signal.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "cyclos_peer.hpp"
#include "cyclos_peer_server.hpp"
#include "peer_text.hpp"

namespace {

using namespace caisse::testing::cyclos;

constexpr std::string_view kUsage = R"(usage: cyclos_peer --port-file FILE [options]
  --port-file FILE        write the listening port to FILE (required)
  --port N                listen on port N (default: one the kernel picks)
  --token T               accept Access-Client-Token T
  --basic USER:PASS       accept HTTP Basic USER:PASS
  --base-path P           API prefix (default /api)
  --groups A,B,C          user group internal names
                          (default consumers,merchants,merchants_suspended)
  --households-field F    user custom field holding the household (default caisse_household)
  --operation-field F     transaction custom field holding the operation (default caisse_operation)
  --system-type T         system payment type, fromAccountType.paymentType (default debit.toUser)
  --purchase-type T       member purchase type (default user.toPro)
  --currency CODE         currency code and symbol (default MNK)
  --decimals N            currency decimal digits (default 2)
  --system-balance AMOUNT what the system account may pay, in units, e.g. 10000.00
                          (default: no limit)
  --page-size N           default page size (default 40)
  --fault-rate PERCENT    inject random faults in PERCENT of API requests (default 0)
  --seed S                seed of the random faults (default 1)
  --faults A,B            faults to draw from (default: all seven)
  --fault-route KIND      only requests of KIND (default any; e.g. perform_payment)
  --hold-ms N             how long timeout faults hold a request (default 1500)
  --malformed KIND        truncated_json (default) or html
)";

[[noreturn]] void usage_error(const std::string& message) {
  std::cerr << "cyclos_peer: " << message << "\n" << kUsage;
  std::exit(2);
}

long long to_integer(const std::string& flag, const std::string& text) {
  char* end = nullptr;
  long long value = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || end == nullptr || *end != '\0') usage_error(flag + " wants an integer");
  return value;
}

}  // namespace

int main(int argc, char** argv) {
  CyclosPeerOptions options;
  CyclosPeerServerOptions server_options;
  std::string port_file;
  std::string system_balance;
  unsigned fault_rate = 0;
  std::uint64_t seed = 1;
  std::vector<Fault> faults = {Fault::timeout_before_commit,
                               Fault::timeout_after_commit,
                               Fault::drop_after_commit,
                               Fault::error_500,
                               Fault::html_503,
                               Fault::malformed_after_commit,
                               Fault::logged_out};
  RouteKind fault_route = RouteKind::any;

  std::vector<std::string> args(argv + 1, argv + argc);
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& flag = args[i];
    if (flag == "--help" || flag == "-h") {
      std::cout << kUsage;
      return 0;
    }
    if (i + 1 >= args.size()) usage_error("missing value after " + flag);
    const std::string& value = args[++i];
    if (flag == "--port-file") {
      port_file = value;
    } else if (flag == "--port") {
      server_options.port = static_cast<unsigned short>(to_integer(flag, value));
    } else if (flag == "--token") {
      options.access_client_token = value;
    } else if (flag == "--basic") {
      auto colon = value.find(':');
      if (colon == std::string::npos || colon == 0) usage_error("--basic wants USER:PASS");
      options.basic_user = value.substr(0, colon);
      options.basic_password = value.substr(colon + 1);
    } else if (flag == "--base-path") {
      options.base_path = value;
    } else if (flag == "--groups") {
      options.user_groups = caisse::testing::cyclos::detail::split(value, ',');
    } else if (flag == "--households-field" || flag == "--household-field") {
      options.household_field = value;
    } else if (flag == "--operation-field") {
      options.operation_field = value;
    } else if (flag == "--system-type") {
      options.system_payment_type = value;
    } else if (flag == "--purchase-type") {
      options.purchase_payment_type = value;
    } else if (flag == "--currency") {
      options.currency_code = value;
    } else if (flag == "--decimals") {
      options.decimal_digits = static_cast<int>(to_integer(flag, value));
    } else if (flag == "--system-balance") {
      system_balance = value;
    } else if (flag == "--page-size") {
      options.default_page_size = static_cast<int>(to_integer(flag, value));
    } else if (flag == "--fault-rate") {
      fault_rate = static_cast<unsigned>(to_integer(flag, value));
    } else if (flag == "--seed") {
      seed = static_cast<std::uint64_t>(to_integer(flag, value));
    } else if (flag == "--faults") {
      faults.clear();
      for (const auto& name : caisse::testing::cyclos::detail::split(value, ',')) {
        auto fault = fault_from_string(name);
        if (!fault || *fault == Fault::none) usage_error("unknown fault '" + name + "'");
        faults.push_back(*fault);
      }
    } else if (flag == "--fault-route") {
      auto route = route_kind_from_string(value);
      if (!route) usage_error("unknown route kind '" + value + "'");
      fault_route = *route;
    } else if (flag == "--hold-ms") {
      server_options.hold = std::chrono::milliseconds(to_integer(flag, value));
    } else if (flag == "--malformed") {
      if (value == "html") {
        server_options.malformed_body = MalformedBody::html;
      } else if (value == "truncated_json") {
        server_options.malformed_body = MalformedBody::truncated_json;
      } else {
        usage_error("--malformed wants truncated_json or html");
      }
    } else {
      usage_error("unknown option " + flag);
    }
  }
  if (port_file.empty()) usage_error("--port-file is required");
  if (options.decimal_digits < 0 || options.decimal_digits > 6) usage_error("--decimals: 0 to 6");
  if (!system_balance.empty()) {
    auto amount =
        caisse::testing::cyclos::detail::parse_amount(system_balance, options.decimal_digits);
    if (amount.problem != caisse::testing::cyclos::detail::AmountProblem::none) {
      usage_error("--system-balance wants a decimal amount");
    }
    options.system_balance_minor = amount.minor;
  }

  // SIGTERM and SIGINT are taken by sigwait() below, in every thread.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  CyclosPeer peer(options);
  try {
    CyclosPeerServer server(peer, server_options);
    if (fault_rate > 0) server.random_faults(fault_rate, seed, faults, fault_route);
    {
      std::string temporary = port_file + ".tmp";
      std::ofstream out(temporary, std::ios::trunc);
      out << server.port() << "\n";
      out.close();
      if (!out || std::rename(temporary.c_str(), port_file.c_str()) != 0) {
        std::cerr << "cyclos_peer: cannot write " << port_file << "\n";
        return 1;
      }
    }
    std::cerr << "cyclos_peer: listening on " << server.url() << options.base_path
              << " fault_rate=" << fault_rate << "\n";
    int received = 0;
    sigwait(&signals, &received);
    std::cerr << "cyclos_peer: stopping transfers=" << peer.transfers().size()
              << " faults=" << server.faults_injected() << "\n";
    server.stop();
  } catch (const std::exception& e) {
    std::cerr << "cyclos_peer: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
