// Per-thread timeline: every worker thread a row, every task a bar from start to end, queue wait
// a thin line before it. Shows /a running one task at a time and /d running 40. Where the run
// split its steps' time, the threads that ran them (an executor's too) show their states, the
// way a scheduler's view does: on a core, waiting for one, blocked.
#include "ui/charts/chart_factory.h"
#include "ui/charts/chart_style.h"
#include "ui/charts/timeline_item.h"
#include "ui/latency/cause_words.h"

#include <QCategoryAxis>
#include <QChart>
#include <QLegend>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>

namespace conlab::ui {
namespace {

// A variant's y-axis label counts its rows: the threads that started tasks, and the executor's
// threads that ran the steps handed to them.
QString rows_label(const VariantChartData &v) {
  const int executors = v.rows - v.task_rows;
  if (executors == 0)
    return v.rows == 1 ? tr_("%1 (1 thread)").arg(v.label)
                       : tr_("%1 (%2 threads)").arg(v.label).arg(v.rows);
  if (v.has_event_loop && v.task_rows == 1)
    return executors == 1 ? tr_("%1 (loop + 1 executor thread)").arg(v.label)
                          : tr_("%1 (loop + %2 executor threads)").arg(v.label).arg(executors);
  if (v.has_event_loop)
    return tr_("%1 (%2 loops + %3 executor threads)").arg(v.label).arg(v.task_rows).arg(executors);
  return tr_("%1 (%2 threads + %3 executor threads)").arg(v.label).arg(v.task_rows).arg(executors);
}

// The key of the states, in the words of the cause split ("Where the time went"), with the GIL's
// hatching when some task waited for the lock.
std::vector<TimelineKeyEntry> state_key(bool gil) {
  std::vector<TimelineKeyEntry> key = {{ThreadState::on_cpu, cause_name(Cause::on_cpu)},
                                       {ThreadState::runnable, cause_name(Cause::runnable)},
                                       {ThreadState::blocked, cause_name(Cause::blocked)}};
  if (gil)
    key.push_back({ThreadState::gil, cause_name(Cause::gil_wait)});
  return key;
}

} // namespace

QChart *make_timeline_chart(const ChartData &data, const ChartOptions &) {
  auto *chart = new QChart;
  bool capped = false;
  double max_x = 0;
  bool gil_waits = false;
  bool states = false;
  for (const VariantChartData &v : data.variants) {
    capped = capped || v.tasks_drawn < v.tasks_started;
    states = states || !v.steps.empty();
    for (const TimelineBar &bar : v.bars) {
      max_x = std::max(max_x, bar.end_s);
      gil_waits = gil_waits || !bar.gil_waits.empty();
    }
    for (const TimelineStep &step : v.steps)
      max_x = std::max(max_x, step.end_s);
  }
  // With thread states the legend is their key (and the GIL's hatching), so the title is short.
  QString title = states ? tr_("Thread timeline: a row per thread, a bar per task or step, thin "
                               "line = queue wait — %1")
                  : gil_waits ? tr_("Thread timeline: a row per worker thread, a bar per task, "
                                    "thin line = queue wait, hatched = waiting for the GIL — %1")
                              : tr_("Thread timeline: a row per worker thread, a bar per task, "
                                    "thin line = queue wait — %1");
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
    for (TimelineStep &step : v.steps) {
      const double y0 = step.y0;
      step.y0 = (rows - 1) - step.y1;
      step.y1 = (rows - 1) - y0;
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
    y->append(rows_label(*it), it->first_row + it->units - 0.5);
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
  if (states)
    item->set_key(tr_("a thread's states in a step (shares of it, not their order):"),
                  state_key(gil_waits));
  return chart;
}

} // namespace conlab::ui
