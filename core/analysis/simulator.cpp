#include "core/analysis/simulator.h"

#include "core/engine/model_registry.h"
#include "core/experiment/workload.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <queue>
#include <stdexcept>

namespace conlab {
namespace {

constexpr double kNever = std::numeric_limits<double>::infinity();

// Where a step runs, which says what happens when it ends.
enum class Where : std::uint8_t { arrival, loop_io, loop_held, executor, task_thread };

struct Timed {
  double at;
  std::uint64_t seq;
  std::uint32_t task;
  Where where;
  bool operator>(const Timed &o) const { return at != o.at ? at > o.at : seq > o.seq; }
};

struct CpuJob {
  double v_finish; // in virtual time, see Simulator::advance
  std::uint64_t seq;
  std::uint32_t task;
  Where where;
  bool operator>(const CpuJob &o) const {
    return v_finish != o.v_finish ? v_finish > o.v_finish : seq > o.seq;
  }
};

struct Pool {
  int capacity = 0;
  int busy = 0;
  std::deque<std::uint32_t> waiting;
};

struct Loop {
  bool busy = false;
  std::deque<std::uint32_t> ready; // tasks whose next piece needs this loop
};

class Simulator {
public:
  Simulator(const Experiment &e, std::size_t index, int cores)
      : m_load(e.load), m_cores(cores),
        m_workload(e.variants[index], e.time_scale, e.seed, static_cast<std::uint32_t>(index)),
        m_seed(e.seed), m_tasks(static_cast<std::uint32_t>(e.load.tasks)) {
    const ModelInfo *info = find_model(e.variants[index].model);
    if (!info || !info->shape)
      throw std::invalid_argument("no simulation for model " + e.variants[index].model);
    m_shape = info->shape(e.variants[index], cores);
    m_task_pool.capacity = m_shape.task_threads;
    m_executor.capacity = m_shape.executor_threads;
    m_loops.resize(static_cast<std::size_t>(m_shape.loops));
    m_samples.resize(m_tasks);
    m_loop_of.assign(m_tasks, 0);
    m_step.assign(m_tasks, 0);
    m_asked.assign(m_tasks, 0);
    for (std::uint32_t i = 0; i < m_tasks; ++i)
      m_samples[i].task = i;
  }

  Simulation run() {
    start_load();
    for (;;) {
      const double next_timed = m_timed.empty() ? kNever : m_timed.top().at;
      const double next_cpu = m_cpu.empty() ? kNever : m_now + (m_cpu.top().v_finish - m_v) / rate();
      if (next_timed == kNever && next_cpu == kNever)
        break;
      ++m_events;
      if (next_cpu <= next_timed) {
        advance(next_cpu);
        const CpuJob job = m_cpu.top();
        m_cpu.pop();
        --m_computing;
        step_done(job.task, job.where);
      } else {
        advance(next_timed);
        const Timed t = m_timed.top();
        m_timed.pop();
        if (t.where == Where::arrival)
          arrive(t.task);
        else if (t.where == Where::loop_io)
          loop_ready(t.task);
        else
          step_done(t.task, t.where);
      }
    }
    Simulation out;
    out.samples = std::move(m_samples);
    out.summary = summarize(out.samples, {}, {}, {}, m_cores);
    out.events = m_events;
    return out;
  }

private:
  // Computing steps share the cores equally: with n of them on M cores each runs at
  // min(1, M/n). Virtual time advances at that rate, so a step of w ns of work started at
  // virtual time v ends when virtual time reaches v + w, however often n changes meanwhile.
  double rate() const {
    return m_computing > m_cores ? static_cast<double>(m_cores) / m_computing : 1.0;
  }
  void advance(double t) {
    m_v += (t - m_now) * rate();
    m_now = t;
  }
  void at(double when, std::uint32_t task, Where where) {
    m_timed.push({when, m_seq++, task, where});
  }
  void compute(std::uint32_t task, double work, Where where) {
    m_cpu.push({m_v + work, m_seq++, task, where});
    ++m_computing;
  }
  // Starts the current step of a task on whatever holds it (a thread, a held loop, an executor).
  void run_step(std::uint32_t task, Where where) {
    const double d = static_cast<double>(m_workload.duration_ns(task, m_step[task]));
    if (m_workload.kind(m_step[task]) == StepKind::cpu)
      compute(task, d, where);
    else
      at(m_now + d, task, where);
  }

  // --- load ---
  void start_load() {
    if (m_load.kind == LoadKind::closed) {
      const auto clients = static_cast<std::uint32_t>(std::min(m_load.clients, m_load.tasks));
      for (m_next = 0; m_next < clients; ++m_next)
        submit(m_next);
    } else {
      at(0, 0, Where::arrival);
    }
  }
  void arrive(std::uint32_t task) {
    submit(task);
    if (task + 1 < m_tasks) {
      const double gap = 1e9 / m_load.rate_per_s;
      const double next =
          m_load.arrivals == ArrivalKind::constant
              ? gap
              : -gap * std::log(1.0 - counter_uniform(m_seed, task, 0xa77)); // as LoadDriver
      at(m_now + next, task + 1, Where::arrival);
    }
  }
  void submit(std::uint32_t task) {
    m_samples[task].submit_ns = std::llround(m_now);
    if (m_shape.task_threads > 0) {
      if (m_task_pool.busy < m_task_pool.capacity) {
        ++m_task_pool.busy;
        begin_on_thread(task);
      } else {
        m_task_pool.waiting.push_back(task);
      }
    } else {
      m_loop_of[task] = m_round_robin++ % static_cast<std::uint32_t>(m_loops.size());
      loop_ready(task);
    }
  }
  void finish(std::uint32_t task) {
    m_samples[task].end_ns = std::llround(m_now);
    if (m_load.kind == LoadKind::closed && m_next < m_tasks)
      submit(m_next++);
  }

  // --- thread models: a task holds its thread from start to end ---
  void begin_on_thread(std::uint32_t task) {
    m_samples[task].start_ns = std::llround(m_now);
    // The thread this task gets: one a finished task left, else a new one.
    if (m_idle_workers.empty()) {
      m_samples[task].worker = m_workers++;
    } else {
      m_samples[task].worker = m_idle_workers.back();
      m_idle_workers.pop_back();
    }
    next_on_thread(task);
  }
  void next_on_thread(std::uint32_t task) {
    if (m_step[task] < m_workload.step_count()) {
      run_step(task, Where::task_thread);
      return;
    }
    m_idle_workers.push_back(m_samples[task].worker);
    finish(task);
    if (m_task_pool.waiting.empty()) {
      --m_task_pool.busy;
    } else {
      const std::uint32_t next = m_task_pool.waiting.front();
      m_task_pool.waiting.pop_front();
      begin_on_thread(next);
    }
  }

  // --- loop models: the loop is held only through steps that do not await ---
  void loop_ready(std::uint32_t task) {
    Loop &loop = m_loops[m_loop_of[task]];
    loop.ready.push_back(task);
    pump(loop);
  }
  void pump(Loop &loop) {
    while (!loop.busy && !loop.ready.empty()) {
      const std::uint32_t task = loop.ready.front();
      loop.ready.pop_front();
      run_on_loop(task);
    }
  }
  // Runs a task on its loop from its current step until it awaits, holds the loop or ends.
  void run_on_loop(std::uint32_t task) {
    TaskSample &s = m_samples[task];
    if (s.start_ns < 0) {
      s.start_ns = std::llround(m_now);
      s.worker = m_loop_of[task];
    }
    if (m_step[task] >= m_workload.step_count()) {
      finish(task);
      return;
    }
    const StepKind kind = m_workload.kind(m_step[task]);
    if (kind == StepKind::io) {
      at(m_now + static_cast<double>(m_workload.duration_ns(task, m_step[task])), task,
         Where::loop_io);
      ++m_step[task];
    } else if (m_shape.executor_threads > 0) {
      m_asked[task] = m_now;
      if (m_executor.busy < m_executor.capacity) {
        ++m_executor.busy;
        run_on_executor(task);
      } else {
        m_executor.waiting.push_back(task);
      }
    } else {
      m_loops[m_loop_of[task]].busy = true;
      run_step(task, Where::loop_held);
    }
  }
  void run_on_executor(std::uint32_t task) {
    m_samples[task].add_executor_wait(std::llround(m_now - m_asked[task]));
    run_step(task, Where::executor);
  }

  // A blocking or computing step ended: continue where it ran.
  void step_done(std::uint32_t task, Where where) {
    ++m_step[task];
    switch (where) {
    case Where::task_thread:
      next_on_thread(task);
      break;
    case Where::loop_held: {
      // The blocking call returned: the coroutine goes on without yielding the loop.
      Loop &loop = m_loops[m_loop_of[task]];
      loop.busy = false;
      run_on_loop(task);
      pump(loop);
      break;
    }
    case Where::executor:
      if (m_executor.waiting.empty()) {
        --m_executor.busy;
      } else {
        const std::uint32_t next = m_executor.waiting.front();
        m_executor.waiting.pop_front();
        run_on_executor(next);
      }
      loop_ready(task); // resuming after the await needs the loop
      break;
    case Where::arrival:
    case Where::loop_io:
      break;
    }
  }

  Load m_load;
  int m_cores;
  Workload m_workload;
  std::uint64_t m_seed;
  std::uint32_t m_tasks;
  ScheduleShape m_shape;
  Pool m_task_pool, m_executor;
  std::vector<Loop> m_loops;
  std::vector<std::uint32_t> m_loop_of;
  std::uint32_t m_round_robin = 0;
  std::vector<std::uint32_t> m_idle_workers;
  std::uint32_t m_workers = 0;
  std::vector<TaskSample> m_samples;
  std::vector<std::size_t> m_step;
  std::vector<double> m_asked;
  std::priority_queue<Timed, std::vector<Timed>, std::greater<>> m_timed;
  std::priority_queue<CpuJob, std::vector<CpuJob>, std::greater<>> m_cpu;
  int m_computing = 0;
  double m_now = 0, m_v = 0;
  std::uint64_t m_seq = 0, m_events = 0;
  std::uint32_t m_next = 0;
};

} // namespace

bool simulator_models(const Variant &variant) {
  return !variant.has_gil() && variant.background_cpu_threads.value_or(0) == 0;
}

Simulation simulate(const Experiment &experiment, std::size_t variant_index, int cores) {
  return Simulator(experiment, variant_index, cores).run();
}

std::int64_t simulated_steps(const Experiment &experiment, std::size_t variant_index) {
  const std::int64_t per_task = steps_per_task(experiment.variants[variant_index].steps);
  const std::int64_t tasks = std::max<std::int64_t>(experiment.load.tasks, 0);
  if (per_task > 0 && tasks > std::numeric_limits<std::int64_t>::max() / per_task)
    return std::numeric_limits<std::int64_t>::max();
  return tasks * per_task;
}

} // namespace conlab
