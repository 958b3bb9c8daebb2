// What the sweep charts draw, prepared from a sweep's RunResults off the GUI thread: the grid,
// the measured and simulated metrics per point and variant, and the analysis (knee, points
// where measurement and simulation disagree), with the curves a line chart or heatmap reads.
#pragma once

#include "core/results/results.h"
#include "core/sweep/sweep_analysis.h"

#include <QString>

#include <optional>
#include <vector>

namespace conlab::ui {

struct SweepChartData {
  Sweep sweep;
  std::vector<QString> variant_labels;
  std::vector<bool> variant_has_loop; // loop lag means something only for these
  // The chart colour of each variant (variant_colour); empty: its index. Two sweeps overlaid
  // give a label's A and B one colour.
  std::vector<int> variant_colours;
  SweepResults results;
  SweepAnalysis analysis;

  std::size_t axes() const { return sweep.axes.size(); }
  int colour(std::size_t variant) const {
    return variant < variant_colours.size() ? variant_colours[variant] : static_cast<int>(variant);
  }
  // The distinct values of an axis, ascending.
  std::vector<double> values(std::size_t axis) const;
  // Whether the variant has anything to show for the metric (loop lag needs a loop).
  bool shows(std::size_t variant, SweepMetric metric) const;
};

// One point of a variant's curve: the mean, lowest and highest over complete repeats (absent
// while none finished), the simulation, and whether the analysis flags it (> 10% apart).
struct SweepCurvePoint {
  std::size_t point = 0; // index into SweepResults::points
  double x = 0;
  std::optional<double> mean, min, max;
  std::optional<double> simulated;
  bool disagrees = false;
};

// Whether the simulation predicts the metric: it models time, not CPU use or loop probes, so
// its CPU utilisation and loop lag are zeros rather than predictions.
bool simulation_predicts(SweepMetric metric);

// The variant's points along the first axis, ascending; for a two-axis sweep, those whose
// second value is `second`.
std::vector<SweepCurvePoint> sweep_curve(const SweepChartData &data, std::size_t variant,
                                         SweepMetric metric,
                                         std::optional<double> second = std::nullopt);

// One point of one variant as the sweep's table shows it (desktop tab, report): means over the
// complete repeats, absent until one finished.
struct SweepRow {
  std::size_t point = 0, variant = 0;
  std::size_t runs = 0;                                                  // complete repeats
  std::optional<double> makespan, simulated_makespan, versus_simulation; // measured / sim − 1
  std::optional<double> throughput, p50, p99, cpu, loop_lag;
};
// Every point and variant, in grid order (the first axis slowest), variants in turn.
std::vector<SweepRow> sweep_rows(const SweepChartData &data);

// Pure and thread-safe; nullopt when the results hold no sweep.
std::optional<SweepChartData> build_sweep_chart_data(const RunResults &results);

// "pool size P", "CPU share (%)": the title of an axis; cpu_share is shown in percent, so its
// values are multiplied by display_factor().
QString sweep_axis_title(const SweepAxis &axis);
double display_factor(const SweepAxis &axis);
// "P = 4", "CPU share = 30%".
QString sweep_value_text(const SweepAxis &axis, double value);
// A metric's value as a person reads it: "52.3 ms", "812/s", "37%".
QString sweep_metric_text(SweepMetric metric, double value);

} // namespace conlab::ui
