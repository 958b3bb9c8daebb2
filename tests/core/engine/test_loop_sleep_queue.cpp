// The loop's own waiting room: sleepers woken by deadline, yielders (sleep(0)) run round-robin
// in the order they yielded, and a stopped loop's coroutines destroyed, never resumed.
#include "core/engine/loop_coroutine.h"
#include "core/engine/loop_sleep_queue.h"

#include <boost/asio/io_context.hpp>

#include <gtest/gtest.h>

#include <string>

namespace conlab {
namespace {

// Sets its flag when the coroutine frame that holds it is destroyed.
struct DestroyedFlag {
  bool &destroyed;
  ~DestroyedFlag() { destroyed = true; }
};

LoopCoroutine yield_times(LoopSleepQueue &queue, char name, int yields, std::string &trace) {
  for (int i = 0; i <= yields; ++i) {
    trace += name;
    if (i < yields)
      co_await YieldToLoop{queue};
  }
}

LoopCoroutine yield_once(LoopSleepQueue &queue, bool &resumed, bool &destroyed) {
  const DestroyedFlag flag{destroyed};
  co_await YieldToLoop{queue};
  resumed = true;
}

LoopCoroutine sleep_then_yield(LoopSleepQueue &queue, std::string &trace) {
  co_await SleepUntil{queue, LoopSleepQueue::clock::now()};
  trace += 's';
  co_await YieldToLoop{queue};
  trace += 'S';
}

TEST(LoopSleepQueue, YieldersTakeTurnsInTheOrderTheyYielded) {
  boost::asio::io_context io(1);
  LoopSleepQueue queue(io);
  std::string trace;
  yield_times(queue, 'a', 2, trace);
  yield_times(queue, 'b', 1, trace);
  yield_times(queue, 'c', 2, trace);
  EXPECT_EQ(trace, "abc"); // each ran to its first yield, eagerly
  io.run();
  // Like asyncio's sleep(0): each pass resumes those ready before it; a yield meanwhile waits for
  // the next pass.
  EXPECT_EQ(trace, "abcabcac");
}

TEST(LoopSleepQueue, AWokenSleeperYieldsLikeAnyOther) {
  boost::asio::io_context io(1);
  LoopSleepQueue queue(io);
  std::string trace;
  sleep_then_yield(queue, trace);
  yield_times(queue, 'y', 1, trace);
  io.run();
  EXPECT_EQ(trace.size(), 4u);
  EXPECT_EQ(trace.front(), 'y');
  EXPECT_LT(trace.find('s'), trace.find('S')) << trace;
}

TEST(LoopSleepQueue, ClearDestroysYieldersWithoutResumingThem) {
  boost::asio::io_context io(1);
  LoopSleepQueue queue(io);
  bool resumed = false;
  bool destroyed = false;
  yield_once(queue, resumed, destroyed);
  EXPECT_FALSE(destroyed);
  queue.clear(); // the loop never ran: a run cancelled before its tasks went on
  EXPECT_TRUE(destroyed);
  io.run(); // the pass posted for the yielder finds nothing to resume
  EXPECT_FALSE(resumed);
}

TEST(LoopSleepQueue, ItsDestructionDestroysYieldersLeftInIt) {
  bool resumed = false;
  bool destroyed = false;
  {
    boost::asio::io_context io(1);
    LoopSleepQueue queue(io);
    yield_once(queue, resumed, destroyed);
  }
  EXPECT_TRUE(destroyed);
  EXPECT_FALSE(resumed);
}

} // namespace
} // namespace conlab
