// A thread that runs one round of work on a schedule, and sooner when woken: the janitor (asks
// currency adapters about PENDING and UNKNOWN lines, never resending them) and the notification
// processor (reads kept provider notifications) are two of these. The destructor stops the
// thread after the round in progress and joins it.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace caisse::host::daemon {

class BackgroundLoop {
 public:
  // The first round runs one interval after start, or at the first wake().
  BackgroundLoop(std::chrono::milliseconds interval, std::function<void()> round);
  ~BackgroundLoop();
  BackgroundLoop(const BackgroundLoop&) = delete;
  BackgroundLoop& operator=(const BackgroundLoop&) = delete;

  // Runs a round now (or right after the one in progress). Callable from any thread.
  void wake();

 private:
  void run();

  std::chrono::milliseconds interval_;
  std::function<void()> round_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool woken_ = false;
  std::thread thread_;
};

}  // namespace caisse::host::daemon
