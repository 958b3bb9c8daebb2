// The calling thread's own scheduler accounting: how long it has run on a core (its CPU clock)
// and how long it has waited in a run queue, ready, since it started (the kernel's
// /proc/thread-self/schedstat, CONFIG_SCHED_INFO, on in Debian's kernels). Both cost about 1 µs
// together, which is why the lab reads them at step boundaries and not more often.
#pragma once

#include <cstdint>

namespace conlab {

struct ThreadSchedTimes {
  bool known = false; // false: the kernel does not publish it (or /proc is not mounted)
  std::int64_t on_cpu_ns = 0;
  std::int64_t runnable_ns = 0;
};

// Keeps the file open per thread (reopened in a forked child, whose thread is another one).
ThreadSchedTimes own_sched_times();

} // namespace conlab
