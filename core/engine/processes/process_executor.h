// An executor of P worker processes: Python's ProcessPoolExecutor(P) as the process_pool model
// awaits it with loop.run_in_executor. Each worker is a process of its own (its own interpreter
// lock, when the variant has one, which nothing else in that process contends for) that runs one
// step at a time. A manager thread hands the steps out first come first served and collects the
// replies, as the executor's own management thread does.
//
// What a process costs is measured, not assumed: the workers start when the first step is
// submitted (as ProcessPoolExecutor forks them, inside the run), and each step's trip over the
// socket there and back is timed against the one monotonic clock all processes share.
//
// When a worker dies, the pool is broken, as ProcessPoolExecutor's is (BrokenProcessPool): the
// step it ran, every step waiting and every later one fail, and report() says which worker
// died, how, and how many tasks it took down.
#pragma once

#include "core/engine/cpu_work.h"
#include "core/engine/processes/child_process.h"
#include "core/engine/processes/process_report.h"
#include "core/experiment/spec.h"

#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

namespace conlab {

class ProcessExecutor {
public:
  struct Job {
    std::uint32_t task = 0;
    StepKind kind = StepKind::cpu;
    std::int64_t ns = 0;
  };
  enum class Outcome { completed, stopped, failed };
  struct Done {
    Outcome outcome = Outcome::completed;
    std::int64_t queued_ns = 0;  // waiting for a free worker
    std::int64_t handoff_ns = 0; // the step's trip to the worker and its reply's way back
  };
  using Callback = std::function<void(const Done &)>;

  ProcessExecutor(int workers, const CpuWork &cpu, std::stop_token stop);
  ~ProcessExecutor();
  ProcessExecutor(const ProcessExecutor &) = delete;
  ProcessExecutor &operator=(const ProcessExecutor &) = delete;

  // Thread-safe. `done` runs on the manager thread, exactly once per job (also when the pool
  // stops or breaks first).
  void submit(Job job, Callback done);
  // Waits for the steps handed out (or, after a stop request, kills the workers at once), reaps
  // every worker and joins the manager thread. Safe to call twice.
  void shutdown();
  const ProcessReport &report() const { return m_report; } // after shutdown()

private:
  using clock = std::chrono::steady_clock;
  struct Queued {
    Job job;
    Callback done;
    clock::time_point asked;
  };
  struct Worker {
    ChildProcess process;
    bool busy = false;
    Queued running;
    clock::time_point sent;
  };

  void manage();
  void start_workers();
  void dispatch();
  void collect(std::size_t worker);
  void take_incoming();
  void wake() const;
  void break_pool(std::size_t worker, const std::string &how);
  void fail(Queued &queued, Outcome outcome);
  void fail_pending(Outcome outcome); // every step still waiting for a worker
  void finish();

  const int m_size;
  const CpuWork &m_cpu;
  std::stop_token m_stop;
  const int m_wake; // eventfd: a submission, a stop request or shutdown
  std::mutex m_mutex;
  std::vector<Queued> m_incoming; // guarded by m_mutex
  bool m_closing = false;         // guarded by m_mutex
  // Manager thread only:
  std::deque<Queued> m_pending;
  std::vector<Worker> m_workers;
  bool m_broken = false;
  clock::time_point m_first_submit{};
  ProcessReport m_report;
  std::thread m_manager;
  std::optional<std::stop_callback<std::function<void()>>> m_on_stop;
};

} // namespace conlab
