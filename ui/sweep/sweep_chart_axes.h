// The axes and caption the sweep charts share: the swept parameter on a log axis when it was
// swept logarithmically or spans ≥ 8×, the metric on a log axis when it spans decades.
#pragma once

#include "ui/charts/chart_data.h"

#include <QString>

#include <limits>

class QAbstractAxis;

namespace conlab::ui {

// The smallest and largest of the values added.
struct AxisSpan {
  double lo = std::numeric_limits<double>::infinity();
  double hi = -std::numeric_limits<double>::infinity();
  void add(double v) {
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  bool empty() const { return lo > hi; }
};

// True when the parameter reads best on a log axis: a logarithmic range, or positive values
// spanning at least 8× (1, 2, 4, … 64 threads).
bool log_parameter_axis(const SweepAxis &axis, const AxisSpan &span);

// `span` in display units (see display_factor). `log_allowed`: ChartOptions::log_axes.
QAbstractAxis *sweep_x_axis(const QString &title, const SweepAxis &axis, const AxisSpan &span,
                            bool log_allowed);
QAbstractAxis *sweep_y_axis(const QString &title, const AxisSpan &span, bool log_allowed);

// "Throughput (tasks/s)": the metric's title as a chart title starts.
QString sweep_metric_heading(SweepMetric metric);

// run_caption plus, while the sweep runs or after a cancel, how many of its runs are done.
QString sweep_caption(const ChartData &data);

} // namespace conlab::ui
