// Telemetry over time, sampled every few ms while a variant runs: tasks in flight, queued and
// running, plus the process's thread count and resident memory.
#pragma once

#include "core/engine/task_recorder.h"

#include <cstdint>
#include <thread>
#include <vector>

namespace conlab {

struct TelemetryPoint {
  std::int64_t at_ns = 0;
  std::uint32_t in_flight = 0; // submitted, not finished
  std::uint32_t queued = 0;    // submitted, not started
  std::uint32_t busy = 0;      // started, not finished
  std::uint32_t threads = 0;   // OS threads in the process
};

struct ResourceUsage {
  double cpu_time_s = 0;          // user + system, whole process
  double user_time_s = 0;
  double system_time_s = 0;
  std::int64_t voluntary_context_switches = 0;
  std::int64_t involuntary_context_switches = 0;
  std::uint32_t peak_threads = 0;
  std::int64_t peak_rss_bytes = 0;
};

// Samples a recorder's counters on its own thread until stopped. Its interval grows when the
// run is long, so a 100 s run keeps about the same number of points as a 1 s one.
class TelemetrySampler {
public:
  explicit TelemetrySampler(const TaskRecorder &recorder);
  ~TelemetrySampler();
  TelemetrySampler(const TelemetrySampler &) = delete;
  TelemetrySampler &operator=(const TelemetrySampler &) = delete;

  void start();
  // Stops and joins; returns the points and the peaks seen.
  std::vector<TelemetryPoint> stop(std::uint32_t &peak_threads, std::int64_t &peak_rss_bytes);

private:
  void run(std::stop_token stop);
  void sample();

  const TaskRecorder &m_recorder;
  std::vector<TelemetryPoint> m_points;
  std::uint32_t m_peak_threads = 0;
  std::int64_t m_peak_rss = 0;
  std::jthread m_thread;
};

// Process-wide counters read from the OS (getrusage, /proc/self/status).
struct ProcessCounters {
  double user_s = 0, system_s = 0;
  std::int64_t voluntary_switches = 0, involuntary_switches = 0;
  static ProcessCounters now();
};
// Everything measured about one variant-repeat besides its tasks: CPU time and context switches
// between construction and stop(), peak threads and resident memory, telemetry over time.
class RunMeter {
public:
  explicit RunMeter(const TaskRecorder &recorder);
  std::vector<TelemetryPoint> stop(ResourceUsage &usage);

private:
  bool m_peak_reset;
  ProcessCounters m_before;
  TelemetrySampler m_sampler;
};

std::uint32_t current_thread_count();
std::int64_t current_rss_bytes();
// Resets the kernel's peak-RSS mark so the next peak belongs to the next variant alone;
// returns false where the kernel does not allow it.
bool reset_peak_rss();
std::int64_t peak_rss_bytes_since_reset();

} // namespace conlab
