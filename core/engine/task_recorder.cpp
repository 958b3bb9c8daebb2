#include "core/engine/task_recorder.h"

#include <algorithm>

namespace conlab {
namespace {

std::atomic<std::uint64_t> g_generations{0};

struct WorkerSlot {
  std::uint64_t generation = ~0ULL;
  std::uint32_t index = 0;
};
thread_local WorkerSlot t_worker;

} // namespace

TaskRecorder::TaskRecorder(std::uint32_t tasks, const RunClock &clock)
    : m_clock(clock), m_tasks(tasks), m_samples(tasks), m_generation(g_generations.fetch_add(1) + 1) {
  for (std::uint32_t i = 0; i < tasks; ++i)
    m_samples[i].task = i;
}

void TaskRecorder::keep_gil_waits() { m_gil_waits.resize(std::min(m_tasks, kGilWaitTasks)); }

std::vector<GilWait> TaskRecorder::take_gil_waits() {
  std::vector<GilWait> out;
  for (std::uint32_t task = 0; task < m_gil_waits.size(); ++task)
    for (const auto &[start, end] : m_gil_waits[task])
      out.push_back({task, start, end});
  m_gil_waits.clear();
  return out;
}

std::uint32_t TaskRecorder::worker_index() {
  if (t_worker.generation != m_generation) {
    t_worker.generation = m_generation;
    t_worker.index = m_workers.fetch_add(1, std::memory_order_relaxed);
  }
  return t_worker.index;
}

void TaskRecorder::submitted(std::uint32_t task, std::int64_t submit_ns) {
  m_samples[task].submit_ns = submit_ns;
  m_submitted.fetch_add(1, std::memory_order_relaxed);
}

std::int64_t TaskRecorder::started(std::uint32_t task) {
  TaskSample &s = m_samples[task];
  s.start_ns = m_clock.now_ns();
  s.worker = worker_index();
  m_started.fetch_add(1, std::memory_order_relaxed);
  return s.start_ns;
}

void TaskRecorder::started_at(std::uint32_t task, std::int64_t start_ns, std::uint32_t worker) {
  TaskSample &s = m_samples[task];
  s.start_ns = start_ns;
  s.worker = worker;
  m_started.fetch_add(1, std::memory_order_relaxed);
}

void TaskRecorder::finished_at(std::uint32_t task, std::int64_t end_ns) {
  m_samples[task].end_ns = end_ns;
  m_finished.fetch_add(1, std::memory_order_release);
}

void TaskRecorder::finished(std::uint32_t task) {
  m_samples[task].end_ns = m_clock.now_ns();
  m_finished.fetch_add(1, std::memory_order_release);
}

} // namespace conlab
