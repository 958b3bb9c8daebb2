// Parts of a load built in code for the merge's test and benchmark: one generator's results file
// as conlab-cli load --shard I/N writes it, with chosen response times, summarised by the same
// code a real run uses.
#pragma once

#include "core/analysis/summary.h"
#include "core/results/results.h"

#include <cstdint>
#include <string>
#include <vector>

namespace conlab::test {

inline constexpr std::int64_t kLoadPartZero = 1'796'644'800'000'000'000; // 2026-12-07T12:00:00Z

inline LoadSettings load_settings_of(std::size_t shards, double rate_per_s) {
  LoadSettings s;
  s.urls = {"http://server:8080/"};
  s.open_load = true;
  s.rate_per_s = rate_per_s;
  s.arrivals = "constant";
  s.duration_s = 2;
  s.timeout_s = 60;
  s.shards = shards;
  return s;
}

// A generator's part of a load at `whole_rate_per_s`: `latency_ms[k]` is the k-th request's, due
// every `gap_ms` from `start_ms` on its own clock, whose zero is `zero_ns` on the wall clock.
inline RunResults load_part(std::size_t index, std::size_t shards,
                            const std::vector<double> &latency_ms, double gap_ms = 2,
                            std::int64_t zero_ns = kLoadPartZero, double start_ms = 200,
                            double whole_rate_per_s = 1000) {
  constexpr std::int64_t kMs = 1'000'000;
  RunResults r;
  r.experiment.name = "load";
  r.experiment.load.kind = LoadKind::open;
  r.experiment.load.rate_per_s = whole_rate_per_s / static_cast<double>(shards);
  r.experiment.load.tasks = static_cast<std::int64_t>(latency_ms.size());
  r.load_settings = load_settings_of(shards, whole_rate_per_s);
  VariantResult v;
  v.label = "/";
  v.model = "external";
  RepeatResult rep;
  const auto start_ns = static_cast<std::int64_t>(start_ms * kMs);
  for (std::size_t k = 0; k < latency_ms.size(); ++k) {
    const auto due = start_ns + static_cast<std::int64_t>(static_cast<double>(k) * gap_ms * kMs);
    const auto end = due + static_cast<std::int64_t>(latency_ms[k] * kMs);
    rep.samples.push_back(TaskSample{due, due, end, static_cast<std::uint32_t>(k), 0});
  }
  rep.latency_over_time.add_finished(rep.samples);
  rep.latency_by_interval.emplace(start_ns);
  rep.latency_by_interval->add_finished(rep.samples);
  rep.http_errors = HttpErrors{};
  rep.complete = true;
  rep.summary = summarize(rep.samples, {}, {}, rep.resources, 2);
  GeneratorCheck g;
  g.shard = Shard{index, shards};
  g.hostname = "node" + std::to_string(index);
  g.cores = 2;
  g.threads = 1;
  g.clock_zero_unix_ns = zero_ns;
  g.start_ns = start_ns;
  g.open_load = true;
  g.target_rate_per_s = r.experiment.load.rate_per_s;
  if (!rep.samples.empty()) {
    g.first_send_ns = rep.samples.front().start_ns;
    g.last_send_ns = rep.samples.back().start_ns;
  }
  g.sent = rep.samples.size();
  g.achieved_rate_per_s = 1000 / gap_ms;
  rep.generators = {g};
  v.repeats.push_back(std::move(rep));
  v.summary = v.repeats.front().summary;
  r.variants.push_back(std::move(v));
  return r;
}

} // namespace conlab::test
