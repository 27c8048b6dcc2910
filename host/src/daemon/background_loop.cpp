#include "daemon/background_loop.hpp"

#include <utility>

namespace caisse::host::daemon {

BackgroundLoop::BackgroundLoop(std::chrono::milliseconds interval, std::function<void()> round)
    : interval_(interval), round_(std::move(round)), thread_([this] { run(); }) {}

BackgroundLoop::~BackgroundLoop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void BackgroundLoop::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
}

void BackgroundLoop::run() {
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait_for(lock, interval_, [this] { return stopping_ || woken_; });
    if (stopping_) return;
    woken_ = false;
    lock.unlock();
    round_();
    lock.lock();
  }
}

}  // namespace caisse::host::daemon
