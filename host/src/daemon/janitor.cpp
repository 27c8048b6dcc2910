#include "daemon/janitor.hpp"

#include <spdlog/spdlog.h>

namespace caisse::host::daemon {

Janitor::Janitor(CycleService& cycles, std::chrono::milliseconds interval)
    : cycles_(cycles), interval_(interval), thread_([this] { run(); }) {}

Janitor::~Janitor() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void Janitor::run() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
    lock.unlock();
    std::size_t asked = cycles_.reconcile_dispatched();
    if (asked > 0) spdlog::info("event=janitor_round cycles={}", asked);
    lock.lock();
  }
}

}  // namespace caisse::host::daemon
