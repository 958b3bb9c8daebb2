#include "core/engine/telemetry.h"

#include "core/engine/processes/fork_gate.h"

#include <sys/resource.h>

#include <array>
#include <chrono>
#include <fstream>
#include <string>
#include <string_view>

namespace conlab {
namespace {

constexpr std::int64_t kFirstIntervalNs = 2'000'000;
// Beyond this many points the interval doubles and every other point goes: long runs keep the
// same resolution relative to their length, and memory stays bounded.
constexpr std::size_t kMaxPoints = 4000;

// Reads "Key:   value kB" lines of /proc/self/status, each of `keys` into the matching `values`
// (-1 when absent), in one pass: the sampler reads two of them 500 times a second, on cores the
// run itself needs.
template <std::size_t N>
std::array<std::int64_t, N> status_fields(const std::array<std::string_view, N> &keys) {
  std::array<std::int64_t, N> values;
  values.fill(-1);
  std::ifstream in("/proc/self/status");
  std::string line;
  std::size_t found = 0;
  while (found < N && std::getline(in, line))
    for (std::size_t k = 0; k < N; ++k)
      if (line.size() > keys[k].size() && line.compare(0, keys[k].size(), keys[k]) == 0 &&
          line[keys[k].size()] == ':') {
        values[k] = std::stoll(line.substr(keys[k].size() + 1));
        ++found;
      }
  return values;
}

std::int64_t status_field(std::string_view key) {
  return status_fields(std::array<std::string_view, 1>{key})[0];
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
  const auto [threads, rss_kb] = status_fields(std::array<std::string_view, 2>{"Threads", "VmRSS"});
  p.threads = threads < 0 ? 0 : static_cast<std::uint32_t>(threads);
  m_points.push_back(p);
  m_peak_threads = std::max(m_peak_threads, p.threads);
  m_peak_rss = std::max(m_peak_rss, rss_kb < 0 ? std::int64_t{0} : rss_kb * 1024);
}

} // namespace conlab
