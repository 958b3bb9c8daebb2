#include "core/engine/gil.h"

namespace conlab {

Gil::Gil(std::int64_t switch_interval_ns)
    : m_interval(std::max<std::int64_t>(1, switch_interval_ns)) {}

std::int64_t Gil::acquire() { return take(false); }

std::int64_t Gil::take(bool counted_as_waiting) {
  const Clock::time_point asked = Clock::now();
  std::unique_lock lock(m_mutex);
  if (m_locked && !counted_as_waiting)
    ++m_waiting;
  const bool waited_at_all = m_locked || counted_as_waiting;
  while (m_locked) {
    // As take_gil(): wait one interval at a time, and ask for the lock only when a whole
    // interval passed with no thread taking it (so a lock that keeps changing hands is left be).
    const std::uint64_t seen = m_switch_number;
    const std::cv_status woke = m_released.wait_for(lock, m_interval);
    if (woke == std::cv_status::timeout && m_locked && m_switch_number == seen)
      m_drop_request.store(true, std::memory_order_relaxed);
  }
  if (waited_at_all)
    --m_waiting;
  const Clock::time_point now = Clock::now();
  m_locked = true;
  m_holder = std::this_thread::get_id();
  ++m_switch_number;
  m_taken_at = now;
  // A request that was meant for the previous holder is spent; a waiter still waiting will
  // make a new one after its own interval.
  m_drop_request.store(false, std::memory_order_relaxed);
  const std::int64_t waited =
      std::chrono::duration_cast<std::chrono::nanoseconds>(now - asked).count();
  ++m_stats.acquisitions;
  lock.unlock();
  m_taken.notify_all();
  return waited;
}

void Gil::release() {
  std::unique_lock lock(m_mutex);
  release_locked(lock, Clock::now());
}

void Gil::release_locked(std::unique_lock<std::mutex> &lock, Clock::time_point now) {
  m_stats.held_ns += std::chrono::duration_cast<std::chrono::nanoseconds>(now - m_taken_at).count();
  m_locked = false;
  m_holder = {};
  lock.unlock();
  m_released.notify_one();
  lock.lock();
}

void Gil::release_to_waiter() {
  std::unique_lock lock(m_mutex);
  const std::uint64_t number = m_switch_number;
  release_locked(lock, Clock::now());
  if (m_waiting > 0)
    m_taken.wait(lock, [&] { return m_switch_number != number; });
}

std::int64_t Gil::forced_switch() {
  {
    std::unique_lock lock(m_mutex);
    if (!m_drop_request.load(std::memory_order_relaxed) || m_holder != std::this_thread::get_id())
      return 0;
    m_drop_request.store(false, std::memory_order_relaxed);
    const std::uint64_t number = m_switch_number;
    ++m_stats.forced_switches;
    // Counted as waiting from the drop on: it wants the lock back, and a thread that goes idle
    // meanwhile (release_to_waiter) must leave it to this one.
    ++m_waiting;
    release_locked(lock, Clock::now());
    // As drop_gil() with FORCE_SWITCHING: do not race the waiter for the lock just dropped.
    m_taken.wait(lock, [&] { return m_switch_number != number; });
  }
  return take(true);
}

bool Gil::held_by_this_thread() const {
  std::lock_guard lock(m_mutex);
  return m_locked && m_holder == std::this_thread::get_id();
}

namespace {
thread_local const Gil *t_batch_gil = nullptr;
thread_local GilBatch::Wait t_batch_wait;
} // namespace

GilBatch::GilBatch(Gil *gil) : m_gil(gil) {
  if (!gil)
    return;
  m_outer_gil = t_batch_gil;
  m_outer_wait = t_batch_wait;
  Wait wait;
  if (!gil->held_by_this_thread()) {
    wait.ns = gil->acquire();
    m_took = true;
  }
  wait.end = std::chrono::steady_clock::now();
  t_batch_gil = gil;
  t_batch_wait = wait;
}

GilBatch::~GilBatch() {
  if (!m_gil)
    return;
  t_batch_gil = m_outer_gil;
  t_batch_wait = m_outer_wait;
  if (m_took && m_gil->held_by_this_thread())
    m_gil->release();
}

std::optional<GilBatch::Wait> GilBatch::open_wait(const Gil *gil) {
  if (gil && t_batch_gil == gil)
    return t_batch_wait;
  return std::nullopt;
}

GilStats Gil::stats() const {
  std::lock_guard lock(m_mutex);
  GilStats s = m_stats;
  if (m_locked) // count the current holding up to now
    s.held_ns +=
        std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - m_taken_at).count();
  return s;
}

} // namespace conlab
