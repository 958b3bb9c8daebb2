// CPython's interpreter lock in isolation: one holder at a time, a forced switch after the
// switch interval, the lock given up around a blocking wait, and the convoy a waiting thread
// meets beside a CPU-bound one. Waits are compared with the switch interval as ratios that hold
// on a loaded 2-core machine.
#include "core/engine/background_cpu.h"
#include "core/engine/blocking_task.h"
#include "core/engine/blocking_wait.h"
#include "core/engine/gil.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace conlab {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr std::int64_t kInterval = 5'000'000; // 5 ms, Python's default

const CpuWork &cpu() {
  static const CpuWork work(CpuWork::calibrate());
  return work;
}

double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

TEST(Gil, UncontendedItIsTakenAtOnceAndNeverForced) {
  Gil gil(kInterval);
  EXPECT_FALSE(gil.held_by_this_thread());
  EXPECT_LT(gil.acquire(), 1'000'000);
  EXPECT_TRUE(gil.held_by_this_thread());
  std::int64_t waited = 0;
  EXPECT_TRUE(burn_holding_gil(cpu(), gil, 20'000'000, std::stop_token{},
                               [&](std::int64_t ns) { waited += ns; }));
  EXPECT_EQ(waited, 0);
  gil.release();
  EXPECT_FALSE(gil.held_by_this_thread());
  const GilStats s = gil.stats();
  EXPECT_EQ(s.acquisitions, 1u);
  EXPECT_EQ(s.forced_switches, 0u);
  EXPECT_GE(s.held_ns, 18'000'000); // the 20 ms of computation, held throughout
}

TEST(Gil, OneThreadComputesAtATime) {
  Gil gil(kInterval);
  std::atomic<int> inside{0}, most{0};
  constexpr std::int64_t kSlices = 200, kSliceNs = 200'000; // 40 ms each
  auto worker = [&] {
    gil.acquire();
    for (int i = 0; i < kSlices; ++i) {
      const int now = ++inside;
      most = std::max(most.load(), now);
      cpu().burn(kSliceNs, std::stop_token{});
      --inside;
      gil.check();
    }
    gil.release();
  };
  const auto start = Clock::now();
  std::jthread a(worker), b(worker);
  a.join();
  b.join();
  EXPECT_EQ(most.load(), 1);
  // 2 × 40 ms one after the other, whatever the cores: at least 90% of the serial time.
  EXPECT_GE(ms_since(start), 0.9 * 80);
  EXPECT_GE(gil.stats().forced_switches, 2u); // they took turns, not one after the other
}

TEST(Gil, AWaiterGetsItAfterAboutOneSwitchInterval) {
  Gil gil(kInterval);
  std::atomic<bool> holding{false};
  std::jthread holder([&] {
    gil.acquire();
    holding = true;
    burn_holding_gil(cpu(), gil, 60'000'000, std::stop_token{});
    gil.release();
  });
  while (!holding)
    std::this_thread::yield();
  const std::int64_t waited = gil.acquire();
  gil.release();
  holder.join();
  // The waiter asks only after a whole interval, and the holder drops it at its next check.
  EXPECT_GE(waited, kInterval * 9 / 10);
  EXPECT_LT(waited, kInterval * 4);
  EXPECT_GE(gil.stats().forced_switches, 1u);
}

TEST(Gil, ABlockingWaitGivesItUp) {
  Gil gil(20'000'000); // 20 ms: a waiter that had to wait for it would show
  std::atomic<bool> waiting{false};
  std::jthread sleeper([&] {
    gil.acquire();
    // What run_step_blocking does for blocking_io under a GIL.
    gil.release();
    waiting = true;
    blocking_wait(30'000'000, std::stop_token{});
    gil.acquire();
    gil.release();
  });
  while (!waiting)
    std::this_thread::yield();
  const std::int64_t waited = gil.acquire();
  gil.release();
  sleeper.join();
  EXPECT_LT(waited, 20'000'000 / 2);
  EXPECT_EQ(gil.stats().forced_switches, 0u);
}

// 40 waits of 1 ms in a row; returns the median of how late each ended (ms).
double median_lateness(Gil *gil) {
  std::vector<double> late;
  if (gil)
    gil->acquire();
  for (int i = 0; i < 40; ++i) {
    const auto start = Clock::now();
    if (gil)
      gil->release();
    blocking_wait(1'000'000, std::stop_token{});
    if (gil)
      gil->acquire();
    late.push_back(ms_since(start) - 1);
  }
  if (gil)
    gil->release();
  std::sort(late.begin(), late.end());
  return late[late.size() / 2];
}

TEST(Gil, ConvoyAThreadThatWaitsWakesAboutASwitchIntervalLateBesideACpuThread) {
  const double alone = median_lateness(nullptr);
  Gil gil(kInterval);
  double beside = 0;
  {
    const BackgroundCpu background(1, cpu(), &gil);
    beside = median_lateness(&gil);
  }
  // Each wake waits for the computing thread to be asked to drop the lock: about 5 ms. A holder
  // that could take the dropped lock straight back (no FORCE_SWITCHING) would make the waiter
  // ask twice or more: 10 ms and up.
  EXPECT_GE(beside, 0.8 * 5);
  EXPECT_LT(beside, 1.8 * 5);
  EXPECT_LT(alone, 0.5 * 5);
  EXPECT_GE(gil.stats().forced_switches, 20u); // most of the 40 wakes had to ask for it
}

TEST(Gil, WithoutALockABackgroundThreadDoesNotHoldUpAWaiter) {
  double beside = 0;
  {
    const BackgroundCpu background(1, cpu(), nullptr);
    beside = median_lateness(nullptr);
  }
  EXPECT_LT(beside, 0.5 * 5); // a second core, or the scheduler's own fairness, wakes it in time
}

TEST(Gil, BackgroundThreadsStopAndReleaseTheLock) {
  Gil gil(kInterval);
  {
    const BackgroundCpu background(2, cpu(), &gil);
    std::this_thread::sleep_for(20ms);
  }
  // Both are joined and neither holds the lock: it is free at once.
  EXPECT_LT(gil.acquire(), 1'000'000);
  gil.release();
}

} // namespace
} // namespace conlab
