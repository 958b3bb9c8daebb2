// What an ideal machine would do: the closed forms of DESIGN.md, per variant. When no closed form
// applies (mixed step kinds with different limits, open load beyond capacity, ...) it says so.
#pragma once

#include "spec.h"

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

} // namespace conlab
