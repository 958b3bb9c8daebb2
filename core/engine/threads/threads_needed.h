// How many threads a variant starts at once, to hold against what the machine allows
// (thread_limits.h) before its run begins.
#pragma once

#include "core/engine/threads/thread_limits.h"
#include "core/experiment/spec.h"

#include <cstdint>
#include <optional>

namespace conlab {

// Its task threads, loops, executor threads (worker processes count as one each: every one is a
// task to the kernel) and background threads. thread_per_task under a closed load starts one
// thread per task in flight, min(tasks, clients); under an open load it queues beyond the
// machine's limit instead, and counts for none here.
std::int64_t threads_at_once(const Variant &variant, const Load &load, int cores);

// A variant that needs more threads at once than this machine allows now: how many, and the
// tightest limit. Empty when it fits (a variant of a few threads is not even checked: reading
// the limits scans /proc).
struct ThreadShortfall {
  std::int64_t needed = 0;
  ThreadLimit limit;
  std::string describe() const { return limit.describe(needed); }
};
std::optional<ThreadShortfall> thread_shortfall(const Variant &variant, const Load &load,
                                                int cores);

} // namespace conlab
