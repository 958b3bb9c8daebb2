// CPython's global interpreter lock, as a real lock the lab's threads contend for: one thread at
// a time computes, the way pure-Python code runs in one interpreter. The semantics are those of
// CPython since 3.2 (Python/ceval_gil.c), rewritten here for the lab's threads:
//  - a thread that finds the lock taken waits on it for the switch interval at a time; when a
//    whole interval passes without any thread taking the lock, it sets a drop request;
//  - the holder checks for a drop request between slices of its computation (CPython checks its
//    "eval breaker" between bytecodes); on one it drops the lock and then waits until another
//    thread has taken it, so that it cannot take it straight back (a forced switch);
//  - a thread that waits (io, blocking_io) drops the lock first and takes it back afterwards.
// Every acquisition's wait, every forced switch and the time the lock was held are counted.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <thread>

namespace conlab {

struct GilStats {
  std::uint64_t acquisitions = 0;
  std::uint64_t forced_switches = 0; // drops the holder made because a waiter asked
  std::int64_t held_ns = 0;          // Σ time the lock was held
};

class Gil {
public:
  // `switch_interval_ns`: sys.getswitchinterval(), already multiplied by the run's time scale.
  explicit Gil(std::int64_t switch_interval_ns);
  Gil(const Gil &) = delete;
  Gil &operator=(const Gil &) = delete;

  // Takes the lock (the calling thread must not hold it); returns how long it waited, in ns.
  std::int64_t acquire();
  // Drops the lock, which the calling thread holds.
  void release();
  // Drops it as a thread that goes idle does (a pool thread back at its queue, where CPython's
  // worker blocks in queue.get()): if another thread is waiting for the lock, waits until that
  // thread has it, so that this thread cannot take it straight back for its next task. Without
  // this, who gets the lock next would be a race the scheduler decides.
  void release_to_waiter();
  // A check point in the holder's computation: on a drop request, drops the lock, lets a waiter
  // take it and takes it back. Returns the ns spent waiting to get it back (0 most of the time).
  std::int64_t check() {
    return m_drop_request.load(std::memory_order_relaxed) ? forced_switch() : 0;
  }

  bool held_by_this_thread() const;
  std::int64_t switch_interval_ns() const { return m_interval.count(); }
  GilStats stats() const;

private:
  using Clock = std::chrono::steady_clock;
  std::int64_t forced_switch();
  std::int64_t take(bool counted_as_waiting); // acquire(), for a thread already counted
  void release_locked(std::unique_lock<std::mutex> &lock, Clock::time_point now);

  const std::chrono::nanoseconds m_interval;
  mutable std::mutex m_mutex;
  std::condition_variable m_released; // the lock became free
  std::condition_variable m_taken;    // some thread took the lock (a forced switch waits on it)
  std::atomic<bool> m_drop_request{false};
  bool m_locked = false;
  std::thread::id m_holder;
  std::uint64_t m_switch_number = 0; // incremented on every acquisition
  int m_waiting = 0;                 // threads inside acquire() waiting for the lock
  Clock::time_point m_taken_at;
  GilStats m_stats;
};

// An event loop's thread holding the lock across a batch of wake-ups, as CPython's loop thread
// runs every ready callback between two select() calls without dropping it. While a batch is
// open on a thread, ModelContext::enter_python and leave_python on that thread leave the lock
// alone; every task resumed in the batch is charged the batch's wait for the lock.
class GilBatch {
public:
  explicit GilBatch(Gil *gil); // null: no lock, nothing to do
  GilBatch(const GilBatch &) = delete;
  GilBatch &operator=(const GilBatch &) = delete;
  ~GilBatch();
  struct Wait {
    std::int64_t ns = 0;                       // how long the batch waited for the lock
    std::chrono::steady_clock::time_point end; // when it got it
  };
  // The wait of the batch open on this thread for `gil`, or nothing when none is.
  static std::optional<Wait> open_wait(const Gil *gil);

private:
  Gil *m_gil = nullptr;
  bool m_took = false;
  const Gil *m_outer_gil = nullptr;
  Wait m_outer_wait;
};

} // namespace conlab
