// Tasks in flight (submitted, not finished) over time, per variant (first repeat), from the
// runner's telemetry.
#include "ui/charts/chart_factory.h"
#include "ui/charts/chart_style.h"

#include <QChart>
#include <QValueAxis>

#include <algorithm>

namespace conlab::ui {

QChart *make_inflight_chart(const ChartData &data, const ChartOptions &) {
  auto *chart = new QChart;
  style_chart(chart, tr_("Tasks in flight over time — %1").arg(run_caption(data)));
  QList<QList<QPointF>> lists;
  double max_x = 0;
  for (const VariantChartData &v : data.variants) {
    lists << v.in_flight;
    if (!v.in_flight.isEmpty())
      max_x = std::max(max_x, v.in_flight.back().x());
  }
  auto *x = value_axis(tr_("time since the variant started (s)"), 0, max_x > 0 ? max_x : 1);
  auto *y = value_axis(tr_("tasks in flight (submitted, not finished)"), 0,
                       std::max(1.0, max_y(lists) * 1.1));
  for (const VariantChartData &v : data.variants)
    add_variant_line(chart, v.index, v.label, v.in_flight, x, y, tr_("tasks in flight"));
  return chart;
}

} // namespace conlab::ui
