// Event-loop lag over time for the variants that run an event loop: how late the loop's probe
// timer woke. A blocked loop shows as lag the size of the blocking call.
#include "ui/charts/chart_factory.h"
#include "ui/charts/chart_style.h"

#include <QChart>
#include <QLogValueAxis>
#include <QValueAxis>

#include <algorithm>
#include <limits>

namespace conlab::ui {

// Lag below this is drawn at this value on a log axis (the probe's resolution is coarser).
constexpr double kLagFloorMs = 0.01;

QChart *make_looplag_chart(const ChartData &data, const ChartOptions &options) {
  auto *chart = new QChart;
  double max_x = 0, lo = std::numeric_limits<double>::infinity(), hi = 0;
  int loops = 0;
  for (const VariantChartData &v : data.variants) {
    if (!v.has_event_loop || v.loop_lag.isEmpty())
      continue;
    ++loops;
    max_x = std::max(max_x, v.loop_lag.back().x());
    for (const QPointF &p : v.loop_lag)
      lo = std::min(lo, std::max(p.y(), kLagFloorMs)), hi = std::max(hi, p.y());
  }
  style_chart(
      chart, loops == 0
                 ? tr_("Event-loop lag — no variant runs an event loop — %1").arg(run_caption(data))
                 : tr_("Event-loop lag: how late a timer due then would fire (a ramp = the loop "
                       "was blocked) — %1")
                       .arg(run_caption(data)));
  const bool log_y = options.log_axes && spans_decades(lo, hi, 2);
  const QString y_title = tr_("loop lag (ms)");
  QAbstractAxis *y = log_y ? static_cast<QAbstractAxis *>(log_axis(y_title, lo, hi))
                           : value_axis(y_title, 0, std::max(1.0, hi * 1.1));
  auto *x = value_axis(tr_("time since the variant started (s)"), 0, max_x > 0 ? max_x : 1);
  for (const VariantChartData &v : data.variants) {
    if (!v.has_event_loop || v.loop_lag.isEmpty())
      continue;
    QList<QPointF> points = v.loop_lag;
    if (log_y)
      for (QPointF &p : points)
        p.setY(std::max(p.y(), kLagFloorMs));
    add_variant_line(chart, v.index, v.label, points, x, y, tr_("ms late"));
  }
  if (loops == 0) {
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
  }
  return chart;
}

} // namespace conlab::ui
