// Watching the server a run loads: how many threads it runs, how much CPU they use, how long
// they wait ready for a core, and how much memory it holds, sampled from /proc/PID while the
// load runs and timed on the run's clock, so that they line up with the latency. A load tool
// sees only its side of the wire; this is the server's side, from the kernel's own accounting.
#pragma once

#include "core/engine/run_clock.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace conlab {

struct WatchPoint {
  std::int64_t at_ns = 0; // on the run's clock
  std::uint32_t threads = 0;
  double cpu_s = 0;           // every thread's CPU time since the watch began
  double runqueue_wait_s = 0; // every thread's time ready to run but waiting for a core, since then
  std::int64_t rss_bytes = 0;
};

// One thread of the watched process, over the part of the watch it was seen in.
struct WatchedThread {
  std::int32_t tid = 0;
  std::string name; // its comm: what the server named it ("uvicorn", "AnyIO worker"), if anything
  double cpu_s = 0, runqueue_wait_s = 0;
  std::int64_t first_seen_ns = 0, last_seen_ns = 0;
};

struct ProcessWatch {
  std::int32_t pid = 0;
  std::string name;      // the process's comm
  double interval_s = 0; // between samples at the end (it grows on long runs and many threads)
  std::vector<WatchPoint> points;
  std::vector<WatchedThread> threads; // every thread seen, the busiest first
  std::uint32_t first_threads = 0, peak_threads = 0;
  std::int64_t peak_rss_bytes = 0;
  std::int64_t exited_ns = -1; // when the process was found gone, on the run's clock; -1: it lasted
  double cpu_s() const { return points.empty() ? 0 : points.back().cpu_s; }
  double runqueue_wait_s() const { return points.empty() ? 0 : points.back().runqueue_wait_s; }
  double span_s() const;
};

// Empty when `pid` can be watched, else why not, in words that follow "--watch PID: ". Takes
// the number as the user gave it: out of a PID's range is one of the reasons.
std::string watch_problem(std::int64_t pid);

// Samples the process on a thread of its own, from construction until stop(), every few
// milliseconds: more rarely when one sample of many threads would cost more than a tenth of
// the interval, so that watching never takes more than a tenth of a core from the run.
class ProcessWatcher {
public:
  ProcessWatcher(std::int32_t pid, const RunClock &clock,
                 std::chrono::microseconds interval = std::chrono::milliseconds(5));
  ~ProcessWatcher();
  ProcessWatcher(const ProcessWatcher &) = delete;
  ProcessWatcher &operator=(const ProcessWatcher &) = delete;

  ProcessWatch stop(); // a last sample, then the watch; call once

private:
  struct Counters {
    std::int64_t run_ns = 0, wait_ns = 0; // the kernel's schedstat: on a core, ready for one
  };
  void run(std::stop_token stop);
  bool sample(); // false once the process is gone

  std::int32_t m_pid;
  const RunClock &m_clock;
  std::chrono::microseconds m_interval;
  ProcessWatch m_watch;
  // What each thread already had when the watch began (threads started later begin at zero).
  std::unordered_map<std::int32_t, Counters> m_baseline;
  std::unordered_map<std::int32_t, std::size_t> m_index; // tid → m_watch.threads
  bool m_first = true;
  std::jthread m_thread;
};

// "server 4242 (uvicorn): 44 threads at the peak (3 at the start); CPU 1.92 s, 96% of a core
// over 2.00 s; ready but waiting for a core 310 ms; memory 52.0 MiB at the peak. Busiest:
// uvicorn 1.20 s, AnyIO worker ×40 612 ms" — and when it ended during the run, when.
std::string describe_watch(const ProcessWatch &watch);

} // namespace conlab
