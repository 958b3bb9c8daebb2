// The server under load, watched from /proc (load --watch PID): the cores its threads kept busy,
// how many of them were ready but waiting for a core, and how many threads it ran, on the same
// time axis as the other charts of the run. What a load tool cannot see from its side of the
// wire: a pool that grew to its limit, a CPU that was the bottleneck, a server that stalled.
#include "ui/charts/chart_factory.h"
#include "ui/charts/chart_style.h"

#include <QChart>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <algorithm>

namespace conlab::ui {

QChart *make_server_chart(const ChartData &data, const ChartOptions &) {
  auto *chart = new QChart;
  const bool any = std::any_of(data.variants.begin(), data.variants.end(),
                               [](const VariantChartData &v) { return v.watched; });
  style_chart(chart, any ? tr_("The server under load: cores busy (solid), threads ready but "
                               "waiting for a core (dotted), threads (dashed) — %1")
                               .arg(run_caption(data))
                         : tr_("The server under load — not watched (load --watch PID) — %1")
                               .arg(run_caption(data)));
  QList<QList<QPointF>> cores, threads;
  double max_x = 0;
  for (const VariantChartData &v : data.variants) {
    cores << v.server_cpu << v.server_waiting;
    threads << v.server_threads;
    if (!v.server_threads.isEmpty())
      max_x = std::max(max_x, v.server_threads.back().x());
  }
  auto *x = value_axis(tr_("time since the variant started (s)"), 0, max_x > 0 ? max_x : 1);
  auto *y = value_axis(tr_("cores (CPU seconds per second)"), 0, std::max(1.0, max_y(cores) * 1.1));
  auto *right = value_axis(tr_("threads"), 0, std::max(1.0, max_y(threads) * 1.1));
  chart->addAxis(x, Qt::AlignBottom);
  chart->addAxis(y, Qt::AlignLeft);
  chart->addAxis(right, Qt::AlignRight);
  for (const VariantChartData &v : data.variants) {
    if (!v.watched)
      continue;
    add_variant_line(chart, v.index, tr_("%1 cores busy").arg(v.label), v.server_cpu, x, y,
                     tr_("cores"));
    QLineSeries *waiting =
        add_variant_line(chart, v.index, tr_("%1 waiting for a core").arg(v.label),
                         v.server_waiting, x, y, tr_("threads ready"));
    waiting->setPen(QPen(variant_colour(v.index), 2, Qt::DotLine));
    QLineSeries *count = add_variant_line(chart, v.index, tr_("%1 threads").arg(v.label),
                                          v.server_threads, x, right, tr_("threads"));
    count->setPen(QPen(variant_colour(v.index), 1.5, Qt::DashLine));
  }
  return chart;
}

} // namespace conlab::ui
