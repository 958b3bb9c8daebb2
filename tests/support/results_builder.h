// Runs built in code for the comparison tests: variants whose tasks have chosen response times,
// summarised by the same code a real run uses, so the numbers compare like real ones.
#pragma once

#include "core/analysis/summary.h"
#include "core/results/results.h"

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_real_distribution.hpp>

#include <cmath>
#include <cstdint>
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

} // namespace conlab::test
