// The run's time origin: every timestamp in the results is steady-clock ns since this point.
#pragma once

#include <chrono>
#include <cstdint>

namespace conlab {

class RunClock {
public:
  using clock = std::chrono::steady_clock;

  RunClock() : m_origin(clock::now()) {}
  explicit RunClock(clock::time_point origin) : m_origin(origin) {}

  std::int64_t now_ns() const { return to_ns(clock::now()); }
  std::int64_t to_ns(clock::time_point t) const {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(t - m_origin).count();
  }
  clock::time_point at(std::int64_t ns) const { return m_origin + std::chrono::nanoseconds(ns); }
  clock::time_point origin() const { return m_origin; }

private:
  clock::time_point m_origin;
};

} // namespace conlab
