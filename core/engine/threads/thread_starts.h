// How many threads a model started to run tasks, and the CPU time pthread_create took for them in
// the thread that called it (mapping the stack, clone): the thread start cost a run reports
// beside its tasks' costs. CPU time, not wall time: with every core busy, the new thread often
// runs before pthread_create returns, and wall time would count its work as the start's.
#pragma once

#include <atomic>
#include <cstdint>
#include <ctime>

namespace conlab {

// The calling thread's CPU time so far.
inline std::int64_t thread_cpu_ns() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return std::int64_t{ts.tv_sec} * 1'000'000'000 + ts.tv_nsec;
}

struct ThreadStarts {
  std::uint64_t count = 0;
  std::int64_t ns = 0;
};

// Counted from any thread (thread_per_task starts threads from the load driver and from the
// threads whose task ended).
class ThreadStartMeter {
public:
  void add(std::uint64_t count, std::int64_t ns) {
    m_count.fetch_add(count, std::memory_order_relaxed);
    m_ns.fetch_add(ns, std::memory_order_relaxed);
  }
  ThreadStarts totals() const {
    return {m_count.load(std::memory_order_relaxed), m_ns.load(std::memory_order_relaxed)};
  }

private:
  std::atomic<std::uint64_t> m_count{0};
  std::atomic<std::int64_t> m_ns{0};
};

} // namespace conlab
