// Runs built in code for the comparison tests: variants whose tasks have chosen response times,
// summarised by the same code a real run uses, so the numbers compare like real ones.
#pragma once

#include "core/analysis/summary.h"
#include "core/results/results.h"

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_real_distribution.hpp>

#include <cmath>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace conlab::test {

// n response times spread uniformly over [low, high] seconds, the same for the same seed.
inline std::vector<double> spread(std::size_t n, double low, double high, std::uint32_t seed) {
  boost::random::mt19937 generator(seed);
  boost::random::uniform_real_distribution<double> uniform(low, high);
  std::vector<double> out(n);
  for (double &v : out)
    v = uniform(generator);
  return out;
}

inline std::vector<double> scaled(std::vector<double> values, double factor) {
  for (double &v : values)
    v *= factor;
  return values;
}

// One complete repeat: every task submitted at 0 and queued for a quarter of its response time,
// so the makespan is the longest response time.
inline RepeatResult repeat_of(const std::vector<double> &response_s, int index = 0,
                              std::int64_t peak_rss_bytes = 64 << 20) {
  RepeatResult r;
  r.repeat = index;
  r.complete = true;
  for (std::size_t i = 0; i < response_s.size(); ++i) {
    const auto end = static_cast<std::int64_t>(std::llround(response_s[i] * 1e9));
    r.samples.push_back(TaskSample{0, end / 4, end, static_cast<std::uint32_t>(i), 0, 0});
  }
  r.resources.cpu_time_s = 0.01;
  r.resources.peak_rss_bytes = peak_rss_bytes;
  r.summary = summarize(r.samples, {}, {}, r.resources, 2);
  return r;
}

// A repeat that measured nothing: its tasks were submitted, none finished.
inline RepeatResult empty_repeat(std::size_t tasks) {
  RepeatResult r;
  for (std::size_t i = 0; i < tasks; ++i)
    r.samples.push_back(TaskSample{0, -1, -1, static_cast<std::uint32_t>(i), 0, 0});
  r.summary = summarize(r.samples, {}, {}, r.resources, 2);
  return r;
}

inline VariantResult variant_of(const std::string &label, std::vector<RepeatResult> repeats,
                                int pool_size = 4) {
  VariantResult v;
  v.label = label;
  v.model = "thread_pool";
  v.pool_size = pool_size;
  v.pool_description = std::to_string(pool_size);
  std::vector<Summary> summaries;
  std::vector<std::vector<TaskSample>> samples;
  for (const RepeatResult &r : repeats) {
    summaries.push_back(r.summary);
    samples.push_back(r.samples);
  }
  v.summary = combine_repeats(summaries, samples);
  v.repeats = std::move(repeats);
  return v;
}

inline RunResults run_of(std::vector<VariantResult> variants) {
  RunResults run;
  run.experiment.name = "constructed";
  run.experiment.load.tasks =
      variants.empty() || variants[0].repeats.empty()
          ? 1
          : static_cast<std::int64_t>(variants[0].repeats[0].samples.size());
  run.experiment.load.clients = run.experiment.load.tasks;
  run.experiment.repeats = variants.empty() ? 1 : static_cast<int>(variants[0].repeats.size());
  run.environment.cores = 2;
  run.environment.hostname = "test";
  run.environment.build_type = "Release";
  run.environment.cpu_model = "Test CPU";
  run.variants = std::move(variants);
  return run;
}

inline constexpr double kSweepJitter[] = {1.00, 1.02, 0.99, 1.01, 0.98};

// A sweep of the pool size P over `pools`, one thread_pool variant "pool" (and a second, "loop",
// when asked), `repeats` runs per point. At P the p99 is 100 ms / P times slow(P), with a
// jitter of a few percent between runs.
inline RunResults pool_sweep(
    std::vector<double> pools, int repeats,
    const std::function<double(double)> &slow = [](double) { return 1.0; },
    bool two_variants = false) {
  RunResults r = run_of({});
  r.experiment.name = "sweep";
  r.experiment.load.tasks = 100;
  r.experiment.load.clients = 100;
  r.experiment.repeats = repeats;
  Variant pool;
  pool.label = "pool";
  pool.model = "thread_pool";
  pool.pool_size = PoolSize{"", 1};
  r.experiment.variants.push_back(pool);
  if (two_variants) {
    Variant loop = pool;
    loop.label = "loop";
    loop.model = "event_loop_offload";
    r.experiment.variants.push_back(loop);
  }
  r.experiment.sweep =
      Sweep{.axes = {SweepAxis{.parameter = SweepParameter::pool_size, .values = pools}}};
  SweepResults results;
  std::size_t order = 0;
  for (double p : pools) {
    SweepPoint point{{p}, {}};
    for (std::size_t v = 0; v < r.experiment.variants.size(); ++v) {
      SweepVariantPoint vp;
      for (int k = 0; k < repeats; ++k) {
        SweepMeasurement m{k, order++, true, {}};
        const double p99 = 0.1 / p * slow(p) * kSweepJitter[k % 5];
        m.metrics.p50_s = m.metrics.p90_s = m.metrics.p99_s = m.metrics.max_s = p99;
        m.metrics.makespan_s = p99 * 10;
        m.metrics.throughput_per_s = 100 / m.metrics.makespan_s;
        m.metrics.cpu_utilization = 0.1;
        vp.measurements.push_back(m);
      }
      point.variants.push_back(vp);
    }
    results.points.push_back(point);
  }
  r.sweep = results;
  return r;
}

} // namespace conlab::test
