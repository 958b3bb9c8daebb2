#include "core/capacity/capacity_probes.h"

#include "core/analysis/simulator.h"
#include "core/engine/runner.h"
#include "core/util/format.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <thread>

namespace conlab {
namespace {

using Clock = std::chrono::steady_clock;

std::vector<double> answered_latencies(const std::vector<TaskSample> &samples) {
  std::vector<double> out;
  out.reserve(samples.size());
  for (const TaskSample &s : samples)
    if (s.submitted() && s.finished())
      out.push_back(static_cast<double>(s.response_ns()) * 1e-9);
  return out;
}

// The SLO's metric over the whole run, `error_answers` of its answers (the slowest stand for
// them) counted as unanswered.
double whole_run_value(const Slo &slo, const std::vector<TaskSample> &samples,
                       std::size_t error_answers) {
  std::vector<double> answered = answered_latencies(samples);
  std::sort(answered.begin(), answered.end());
  const std::size_t bad = std::min(error_answers, answered.size());
  answered.resize(answered.size() - bad);
  return slo_value(slo, answered, samples.size() - answered.size());
}

// The requests due in [from, to) of the run's arrival window, as fractions of it.
std::vector<TaskSample> due_between(const std::vector<TaskSample> &samples, double from,
                                    double to) {
  std::int64_t first = -1, last = -1;
  for (const TaskSample &s : samples)
    if (s.submitted()) {
      first = first < 0 ? s.submit_ns : std::min(first, s.submit_ns);
      last = std::max(last, s.submit_ns);
    }
  const auto at = [&](double f) {
    return first + static_cast<std::int64_t>(static_cast<double>(last - first) * f);
  };
  std::vector<TaskSample> part;
  for (const TaskSample &s : samples)
    if (s.submitted() && s.submit_ns >= at(from) && (to >= 1 || s.submit_ns < at(to)))
      part.push_back(s);
  return part;
}

// The median response time of `part`, an unanswered request counting as infinitely slow.
double median_response_s(const std::vector<TaskSample> &part) {
  Slo median;
  median.quantile = 0.5;
  return whole_run_value(median, part, 0);
}

// Whether the queue was still growing: the requests due in the last third took clearly longer
// (the median, by a tenth and a hundredth of the limit) than those due in the middle third.
// Past the target's ceiling the wait grows with every second of the run; below it, the two
// thirds are alike. The first third is left out: it starts from an empty system.
bool queue_growing(const Slo &slo, const std::vector<TaskSample> &samples) {
  const std::vector<TaskSample> middle = due_between(samples, 1.0 / 3, 2.0 / 3);
  const std::vector<TaskSample> last = due_between(samples, 2.0 / 3, 1);
  if (middle.size() < 20 || last.size() < 20)
    return false; // too few to tell a trend from noise
  const double before = median_response_s(middle), after = median_response_s(last);
  return after > 1.1 * before + 0.01 * slo.limit_s;
}

} // namespace

CapacityRun measure_run(const Slo &slo, const std::vector<TaskSample> &samples, double duration_s,
                        std::size_t error_answers) {
  CapacityRun run;
  run.duration_s = duration_s;
  run.requests = static_cast<std::int64_t>(samples.size());
  run.failed = samples.size() - answered_latencies(samples).size() + error_answers;
  run.value_s = std::max(whole_run_value(slo, samples, error_answers),
                         whole_run_value(slo, due_between(samples, 2.0 / 3, 1), 0));
  run.queue_growing = queue_growing(slo, samples);
  return run;
}

namespace {

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

} // namespace

Experiment at_rate(const Experiment &experiment, std::size_t index, double rate_per_s,
                   double duration_s, std::uint64_t seed) {
  Experiment e = experiment;
  e.variants = {experiment.variants.at(index)};
  e.sweep.reset();
  e.repeats = 1;
  e.seed = seed;
  const bool constant =
      experiment.load.kind == LoadKind::open && experiment.load.arrivals == ArrivalKind::constant;
  e.load = Load{.kind = LoadKind::open,
                .tasks = std::max<std::int64_t>(1, std::llround(rate_per_s * duration_s)),
                .clients = 1,
                .rate_per_s = rate_per_s,
                .arrivals = constant ? ArrivalKind::constant : ArrivalKind::poisson};
  return e;
}

CapacityProbe in_process_probe(const Experiment &experiment, std::size_t index, const Slo &slo,
                               int cores, std::stop_token stop) {
  // The CPU is calibrated by the first run and reused: calibrating is not what is measured.
  auto calibration = std::make_shared<std::optional<CpuCalibration>>();
  auto runs = std::make_shared<std::uint64_t>(0);
  return [=](double rate, double duration_s) {
    const auto started = Clock::now();
    RunOptions options;
    options.stop = stop;
    options.cores = cores;
    if (*calibration)
      options.calibration = &**calibration;
    const RunResults results = run_experiment(
        at_rate(experiment, index, rate, duration_s, experiment.seed + (*runs)++), options);
    if (results.status == RunStatus::failed)
      throw std::runtime_error(results.error);
    *calibration = results.calibration;
    if (results.variants.empty() || results.variants[0].repeats.empty())
      throw std::runtime_error("the run at " + human_rate(rate) + "/s measured nothing");
    const RepeatResult &repeat = results.variants[0].repeats[0];
    CapacityRun run = measure_run(slo, repeat.samples, duration_s);
    run.achieved_rate_per_s = rate; // the engine's arrivals are due on time by construction
    run.wall_s = seconds_since(started);
    return run;
  };
}

CapacityProbe simulated_probe(const Experiment &experiment, std::size_t index, const Slo &slo,
                              int cores) {
  auto runs = std::make_shared<std::uint64_t>(0);
  return [=](double rate, double duration_s) {
    const auto started = Clock::now();
    const Simulation simulation = simulate(
        at_rate(experiment, index, rate, duration_s, experiment.seed + (*runs)++), 0, cores);
    CapacityRun run = measure_run(slo, simulation.samples, duration_s);
    run.achieved_rate_per_s = rate;
    run.wall_s = seconds_since(started);
    return run;
  };
}

CapacitySearch predict_capacity(const Experiment &experiment, std::size_t index, const Slo &slo,
                                CapacityLimits limits, int cores, bool lower_start,
                                std::stop_token stop) {
  limits.max_total_s = 1e9;
  for (;;) {
    CapacitySearch search =
        search_capacity(slo, limits, simulated_probe(experiment, index, slo, cores), stop);
    if (search.outcome != CapacityOutcome::misses_at_lowest || !lower_start ||
        limits.start_rate_per_s <= 0.01)
      return search;
    limits.start_rate_per_s = std::max(0.01, limits.start_rate_per_s / 10);
  }
}

namespace {

// Waits until one request alone is answered within the SLO's limit, or 30 s have passed.
void let_the_target_settle(const http::GeneratorOptions &base, const Slo &slo, int cores) {
  const auto until = Clock::now() + std::chrono::seconds(30);
  http::GeneratorOptions one = base;
  one.load = Load{.kind = LoadKind::closed, .tasks = 1, .clients = 1};
  one.duration_s.reset();
  one.threads = 1;
  one.timeout_s = std::min(base.timeout_s, 30.0);
  while (Clock::now() < until && !base.stop.stop_requested()) {
    const http::GeneratorResult r = http::run_load(one, cores);
    if (r.succeeded == 1 && r.repeat.summary.latency_s.max < slo.limit_s)
      return;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

} // namespace

CapacityProbe http_probe(const http::GeneratorOptions &base, ArrivalKind arrivals, const Slo &slo,
                         int cores) {
  auto runs = std::make_shared<std::uint64_t>(0);
  return [=](double rate, double duration_s) {
    const auto started = Clock::now();
    http::GeneratorOptions g = base;
    g.load = Load{.kind = LoadKind::open, .tasks = 0, .rate_per_s = rate, .arrivals = arrivals};
    g.duration_s = duration_s;
    g.seed = base.seed + (*runs)++;
    g.sample_budget = UINT32_MAX; // the probe judges windows of the run: it needs every sample
    const http::GeneratorResult result = http::run_load(g, cores);
    const std::vector<TaskSample> &samples = result.repeat.samples;
    // Answers with an error status count as unanswered.
    const std::size_t answers = answered_latencies(samples).size();
    CapacityRun run = measure_run(slo, samples, duration_s,
                                  answers - std::min<std::size_t>(answers, result.succeeded));
    const http::GeneratorCheck &check = result.check();
    run.achieved_rate_per_s = check.achieved_rate_per_s;
    run.send_lag_p99_s = check.send_lag_p99_s;
    // Every request due in an open load is sent, late if need be, and a late send counts in
    // its latency; so lateness, not the count sent, is what shows the generator fell behind.
    // The generator's own check (check.warnings) weighs lateness against the gap between
    // arrivals, which at thousands a second is a fraction of a millisecond; a capacity verdict
    // is spoiled only by lateness that moves the SLO's percentile, so it weighs it against that.
    if (!base.stop.stop_requested()) {
      if (check.send_lag_p99_s > 0.1 * slo.limit_s)
        run.generator_warnings.push_back("it sent late by " + human_duration(check.send_lag_p99_s) +
                                         " at p99, over a tenth of the SLO's " +
                                         human_duration(slo.limit_s));
    }
    if (!meets(slo, run.value_s) && !base.stop.stop_requested())
      let_the_target_settle(base, slo, cores);
    run.wall_s = seconds_since(started);
    return run;
  };
}

} // namespace conlab
