// How many more threads this machine lets the lab start, and which of its limits says so.
//
// Linux runs tens of thousands of sleeping threads, but several limits stop a process long before
// memory does, and each fails differently (pthread_create's EAGAIN, a SIGSEGV on a stack that
// could not be committed, the OOM killer). The lab checks them all before a run starts, so that a
// variant that needs more threads than the machine allows is refused with the number and the
// limit, never half-started.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace conlab {

// One limit on new threads: how many more it allows, and the refusal of a variant that needs
// more, as a translatable "conlab::errors" template ("needs %1 threads at once, and this machine
// allows %2 more: vm.max_map_count is %3, two memory maps a thread") with the limit's own values
// from %3 on.
struct ThreadLimit {
  std::int64_t allows = 0;
  const char *format = "";
  std::vector<std::string> args;

  // %1 … for a variant that needs `needed` threads.
  std::vector<std::string> arguments(std::int64_t needed) const;
  std::string describe(std::int64_t needed) const;
};

// The tightest of this machine's limits now, for threads of `stack_bytes` each (0: the
// system's default stack), less a margin for the lab's own threads.
ThreadLimit thread_headroom(std::int64_t stack_bytes);

// The stack a new thread gets when none is asked for: glibc's default (RLIMIT_STACK's soft
// value, or 2 MB when it is unlimited).
std::int64_t default_thread_stack_bytes();
// The least a thread may have: PTHREAD_STACK_MIN, which glibc reports at run time.
std::int64_t minimum_thread_stack_bytes();

// What one more thread costs in resident memory (its kernel stack and task, the pages its stack
// and thread-local storage touch), for refusing a thread count before it reaches the OOM killer.
inline constexpr std::int64_t kResidentBytesPerThread = 64 * 1024;
// Threads kept free for the lab's own (runner, telemetry, the desktop lab's).
inline constexpr std::int64_t kThreadMargin = 64;

} // namespace conlab
