// A few threads that run blocking work (libpq calls) off the HTTP I/O threads, so a slow query
// never stalls the event loop. The queue is bounded: when full, post() says no and the caller
// answers 503 instead of piling up work.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace caisse::host::daemon {

class BlockingWorkers {
 public:
  BlockingWorkers(std::size_t threads, std::size_t max_queued);
  ~BlockingWorkers();  // finishes queued work, then joins
  BlockingWorkers(const BlockingWorkers&) = delete;
  BlockingWorkers& operator=(const BlockingWorkers&) = delete;

  // False when the queue is full or the workers are stopping; the job is then not run.
  bool post(std::function<void()> job);

 private:
  void run();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> queue_;
  std::size_t max_queued_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace caisse::host::daemon
