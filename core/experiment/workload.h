// A variant's steps turned into concrete per-task durations (time scale applied).
//
// Drawn durations come from a counter-based generator: the value for (seed, variant, task, step)
// is a pure function of those four numbers, so the same seed gives the same durations whatever
// order the tasks run in, on any standard library. std:: distributions are not portable across
// library implementations, which is why this does not use them.
#pragma once

#include "core/experiment/spec.h"

#include <cstdint>
#include <vector>

namespace conlab {

struct PlannedStep {
  StepKind kind;
  std::int64_t ns; // for cpu: the calibrated work worth this many ns on one core
};

class Workload {
public:
  Workload(const Variant &variant, double time_scale, std::uint64_t seed,
           std::uint32_t variant_index);

  std::size_t step_count() const { return m_steps.size(); }
  StepKind kind(std::size_t step) const { return m_steps[step].kind; }
  std::int64_t duration_ns(std::uint32_t task, std::size_t step) const;
  double mean_ns(std::size_t step) const {
    return m_steps[step].duration.mean_ms() * m_time_scale * 1e6;
  }
  bool has_kind(StepKind kind) const;

private:
  std::vector<Step> m_steps;
  double m_time_scale;
  std::uint64_t m_stream; // seed mixed with the variant index
};

// A uniform double in [0, 1) that depends only on its arguments (splitmix64 finaliser).
double counter_uniform(std::uint64_t stream, std::uint64_t a, std::uint64_t b);

} // namespace conlab
