#include "ui/sweep/sweep_chart_axes.h"

#include "ui/charts/chart_factory.h"
#include "ui/charts/chart_style.h"
#include "ui/sweep/sweep_findings_text.h"

#include <QLogValueAxis>
#include <QValueAxis>

#include <cmath>

namespace conlab::ui {
namespace {

// 1, 2 or 5 times a power of ten, about a fifth of `span`: ticks a person reads at a glance.
double tick_interval(double span) {
  const double raw = span / 5;
  const double magnitude = std::pow(10, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0})
    if (m * magnitude >= raw)
      return m * magnitude;
  return 10 * magnitude;
}

} // namespace

bool log_parameter_axis(const SweepAxis &axis, const AxisSpan &span) {
  if (span.empty() || span.lo <= 0)
    return false;
  return (axis.range && axis.range->scale == SweepScale::log) || span.hi / span.lo >= 8;
}

QAbstractAxis *sweep_x_axis(const QString &title, const SweepAxis &axis, const AxisSpan &span,
                            bool log_allowed) {
  if (log_allowed && log_parameter_axis(axis, span)) {
    if (span.hi / span.lo > 1024)
      return log_axis(title, span.lo, span.hi);
    // Base 2 up to 1024×: ticks at 1, 2, 4, … are the values a pool or client sweep uses.
    // A little room at both ends so the first and last markers are drawn whole.
    auto *x = log_axis(title, span.lo, span.hi);
    x->setBase(2);
    x->setRange(span.lo / 1.25, span.hi * 1.25);
    x->setMinorTickCount(0);
    return x;
  }
  const double lo = span.empty() ? 0 : span.lo, hi = span.empty() ? 1 : span.hi;
  const double pad = hi > lo ? (hi - lo) * 0.04 : std::max(std::abs(lo) * 0.1, 1.0);
  auto *x = value_axis(title, lo, hi);
  x->setRange(lo - pad, hi + pad); // after value_axis' nice numbers, which would move the ends
  x->setTickType(QValueAxis::TicksDynamic);
  x->setTickAnchor(lo);
  x->setTickInterval(tick_interval(hi > lo ? hi - lo : 2 * pad));
  x->setLabelFormat(QStringLiteral("%g"));
  return x;
}

QAbstractAxis *sweep_y_axis(const QString &title, const AxisSpan &span, bool log_allowed) {
  if (log_allowed && !span.empty() && spans_decades(span.lo, span.hi, 1.3))
    return log_axis(title, span.lo, span.hi);
  auto *y = value_axis(title, 0, span.empty() || span.hi <= 0 ? 1 : span.hi * 1.08);
  y->setLabelFormat(QStringLiteral("%.7g")); // 1200000, not 1.2e+06
  return y;
}

QString sweep_metric_heading(SweepMetric metric) {
  QString title = SweepText::metric_title(metric);
  if (!title.isEmpty())
    title[0] = title[0].toUpper();
  return title;
}

QString sweep_caption(const ChartData &data) {
  QString caption = run_caption(data);
  if (data.sweep && data.sweep->results.runs_done < data.sweep->results.runs_total)
    caption += tr_(" · %1 of %2 runs")
                   .arg(data.sweep->results.runs_done)
                   .arg(data.sweep->results.runs_total);
  return caption;
}

} // namespace conlab::ui
