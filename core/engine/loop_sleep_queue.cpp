#include "core/engine/loop_sleep_queue.h"

#include <boost/asio/post.hpp>

#include <algorithm>

namespace conlab {
namespace {

// Like the kernel's default timer slack for sleeping threads: the timer fires this much after the
// earliest deadline, so sleepers due within the window wake together (late by at most this,
// never early). Without it, 100,000 deadlines spread over 100 ms would re-arm the timer (a
// timerfd_settime system call) for nearly every single one.
constexpr std::int64_t kSlackNs = 50'000;

std::int64_t to_ns(LoopSleepQueue::clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

struct Later {
  template <typename E> bool operator()(const E &a, const E &b) const {
    return a.deadline_ns > b.deadline_ns;
  }
};

} // namespace

LoopSleepQueue::LoopSleepQueue(boost::asio::io_context &io) : m_timer(io.get_executor()) {}

LoopSleepQueue::~LoopSleepQueue() { clear(); }

void LoopSleepQueue::push(clock::time_point deadline, std::coroutine_handle<> sleeper) {
  const std::int64_t ns = to_ns(deadline);
  if (m_in_order.empty() || m_in_order.back().deadline_ns <= ns) {
    m_in_order.push_back({ns, sleeper.address()});
  } else {
    m_heap.push_back({ns, sleeper.address()});
    std::push_heap(m_heap.begin(), m_heap.end(), Later{});
  }
  if (m_waking)
    return; // wake_expired() arms the timer when it is done
  if (!m_wait_pending)
    wait_for_earliest();
  else if (ns + kSlackNs < m_armed_ns) {
    // Earlier than the armed wait: moving the expiry cancels that wait, whose handler re-arms.
    m_armed_ns = ns + kSlackNs;
    m_timer.expires_at(clock::time_point(std::chrono::nanoseconds(m_armed_ns)));
  }
}

void LoopSleepQueue::push_ready(std::coroutine_handle<> yielder) {
  m_ready.push_back(yielder.address());
  if (m_ready_posted)
    return;
  m_ready_posted = true;
  boost::asio::post(m_timer.get_executor(), [this] { run_ready(); });
}

void LoopSleepQueue::run_ready() {
  m_ready_posted = false;
  m_running.swap(m_ready); // m_running is empty: the last pass cleared it
  {
    const GilBatch batch(m_gil);
    for (void *yielder : m_running)
      std::coroutine_handle<>::from_address(yielder).resume();
  }
  m_running.clear();
}

std::int64_t LoopSleepQueue::earliest_ns() const {
  if (m_heap.empty())
    return m_in_order.front().deadline_ns;
  if (m_in_order.empty())
    return m_heap.front().deadline_ns;
  return std::min(m_in_order.front().deadline_ns, m_heap.front().deadline_ns);
}

void *LoopSleepQueue::pop_earliest() {
  if (m_heap.empty() ||
      (!m_in_order.empty() && m_in_order.front().deadline_ns <= m_heap.front().deadline_ns)) {
    void *sleeper = m_in_order.front().sleeper;
    m_in_order.pop_front();
    return sleeper;
  }
  std::pop_heap(m_heap.begin(), m_heap.end(), Later{});
  void *sleeper = m_heap.back().sleeper;
  m_heap.pop_back();
  return sleeper;
}

void LoopSleepQueue::wait_for_earliest() {
  m_armed_ns = earliest_ns() + kSlackNs;
  m_timer.expires_at(clock::time_point(std::chrono::nanoseconds(m_armed_ns)));
  m_wait_pending = true;
  m_timer.async_wait([this](const boost::system::error_code &) {
    m_wait_pending = false;
    wake_expired();
  });
}

void LoopSleepQueue::wake_expired() {
  m_waking = true;
  const std::int64_t now = to_ns(clock::now());
  if (!empty() && earliest_ns() <= now) {
    const GilBatch batch(m_gil);
    while (!empty() && earliest_ns() <= now)
      std::coroutine_handle<>::from_address(pop_earliest()).resume();
  }
  m_waking = false;
  if (!empty() && !m_wait_pending)
    wait_for_earliest();
}

void LoopSleepQueue::clear() {
  for (const Entry &e : m_in_order)
    std::coroutine_handle<>::from_address(e.sleeper).destroy();
  for (const Entry &e : m_heap)
    std::coroutine_handle<>::from_address(e.sleeper).destroy();
  for (void *yielder : m_ready)
    std::coroutine_handle<>::from_address(yielder).destroy();
  m_in_order.clear();
  m_heap.clear();
  m_ready.clear();
  m_timer.cancel();
}

} // namespace conlab
