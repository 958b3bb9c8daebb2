// A fork copies only the thread that calls it: a lock that another thread of the lab holds at
// that instant stays held for ever in the child. glibc's malloc takes care of itself across a
// fork, but the allocators of this toolchain's sanitizers (GCC 12's libasan, LLVM 14's) do not,
// and a worker that allocates (a multi_loop worker runs an event loop) could then hang at its
// first allocation, and the lab with it, waiting for the worker to say it is ready.
//
// So the lab's threads that allocate in the background of a run (the telemetry sampler) hold
// the gate while they allocate, and a fork waits for them and keeps them out until it returns.
// The threads that start a run's workers wait for them anyway, and a process_pool worker never
// allocates (see process_executor.cpp).
#pragma once

#include <mutex>
#include <shared_mutex>

namespace conlab {

// Held around a background thread's allocations; many threads may hold it at once.
std::shared_lock<std::shared_mutex> hold_off_forks();
// Held across fork(): no holder of the shared side is inside its section meanwhile.
std::unique_lock<std::shared_mutex> exclude_allocators_for_fork();

} // namespace conlab
