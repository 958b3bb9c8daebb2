#include "core/engine/model.h"

#include <algorithm>
#include <utility>

namespace conlab {

ModelContext::ModelContext(const Workload &workload, const CpuWork &cpu, TaskRecorder &recorder,
                           std::stop_token stop, std::function<void(std::uint32_t)> on_finished,
                           Gil *gil)
    : m_workload(workload), m_cpu(cpu), m_recorder(recorder), m_stop(std::move(stop)),
      m_on_finished(std::move(on_finished)), m_gil(gil) {}

void ModelContext::enter_python(std::uint32_t task) const {
  if (!m_gil)
    return;
  if (const auto batch_wait = GilBatch::open_wait(m_gil)) {
    // Resumed inside a loop's batch: it waited for the lock as long as the batch did.
    gil_waited(task, batch_wait->ns, batch_wait->end);
    if (!m_gil->held_by_this_thread()) // a step in the batch gave it up (a blocking wait)
      gil_waited(task, m_gil->acquire());
    return;
  }
  if (!m_gil->held_by_this_thread())
    gil_waited(task, m_gil->acquire());
}

void ModelContext::gil_waited(std::uint32_t task, std::int64_t ns) const {
  gil_waited(task, ns, RunClock::clock::now());
}

void ModelContext::gil_waited(std::uint32_t task, std::int64_t ns,
                              RunClock::clock::time_point end) const {
  m_recorder.gil_waited(task, ns, m_recorder.clock().to_ns(end));
}

void ModelContext::leave_python() const {
  if (m_gil && !GilBatch::open_wait(m_gil) && m_gil->held_by_this_thread())
    m_gil->release();
}

void ModelContext::leave_python_idle() const {
  if (m_gil && !GilBatch::open_wait(m_gil) && m_gil->held_by_this_thread())
    m_gil->release_to_waiter();
}

std::optional<RunClock::clock::time_point>
ModelContext::loop_resumed(std::uint32_t task, std::int64_t blocked_ns,
                           RunClock::clock::time_point ready) const {
  TaskCauses *causes = m_recorder.causes(task);
  if (!causes)
    return std::nullopt;
  const auto now = RunClock::clock::now();
  causes->add_blocked(blocked_ns);
  // A timer may wake its loop a little early; a negative delay is none.
  causes->add_loop_delay(std::max<std::int64_t>(0, (now - ready).count()));
  return now;
}

void ModelContext::ran_in_process(std::uint32_t task, StepKind kind, std::int64_t ns) const {
  if (TaskCauses *causes = m_recorder.causes(task); causes && ns > 0)
    (kind == StepKind::cpu ? causes->on_cpu_s : causes->blocked_s) += TaskCauses::seconds(ns);
}

void ModelContext::task_finished(std::uint32_t task) {
  m_recorder.finished(task);
  m_on_finished(task);
}

void ModelContext::task_finished_at(std::uint32_t task, std::int64_t end_ns) {
  m_recorder.finished_at(task, end_ns);
  m_on_finished(task);
}

void ModelContext::add_loop_lag(LoopLagTrace trace) {
  std::lock_guard lock(m_lag_mutex);
  m_loop_lag.push_back(std::move(trace));
}

void ModelContext::set_processes(const ProcessReport &report) {
  std::lock_guard lock(m_lag_mutex);
  m_processes = report;
}

std::optional<ProcessReport> ModelContext::take_processes() {
  std::lock_guard lock(m_lag_mutex);
  return std::exchange(m_processes, std::nullopt);
}

std::vector<LoopLagTrace> ModelContext::take_loop_lag() {
  std::lock_guard lock(m_lag_mutex);
  return std::move(m_loop_lag);
}

} // namespace conlab
