// What an ideal machine would do: the closed forms of DESIGN.md, per variant. When no closed form
// applies (mixed step kinds with different limits, open load beyond capacity, ...) it says so.
#pragma once

#include "core/experiment/spec.h"

#include <optional>
#include <string>

namespace conlab {

struct Prediction {
  std::optional<double> makespan_s;       // absent: no closed form
  std::optional<double> throughput_per_s;
  std::string formula; // e.g. "⌈N/P⌉·S = ⌈100/6⌉ × 1 s" or "no closed form: mixed step kinds"
  double concurrency = 0; // the tasks that effectively run at once (waves of this size)
  double waves = 0;       // ⌈N / concurrency⌉ where that is meaningful
};

Prediction predict(const Variant &variant, const Load &load, double time_scale, int cores);

// How long a run of the variant should take, for progress, ETA and sweep estimates: the
// prediction where there is one, else the tasks' mean length times the number of client waves
// (optimistic). Never below 1 ms.
double expected_seconds(const Experiment &experiment, const Variant &variant,
                        const Prediction &prediction);

} // namespace conlab
