#include "core/engine/blocking_wait.h"

#include <algorithm>
#include <chrono>
#include <thread>

namespace conlab {

// How long one slice may be: the upper bound on how late a stop request is noticed.
constexpr std::chrono::milliseconds kSlice{20};

bool blocking_wait(std::int64_t ns, const std::stop_token &stop) {
  using clock = std::chrono::steady_clock;
  const auto deadline = clock::now() + std::chrono::nanoseconds(ns);
  for (auto now = clock::now(); now < deadline; now = clock::now()) {
    if (stop.stop_requested())
      return false;
    std::this_thread::sleep_until(std::min(deadline, now + kSlice));
  }
  return !stop.stop_requested();
}

} // namespace conlab
