// Completions per second over time, per variant (first repeat), from the summary's buckets.
#include "ui/charts/chart_factory.h"
#include "ui/charts/chart_style.h"

#include <QChart>
#include <QLogValueAxis>
#include <QValueAxis>

#include <algorithm>
#include <limits>

namespace conlab::ui {

QChart *make_throughput_chart(const ChartData &data, const ChartOptions &options) {
  auto *chart = new QChart;
  style_chart(chart, tr_("Throughput over time — %1").arg(run_caption(data)));
  QList<QList<QPointF>> lists;
  double max_x = 0;
  for (const VariantChartData &v : data.variants) {
    lists << v.throughput;
    if (!v.throughput.isEmpty())
      max_x = std::max(max_x, v.throughput.back().x());
  }
  auto *x = value_axis(tr_("time since the variant started (s)"), 0, max_x > 0 ? max_x : 1);
  // A burst (every /c task ends in the same millisecond) next to a trickle spans decades.
  double lo = std::numeric_limits<double>::infinity();
  for (const auto &list : lists)
    for (const QPointF &p : list)
      if (p.y() > 0)
        lo = std::min(lo, p.y());
  const double hi = max_y(lists);
  const bool log_y = options.log_axes && spans_decades(lo, hi, 2);
  const QString y_title = tr_("completions per second (tasks/s)");
  QAbstractAxis *y = log_y ? static_cast<QAbstractAxis *>(log_axis(y_title, lo, hi))
                           : value_axis(y_title, 0, std::max(1.0, hi * 1.1));
  const double floor = log_y ? lo / 2 : 0; // a log axis cannot show 0 completions
  for (const VariantChartData &v : data.variants) {
    QList<QPointF> points = v.throughput;
    for (QPointF &p : points)
      p.setY(std::max(p.y(), floor));
    add_variant_line(chart, v.index, v.label, points, x, y, tr_("tasks/s"));
  }
  return chart;
}

} // namespace conlab::ui
