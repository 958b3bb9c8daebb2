// What one run of a capacity search is: the lab's own variant under an open load at the rate,
// the simulator's prediction of the same, or a real server loaded over HTTP.
#pragma once

#include "core/capacity/capacity_search.h"
#include "core/experiment/spec.h"
#include "core/http/load_generator.h"

#include <cstddef>
#include <stop_token>

namespace conlab {

// The experiment cut down to variant `index` under an open load of `rate` for `duration_s`:
// Poisson arrivals unless the experiment's own load is open with constant ones.
Experiment at_rate(const Experiment &experiment, std::size_t index, double rate_per_s,
                   double duration_s, std::uint64_t seed);

// The variant run by the engine, once per rate asked. Each run draws new arrivals.
CapacityProbe in_process_probe(const Experiment &experiment, std::size_t index, const Slo &slo,
                               int cores, std::stop_token stop);

// The same runs simulated on an ideal machine: the prediction beside the measurement.
CapacityProbe simulated_probe(const Experiment &experiment, std::size_t index, const Slo &slo,
                              int cores);

// The simulator's capacity for the variant under the same SLO and limits (repeats included: the
// arrivals are random on an ideal machine too), with no time limit: it takes milliseconds. When
// `lower_start` and the start rate misses, the search starts again ten times lower, down to
// 0.01/s, so that a slow variant still gets an answer.
CapacitySearch predict_capacity(const Experiment &experiment, std::size_t index, const Slo &slo,
                                CapacityLimits limits, int cores, bool lower_start,
                                std::stop_token stop = {});

// Requests as `base` describes them (URL, method, headers, timeout, threads, stop), sent at the
// rate. A run counts non-2xx answers and failures as unanswered. The generator is said to have
// limited a run when it sent late by more than a tenth of the SLO's limit at p99. After a run that
// missed the SLO the target may still be working off its queue, so the probe waits (at most 30 s)
// until one request alone is answered within the limit again.
CapacityProbe http_probe(const http::GeneratorOptions &base, ArrivalKind arrivals, const Slo &slo,
                         int cores);

// One run judged from its samples (finished tasks are answered, the rest unanswered, and
// `error_answers` answered ones count as unanswered too): its value is the worse of the whole
// run's metric and its last third's, and its queue is growing when the requests due in its last
// third took clearly longer than those due in its middle third (median above 1.1× and a
// hundredth of the limit more), as past a target's ceiling, where a short run's percentile may
// still look fine.
CapacityRun measure_run(const Slo &slo, const std::vector<TaskSample> &samples, double duration_s,
                        std::size_t error_answers = 0);

} // namespace conlab
