// Per-thread timeline: every worker thread a row, every task a bar from start to end, queue wait
// a thin line before it. Shows /a running one task at a time and /d running 40.
#include "ui/charts/chart_factory.h"
#include "ui/charts/chart_style.h"
#include "ui/charts/timeline_item.h"

#include <QCategoryAxis>
#include <QChart>
#include <QLegend>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>

namespace conlab::ui {

QChart *make_timeline_chart(const ChartData &data, const ChartOptions &) {
  auto *chart = new QChart;
  bool capped = false;
  double max_x = 0;
  bool gil_waits = false;
  for (const VariantChartData &v : data.variants) {
    capped = capped || v.tasks_drawn < v.tasks_started;
    for (const TimelineBar &bar : v.bars) {
      max_x = std::max(max_x, bar.end_s);
      gil_waits = gil_waits || !bar.gil_waits.empty();
    }
  }
  QString title = gil_waits ? tr_("Thread timeline: a row per worker thread, a bar per task, thin "
                                  "line = queue wait, hatched = waiting for the GIL — %1")
                            : tr_("Thread timeline: a row per worker thread, a bar per task, thin "
                                  "line = queue wait — %1");
  title = title.arg(run_caption(data));
  if (capped)
    title += tr_(" · first %L1 tasks per variant").arg(kTimelineTaskCap);
  style_chart(chart, title);
  chart->legend()->setVisible(false);

  auto *x = value_axis(tr_("time since the variant started (s)"), 0, max_x > 0 ? max_x : 1);
  // Rows count from the bottom; the first variant goes on top, so flip the row numbers.
  const double rows = std::max(1.0, data.timeline_rows);
  std::vector<VariantChartData> flipped = data.variants;
  for (VariantChartData &v : flipped) {
    for (TimelineBar &bar : v.bars) {
      const double y0 = bar.y0;
      bar.y0 = (rows - 1) - bar.y1;
      bar.y1 = (rows - 1) - y0;
    }
    v.first_row = rows - v.first_row - v.units;
  }
  auto *y = new QCategoryAxis;
  y->setTitleText(tr_("worker threads, by variant"));
  QFont font = y->titleFont();
  font.setPointSizeF(9);
  font.setBold(false);
  y->setTitleFont(font);
  y->setRange(-0.5, rows - 0.5);
  y->setStartValue(-0.5);
  // Each variant's label sits at the middle of its rows; alternate variants are shaded.
  for (auto it = flipped.rbegin(); it != flipped.rend(); ++it) {
    if (it->rows == 0)
      continue;
    y->append(it->rows == 1 ? tr_("%1 (1 thread)").arg(it->label)
                            : tr_("%1 (%2 threads)").arg(it->label).arg(it->rows),
              it->first_row + it->units - 0.5);
  }
  y->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
  y->setGridLineVisible(true);
  y->setGridLineColor(QColor(0x90, 0x90, 0x90));
  y->setShadesVisible(true);
  y->setShadesBrush(QColor(0xf3, 0xf3, 0xf3));

  // An invisible series spans the axes so that the item can map data to the plot area.
  auto *anchor = new QScatterSeries;
  anchor->append(0, 0);
  anchor->setMarkerSize(0.1);
  anchor->setColor(Qt::transparent);
  anchor->setBorderColor(Qt::transparent);
  chart->addSeries(anchor);
  chart->addAxis(x, Qt::AlignBottom);
  chart->addAxis(y, Qt::AlignLeft);
  anchor->attachAxis(x);
  anchor->attachAxis(y);

  auto *item = new TimelineItem(chart, anchor, std::move(flipped));
  item->setObjectName(QStringLiteral("timeline_item"));
  return chart;
}

} // namespace conlab::ui
