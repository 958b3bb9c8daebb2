#include "core/engine/load_driver.h"

#include "core/experiment/workload.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <thread>

namespace conlab {

namespace {
constexpr auto kTick = std::chrono::milliseconds(100);
}

LoadDriver::LoadDriver(const Load &load, TaskRecorder &recorder, std::stop_token stop,
                       std::uint64_t seed)
    : m_load(load), m_recorder(recorder), m_stop(std::move(stop)), m_seed(seed) {}

void LoadDriver::submit(Model &model, std::uint32_t task, std::int64_t submit_ns) {
  m_recorder.submitted(task, submit_ns);
  model.submit(task);
}

void LoadDriver::on_finished(std::uint32_t) {
  const std::uint32_t done = m_finished.fetch_add(1, std::memory_order_acq_rel) + 1;
  if (m_load.kind == LoadKind::closed && !m_stop.stop_requested()) {
    const std::uint32_t next = m_next.fetch_add(1, std::memory_order_relaxed);
    if (next < m_recorder.tasks())
      submit(*m_model, next, m_recorder.clock().now_ns());
  }
  if (done == m_recorder.tasks()) {
    // Lock so the waiter cannot miss the notification between its check and its wait.
    std::lock_guard lock(m_mutex);
    m_done.notify_all();
  }
}

void LoadDriver::run(Model &model, const std::function<void()> &tick) {
  m_model = &model;
  if (m_load.kind == LoadKind::closed)
    run_closed(model);
  else
    run_open(model, tick);
  wait_until_done(tick);
}

void LoadDriver::run_closed(Model &model) {
  const auto clients = static_cast<std::uint32_t>(std::min(m_load.clients, m_load.tasks));
  // Every client submits its first task now; later ones follow from on_finished. The next task
  // index is claimed before the burst goes out, so a fast finisher cannot take one of these.
  m_next.store(clients, std::memory_order_relaxed);
  const std::int64_t now = m_recorder.clock().now_ns();
  for (std::uint32_t task = 0; task < clients; ++task)
    m_recorder.submitted(task, now);
  if (!m_stop.stop_requested())
    model.submit_range(0, clients);
}

void LoadDriver::run_open(Model &model, const std::function<void()> &tick) {
  const RunClock &clock = m_recorder.clock();
  const double mean_gap_ns = 1e9 / m_load.rate_per_s;
  const std::int64_t start_ns = clock.now_ns();
  double intended = 0;
  auto next_tick = clock.origin() + std::chrono::nanoseconds(start_ns) + kTick;
  for (std::uint32_t task = 0; task < m_recorder.tasks(); ++task) {
    const std::int64_t due = start_ns + std::llround(intended);
    while (!m_stop.stop_requested()) {
      const auto now = RunClock::clock::now();
      if (now >= next_tick) {
        tick();
        next_tick = now + kTick;
      }
      const auto target = std::min(clock.at(due), next_tick);
      if (now >= clock.at(due))
        break;
      std::this_thread::sleep_until(target);
    }
    if (m_stop.stop_requested())
      return;
    submit(model, task, due); // the intended time, even if this thread is late
    const double gap = m_load.arrivals == ArrivalKind::constant
                           ? mean_gap_ns
                           : -mean_gap_ns * std::log(1.0 - counter_uniform(m_seed, task, 0xa77));
    intended += gap;
  }
}

void LoadDriver::wait_until_done(const std::function<void()> &tick) {
  std::unique_lock lock(m_mutex);
  while (!m_done.wait_for(lock, m_stop, kTick, [this] {
    return m_finished.load(std::memory_order_acquire) >= m_recorder.tasks();
  })) {
    if (m_stop.stop_requested())
      return;
    lock.unlock();
    tick();
    lock.lock();
  }
}

} // namespace conlab
