// The janitor: on a schedule, asks the currency adapters what became of the lines whose outcome
// is PENDING or UNKNOWN (never resending them), so dispatched cycles settle on their own once
// the backends answer. One thread, stopped and joined by the destructor.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "daemon/cycle_service.hpp"

namespace caisse::host::daemon {

class Janitor {
 public:
  // The first round runs one interval after start.
  Janitor(CycleService& cycles, std::chrono::milliseconds interval);
  ~Janitor();
  Janitor(const Janitor&) = delete;
  Janitor& operator=(const Janitor&) = delete;

 private:
  void run();

  CycleService& cycles_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace caisse::host::daemon
