#include "core/engine/telemetry.h"

#include "core/engine/processes/fork_gate.h"

#include <sys/resource.h>

#include <chrono>
#include <fstream>
#include <string>

namespace conlab {
namespace {

constexpr std::int64_t kFirstIntervalNs = 2'000'000;
// Beyond this many points the interval doubles and every other point goes: long runs keep the
// same resolution relative to their length, and memory stays bounded.
constexpr std::size_t kMaxPoints = 4000;

// Reads one "Key:   value kB" line of /proc/self/status.
std::int64_t status_field(const char *key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::string prefix = std::string(key) + ":";
  while (std::getline(in, line))
    if (line.rfind(prefix, 0) == 0)
      return std::stoll(line.substr(prefix.size()));
  return -1;
}

double seconds(const timeval &tv) {
  return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) / 1e6;
}

} // namespace

ProcessCounters ProcessCounters::now() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return {seconds(ru.ru_utime), seconds(ru.ru_stime), ru.ru_nvcsw, ru.ru_nivcsw};
}

std::uint32_t current_thread_count() {
  const auto n = status_field("Threads");
  return n < 0 ? 0 : static_cast<std::uint32_t>(n);
}

std::int64_t current_rss_bytes() {
  const auto kb = status_field("VmRSS");
  return kb < 0 ? 0 : kb * 1024;
}

bool reset_peak_rss() {
  std::ofstream out("/proc/self/clear_refs");
  out << "5"; // "5": reset the peak resident set size (Linux ≥ 4.0)
  out.flush();
  return static_cast<bool>(out);
}

std::int64_t peak_rss_bytes_since_reset() {
  const auto kb = status_field("VmHWM");
  return kb < 0 ? 0 : kb * 1024;
}

TelemetrySampler::TelemetrySampler(const TaskRecorder &recorder) : m_recorder(recorder) {
  m_points.reserve(kMaxPoints + 1);
}

TelemetrySampler::~TelemetrySampler() = default;

void TelemetrySampler::start() {
  m_thread = std::jthread([this](std::stop_token stop) { run(std::move(stop)); });
}

std::vector<TelemetryPoint> TelemetrySampler::stop(std::uint32_t &peak_threads,
                                                   std::int64_t &peak_rss_bytes) {
  if (m_thread.joinable()) {
    m_thread.request_stop();
    m_thread.join();
  }
  sample(); // the final state, after the last task
  peak_threads = m_peak_threads;
  peak_rss_bytes = m_peak_rss;
  return std::move(m_points);
}

RunMeter::RunMeter(const TaskRecorder &recorder)
    : m_peak_reset(reset_peak_rss()), m_before(ProcessCounters::now()), m_sampler(recorder) {
  m_sampler.start();
}

std::vector<TelemetryPoint> RunMeter::stop(ResourceUsage &usage) {
  const ProcessCounters after = ProcessCounters::now();
  usage.user_time_s = after.user_s - m_before.user_s;
  usage.system_time_s = after.system_s - m_before.system_s;
  usage.cpu_time_s = usage.user_time_s + usage.system_time_s;
  usage.voluntary_context_switches = after.voluntary_switches - m_before.voluntary_switches;
  usage.involuntary_context_switches = after.involuntary_switches - m_before.involuntary_switches;
  std::vector<TelemetryPoint> points = m_sampler.stop(usage.peak_threads, usage.peak_rss_bytes);
  if (m_peak_reset) // the kernel's exact peak since the reset, where it could be reset
    usage.peak_rss_bytes = std::max(usage.peak_rss_bytes, peak_rss_bytes_since_reset());
  return points;
}

void TelemetrySampler::run(std::stop_token stop) {
  std::int64_t interval = kFirstIntervalNs;
  auto due = RunClock::clock::now();
  while (!stop.stop_requested()) {
    sample();
    if (m_points.size() > kMaxPoints) {
      std::size_t kept = 0;
      for (std::size_t i = 0; i < m_points.size(); i += 2)
        m_points[kept++] = m_points[i];
      m_points.resize(kept);
      interval *= 2;
    }
    due += std::chrono::nanoseconds(interval);
    std::this_thread::sleep_until(due);
  }
}

void TelemetrySampler::sample() {
  const auto gate = hold_off_forks(); // it reads /proc through streams that allocate
  const std::uint64_t finished = m_recorder.finished_count();
  const std::uint64_t started = m_recorder.started_count();
  const std::uint64_t submitted = m_recorder.submitted_count();
  TelemetryPoint p;
  p.at_ns = m_recorder.clock().now_ns();
  // The counters are read one after another; clamp so a task that moved in between never
  // shows as a negative count.
  p.in_flight = static_cast<std::uint32_t>(submitted > finished ? submitted - finished : 0);
  p.queued = static_cast<std::uint32_t>(submitted > started ? submitted - started : 0);
  p.busy = static_cast<std::uint32_t>(started > finished ? started - finished : 0);
  p.threads = current_thread_count();
  m_points.push_back(p);
  m_peak_threads = std::max(m_peak_threads, p.threads);
  m_peak_rss = std::max(m_peak_rss, current_rss_bytes());
}

} // namespace conlab
