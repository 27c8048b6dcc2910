#include "daemon/blocking_workers.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <future>

namespace caisse::host::daemon {
namespace {

TEST(BlockingWorkers, RunsEveryPostedJob) {
  std::atomic<int> done{0};
  {
    BlockingWorkers workers(2, 100);
    for (int i = 0; i < 50; ++i) ASSERT_TRUE(workers.post([&] { ++done; }));
  }  // the destructor finishes queued work
  EXPECT_EQ(done.load(), 50);
}

TEST(BlockingWorkers, FullQueueRefusesInsteadOfPilingUp) {
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  std::promise<void> started;
  BlockingWorkers workers(1, 2);
  ASSERT_TRUE(workers.post([&, gate] {
    started.set_value();
    gate.wait();
  }));
  started.get_future().wait();  // the only thread is now busy
  EXPECT_TRUE(workers.post([] {}));
  EXPECT_TRUE(workers.post([] {}));
  EXPECT_FALSE(workers.post([] {}));  // two queued: the bound
  release.set_value();
}

}  // namespace
}  // namespace caisse::host::daemon
