#include "core/engine/model.h"

namespace conlab {

ModelContext::ModelContext(const Workload &workload, const CpuWork &cpu, TaskRecorder &recorder,
                           std::stop_token stop, std::function<void(std::uint32_t)> on_finished)
    : m_workload(workload), m_cpu(cpu), m_recorder(recorder), m_stop(std::move(stop)),
      m_on_finished(std::move(on_finished)) {}

void ModelContext::task_finished(std::uint32_t task) {
  m_recorder.finished(task);
  m_on_finished(task);
}

void ModelContext::add_loop_lag(LoopLagTrace trace) {
  std::lock_guard lock(m_lag_mutex);
  m_loop_lag.push_back(std::move(trace));
}

std::vector<LoopLagTrace> ModelContext::take_loop_lag() {
  std::lock_guard lock(m_lag_mutex);
  return std::move(m_loop_lag);
}

} // namespace conlab
