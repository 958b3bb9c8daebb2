#include "core/engine/blocking_wait.h"

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace conlab {

// One sleep in the kernel, which a stop request wakes through the stop token's callback. A wait
// that woke every few milliseconds to look for a stop would cost what a blocked thread does not:
// 10,000 threads waiting so kept two cores busy with their own wake-ups.
bool blocking_wait(std::int64_t ns, const std::stop_token &stop) {
  if (ns <= 0) // nothing to wait for: no lock, no stop callback, no system call
    return !stop.stop_requested();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::nanoseconds(ns);
  std::mutex mutex;
  std::condition_variable_any woken;
  std::unique_lock lock(mutex);
  // Never true: it returns at the deadline, or at once when a stop is requested.
  woken.wait_until(lock, stop, deadline, [] { return false; });
  return !stop.stop_requested();
}

} // namespace conlab
