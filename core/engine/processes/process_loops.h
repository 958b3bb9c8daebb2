// L event loops in L worker processes: `uvicorn --workers L`, the multi_loop model with
// "processes": true. Each process is a single-threaded loop with its own interpreter (and lock,
// under a GIL), so the loops compute at once where threads sharing one GIL could not. The lab
// deals the tasks round-robin; each process runs its tasks as coroutines and reports when each
// started and ended, timed on the monotonic clock all processes share.
//
// The workers start before the run's clock, as uvicorn's boot before they serve, and the start
// cost is reported beside the run. A worker that dies takes down the tasks it held; the others
// go on with the rest, and the report says which worker died, how, and what it took down.
#pragma once

#include "core/engine/model.h"
#include "core/engine/processes/child_process.h"
#include "core/engine/processes/process_report.h"

#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

namespace conlab {

class ProcessLoops {
public:
  ProcessLoops(int loops, ModelContext &context);
  ~ProcessLoops();
  ProcessLoops(const ProcessLoops &) = delete;
  ProcessLoops &operator=(const ProcessLoops &) = delete;

  // Forks the workers and returns once every one is ready. Throws if they cannot start.
  void start();
  void submit(std::uint32_t task); // thread-safe
  // Stops the workers (kills them after a stop request, lets them exit otherwise), reaps every
  // one and hands the report to the context. Safe to call twice.
  void shutdown();

private:
  struct Loop {
    ChildProcess process;
    std::set<std::uint32_t> in_flight; // guarded by m_mutex
    bool alive = true;                 // guarded by m_mutex
  };

  void manage();
  bool drain(std::size_t loop); // false: the worker is gone
  void lose(std::size_t loop);
  void wake() const;

  const int m_count;
  ModelContext &m_context;
  const int m_wake;
  std::vector<Loop> m_loops; // the vector itself is fixed once start() returns
  std::uint32_t m_first_worker = 0;
  std::mutex m_mutex;
  std::size_t m_next = 0;               // guarded by m_mutex
  bool m_closing = false;               // guarded by m_mutex
  bool m_started = false;               // guarded by m_mutex
  std::string m_start_error;            // guarded by m_mutex
  std::vector<std::uint32_t> m_orphans; // submitted with no worker left; guarded by m_mutex
  std::condition_variable m_ready;
  ProcessReport m_report; // manager thread until joined
  std::thread m_manager;
  std::optional<std::stop_callback<std::function<void()>>> m_on_stop;
};

} // namespace conlab
