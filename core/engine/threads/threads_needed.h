// How many threads a variant starts at once, to hold against what the machine allows
// (thread_limits.h) before its run begins.
#pragma once

#include "core/experiment/spec.h"

#include <cstdint>

namespace conlab {

// Its task threads, loops, executor threads (worker processes count as one each: every one is a
// task to the kernel) and background threads. thread_per_task under a closed load starts one
// thread per task in flight, min(tasks, clients); under an open load it queues beyond the
// machine's limit instead, and counts for none here.
std::int64_t threads_at_once(const Variant &variant, const Load &load, int cores);

} // namespace conlab
