#include "daemon/shutdown_signals.hpp"

#include <pthread.h>
#include <csignal>

namespace caisse::host::daemon {
namespace {

sigset_t shutdown_set() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  return set;
}

}  // namespace

void block_shutdown_signals() {
  sigset_t set = shutdown_set();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  // A peer closing a socket must not kill the daemon; the write returns EPIPE instead.
  std::signal(SIGPIPE, SIG_IGN);
}

int wait_for_shutdown_signal() {
  sigset_t set = shutdown_set();
  int signal_number = 0;
  while (sigwait(&set, &signal_number) != 0) {
  }
  return signal_number;
}

}  // namespace caisse::host::daemon
