// The contract between the runner and a scheduling model (event_loop, thread_pool, ...).
// A model owns its threads and loops; the runner drives load into it through submit().
#pragma once

#include "core/engine/cpu_work.h"
#include "core/engine/gil.h"
#include "core/engine/loop_lag.h"
#include "core/engine/processes/process_report.h"
#include "core/engine/task_recorder.h"
#include "core/engine/threads/thread_starts.h"
#include "core/experiment/spec.h"
#include "core/experiment/workload.h"

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <vector>

namespace conlab {

// What a model needs from the run: the tasks' durations, the CPU kernel, where to record, a
// stop token (Ctrl-C / Cancel), whom to tell that a task finished, and the variant's interpreter
// lock when it has one (`"gil": "cpython"`).
class ModelContext {
public:
  ModelContext(const Workload &workload, const CpuWork &cpu, TaskRecorder &recorder,
               std::stop_token stop, std::function<void(std::uint32_t)> on_finished,
               Gil *gil = nullptr);

  const Workload &workload() const { return m_workload; }
  const CpuWork &cpu() const { return m_cpu; }
  const RunClock &clock() const { return m_recorder.clock(); }
  const std::stop_token &stop() const { return m_stop; }
  bool stopping() const { return m_stop.stop_requested(); }

  // Returns the recorded start (run clock ns).
  std::int64_t task_started(std::uint32_t task) { return m_recorder.started(task); }
  void task_started(std::uint32_t task, RunClock::clock::time_point at) {
    m_recorder.started(task, clock().to_ns(at));
  }
  void task_finished(std::uint32_t task);
  void task_finished_at(std::uint32_t task, std::int64_t end_ns); // timed by a worker process
  // A task that ended without finishing because the model broke under it (a worker process
  // died): the load goes on, the task keeps no end time.
  void task_failed(std::uint32_t task) { m_on_finished(task); }
  void executor_waited(std::uint32_t task, std::int64_t ns) {
    m_recorder.executor_waited(task, ns);
  }
  // A step's trip to a worker process and back (same rule as executor_waited).
  void handed_off(std::uint32_t task, std::int64_t ns) { m_recorder.handed_off(task, ns); }
  TaskRecorder &recorder() { return m_recorder; }

  // Where the task's time went, when the run measures it (in-process runs); null otherwise.
  // Same rule as the sample: only by the thread that runs the task at the moment.
  TaskCauses *causes(std::uint32_t task) const { return m_recorder.causes(task); }
  // A wait that an event loop served: the task waited `blocked_ns` (a timer), could go on at
  // `ready`, and the loop resumed it only now; the difference is the loop's delay.
  // Returns when it resumed (read only when the split is measured, else nullopt).
  std::optional<RunClock::clock::time_point> loop_resumed(std::uint32_t task,
                                                          std::int64_t blocked_ns,
                                                          RunClock::clock::time_point ready) const;
  // A step that a worker process ran for `ns` (from its trip there and back, less its queue and
  // hand-off): the process's own scheduler is out of sight, so the step's kind says where that
  // time went, on a core (cpu) or blocked.
  void ran_in_process(std::uint32_t task, StepKind kind, std::int64_t ns) const;
  // A step this thread ran for the task, for the timeline's thread states (the first tasks).
  void step_ran(std::uint32_t task, RunClock::clock::time_point start,
                RunClock::clock::time_point end, float on_cpu_s, float runnable_s) const {
    m_recorder.step_ran(task, clock().to_ns(start), clock().to_ns(end), on_cpu_s, runnable_s);
  }
  // The GIL wait the task's sample holds so far (same rule).
  std::int64_t recorder_gil_wait_ns(std::uint32_t task) const {
    return m_recorder.gil_wait_ns(task);
  }

  // The interpreter lock, or null (C++, free-threaded Python). A thread runs the task's Python
  // code between enter_python and leave_python: enter takes the lock if this thread does not
  // hold it (counting the wait as the task's GIL wait), leave drops it if it does. Both do
  // nothing without a GIL.
  Gil *gil() const { return m_gil; }
  void enter_python(std::uint32_t task) const;
  void leave_python() const;
  // leave_python for a thread that goes idle after its task (back at its pool's queue): a thread
  // waiting for the lock gets it before this one can take it back (Gil::release_to_waiter).
  void leave_python_idle() const;
  // A wait of `task` for the lock that ended just now (or at `end`).
  void gil_waited(std::uint32_t task, std::int64_t ns) const;
  void gil_waited(std::uint32_t task, std::int64_t ns, RunClock::clock::time_point end) const;

  // Models that start threads to run tasks count them here, with pthread_create's time.
  ThreadStartMeter &thread_starts() { return m_thread_starts; }
  const ThreadStartMeter &thread_starts() const { return m_thread_starts; }

  // Models hand in their loops' lag traces when they shut down (any thread).
  void add_loop_lag(LoopLagTrace trace);
  std::vector<LoopLagTrace> take_loop_lag();
  // Models with worker processes hand in what they cost once the workers are reaped.
  void set_processes(const ProcessReport &report);
  std::optional<ProcessReport> take_processes();

private:
  const Workload &m_workload;
  const CpuWork &m_cpu;
  TaskRecorder &m_recorder;
  std::stop_token m_stop;
  std::function<void(std::uint32_t)> m_on_finished;
  Gil *m_gil;
  std::mutex m_lag_mutex;
  std::vector<LoopLagTrace> m_loop_lag;
  std::optional<ProcessReport> m_processes; // guarded by m_lag_mutex
  ThreadStartMeter m_thread_starts;
};

class Model {
public:
  virtual ~Model() = default;
  // Starts threads and loops. Called before the run's clock starts, so start-up is not timed.
  virtual void start() = 0;
  // Queues a task; thread-safe and never blocks the caller on the task itself.
  virtual void submit(std::uint32_t task) = 0;
  // Queues tasks first .. first + count - 1, submitted together (a closed load's opening burst).
  // Models whose hand-off costs a wake-up per call override it to hand them over at once.
  virtual void submit_range(std::uint32_t first, std::uint32_t count) {
    for (std::uint32_t i = 0; i < count; ++i)
      submit(first + i);
  }
  // Called once, after the last task finished or a stop was requested: queued tasks are
  // dropped, running ones end at their next step boundary, every thread is joined.
  virtual void shutdown() = 0;
};

// What a model needs to know about the machine and the variant when it is built.
struct ModelSetup {
  const Variant &variant;
  int cores;
  ModelContext &context;
};

} // namespace conlab
