// Response time over time as a heatmap (see latencymap_item.h): the chart around the item.
#include "ui/charts/chart_factory.h"
#include "ui/charts/chart_style.h"
#include "ui/latency/latencymap_item.h"

#include <QChart>
#include <QLegend>

#include <algorithm>

namespace conlab::ui {

QChart *make_latencymap_chart(const ChartData &data, const ChartOptions &options) {
  auto *chart = new QChart;
  const bool any = std::any_of(data.variants.begin(), data.variants.end(),
                               [](const VariantChartData &v) { return !v.latency_map.empty(); });
  style_chart(chart,
              any ? tr_("Response time over time, in tasks per cell — %1").arg(run_caption(data))
                  : tr_("Response time over time — no task finished — %1").arg(run_caption(data)));
  chart->legend()->setVisible(false);
  if (any) {
    auto *item = new LatencyMapItem(chart, data, options.log_axes);
    item->setObjectName(QStringLiteral("latencymap_item"));
  }
  return chart;
}

} // namespace conlab::ui
