// Many coroutines sleeping on one event loop, woken by a single Asio timer.
//
// Asio gives every steady_timer its own entry in the reactor's timer heap, with per-timer
// bookkeeping scattered through the coroutine frames. With 100,000 tasks waiting at once that
// heap is the loop's main cost: every start and every wake-up walks it through cache misses.
// Here sleepers sit in one compact binary heap of 16-byte entries, and one timer waits for the
// earliest. It is still a real event-loop wait: the loop is free to run other tasks meanwhile.
//
// Most sleeps of a run are pushed in deadline order: tasks that wait the same time, started one
// after another. Those go to a FIFO, pushed and popped in O(1) and in memory order; only a
// deadline earlier than the FIFO's last goes to the heap. With a million sleepers the heap's
// pops alone (twenty cache misses each) would take longer than the wait.
//
// A sleep of zero (asyncio's `sleep(0)`, a yield) does not wait for the timer: the coroutine goes
// to a ready list that one posted handler runs through, in order. Posting each one to the
// io_context instead costs a lock of its queue, an operation object and a pass through its
// scheduler per yield: a sixth of a zero-length task's cost on the loop.
#pragma once

#include "core/engine/gil.h"

#include <boost/asio/basic_waitable_timer.hpp>
#include <boost/asio/io_context.hpp>

#include <chrono>
#include <coroutine>
#include <cstdint>
#include <deque>
#include <vector>

namespace conlab {

class LoopSleepQueue {
public:
  using clock = std::chrono::steady_clock;

  explicit LoopSleepQueue(boost::asio::io_context &io);
  ~LoopSleepQueue();

  // Resumes `sleeper` on the loop at `deadline`. Loop thread only.
  void push(clock::time_point deadline, std::coroutine_handle<> sleeper);
  // Resumes `yielder` on the loop after every coroutine already ready. Loop thread only.
  void push_ready(std::coroutine_handle<> yielder);

  // Destroys every sleeper and yielder without resuming it (a cancelled run's tasks).
  void clear();
  // The variant's interpreter lock: sleepers due together are resumed under one hold of it.
  void set_gil(Gil *gil) { m_gil = gil; }

private:
  struct Entry {
    std::int64_t deadline_ns; // since the clock's epoch
    void *sleeper;            // coroutine_handle address
  };

  void wait_for_earliest();
  void run_ready();
  void wake_expired();
  bool empty() const { return m_in_order.empty() && m_heap.empty(); }
  std::int64_t earliest_ns() const;
  void *pop_earliest();

  using Timer = boost::asio::basic_waitable_timer<clock, boost::asio::wait_traits<clock>,
                                                  boost::asio::io_context::executor_type>;
  std::deque<Entry> m_in_order; // deadlines never decreasing
  std::vector<Entry> m_heap;    // min-heap on deadline_ns: the others
  Timer m_timer;
  std::int64_t m_armed_ns = 0;
  bool m_wait_pending = false;
  bool m_waking = false;
  std::vector<void *> m_ready;   // yielders, in the order they yielded
  std::vector<void *> m_running; // the ones run_ready() is resuming: yields meanwhile wait
  bool m_ready_posted = false;
  Gil *m_gil = nullptr;
};

} // namespace conlab
