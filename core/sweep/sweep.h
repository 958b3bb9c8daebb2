// The grid of a sweep and the experiment at each of its points. A point is one value per axis;
// the experiment at a point is the base experiment with those values put in, and no sweep.
#pragma once

#include "core/experiment/spec.h"
#include "core/experiment/spec_json.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace conlab {

struct SweepParameterInfo {
  SweepParameter parameter;
  const char *name;   // in files and on the command line: "pool_size"
  const char *symbol; // in charts and summaries: "P"
  const char *title;  // in words: "pool size"
  bool integer;       // values are whole numbers ≥ 1
  bool concurrency;   // more of it means more tasks at once: a knee and a USL fit make sense
};

inline constexpr std::size_t kMaxSweepAxisValues = 1000;
inline constexpr std::size_t kMaxSweepPoints = 10'000;

const SweepParameterInfo &parameter_info(SweepParameter parameter);
std::optional<SweepParameter> parse_sweep_parameter(std::string_view name);
std::string sweep_parameter_names(); // "pool_size, clients, …" for error messages

// The axis' values in the order given (a range: ascending). Integer parameters are rounded and
// repeats dropped. Stops one past kMaxSweepAxisValues so a huge range cannot exhaust memory.
std::vector<double> axis_values(const SweepAxis &axis);

// "P", "step 1 ms", "CPU share": how charts label the axis.
std::string axis_label(const SweepAxis &axis);
// "P = 4", "step 1 = 250 ms", "CPU share = 30%".
std::string axis_value_text(const SweepAxis &axis, double value);
// "P = 4, C = 16".
std::string point_text(const Sweep &sweep, const std::vector<double> &point);

// All points, the first axis varying slowest.
std::vector<std::vector<double>> sweep_points(const Sweep &sweep);

Experiment experiment_at(const Experiment &base, const std::vector<double> &point);

// The sweep's own rules (called by validate_experiment): axes, values, ranges, that each
// parameter applies to this experiment, and that every point is a valid experiment.
std::vector<FieldError> validate_sweep(const Experiment &experiment, int cores);

} // namespace conlab
