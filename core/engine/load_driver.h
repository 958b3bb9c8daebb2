// Drives load into a model. Closed: C clients, each submitting its next task when its previous
// one ends. Open: tasks arrive at rate λ (constant or Poisson) whatever the model does, and each
// task's submit time is its *intended* arrival, so a stalled system cannot hide its queue.
#pragma once

#include "core/engine/model.h"
#include "core/engine/task_recorder.h"
#include "core/experiment/spec.h"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <stop_token>

namespace conlab {

class LoadDriver {
public:
  LoadDriver(const Load &load, TaskRecorder &recorder, std::stop_token stop, std::uint64_t seed);

  // Give this to the model's context: it counts completions and, under closed load, submits the
  // finishing client's next task. Called from worker threads.
  void on_finished(std::uint32_t task);

  // Submits the load into `model` and returns when every task finished or a stop was requested.
  // `tick` is called on this thread about every 100 ms.
  void run(Model &model, const std::function<void()> &tick);

private:
  void run_closed(Model &model);
  void run_open(Model &model, const std::function<void()> &tick);
  void wait_until_done(const std::function<void()> &tick);
  void submit(Model &model, std::uint32_t task, std::int64_t submit_ns);

  const Load m_load;
  TaskRecorder &m_recorder;
  std::stop_token m_stop;
  std::uint64_t m_seed;
  Model *m_model = nullptr;
  std::atomic<std::uint32_t> m_next{0}; // closed load: the next task a client takes
  std::atomic<std::uint32_t> m_finished{0};
  std::mutex m_mutex;
  std::condition_variable_any m_done;
};

} // namespace conlab
