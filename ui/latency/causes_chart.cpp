// Where the time went: one horizontal bar per variant, its response time split by cause (queued,
// on a core, ready for a core, blocked, ...) as shares that add up to 100%. The row names the
// largest part, so "the pool is too small" (queued), "the CPU is saturated" (ready, waiting for a
// core) and "something blocks the loop" (loop busy elsewhere) read without the legend.
#include "core/util/format.h"
#include "ui/charts/chart_factory.h"
#include "ui/charts/chart_style.h"
#include "ui/latency/cause_labels_item.h"
#include "ui/latency/cause_words.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QCursor>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>

namespace conlab::ui {
namespace {

constexpr double kBarWidth = 0.7;

// A variant's row: its label, "(client side only)" when the lab saw the requests from outside
// ("(the lab's timestamps only)" when it did not time the steps), and its largest part with its
// share.
QString row_label(const VariantChartData &v) {
  QString label = v.label;
  if (split_known(v.causes) == SplitKnown::lab_side)
    label = tr_("%1 (%2)").arg(label, lab_side_note(v.http_target));
  if (const auto largest = largest_part(v.causes))
    label = tr_("%1: %2 %3")
                .arg(label, cause_name(*largest), share_text(shown_share(v.causes, *largest)));
  return label;
}

} // namespace

QChart *make_causes_chart(const ChartData &data, const ChartOptions &) {
  auto *chart = new QChart;
  // Bottom to top, as Qt stacks a category axis: the experiment's first variant ends up on top.
  std::vector<const VariantChartData *> rows;
  QStringList unsplit; // nothing known (an HTTP target's run, nothing finished): no bar
  for (auto v = data.variants.rbegin(); v != data.variants.rend(); ++v)
    if (split_known(v->causes) != SplitKnown::nothing)
      rows.push_back(&*v);
    else
      unsplit.prepend(v->label);
  if (rows.empty()) {
    style_chart(chart, tr_("Where the time went — nothing to split — %1").arg(run_caption(data)));
    chart->legend()->setVisible(false);
    const bool finished = std::any_of(data.variants.begin(), data.variants.end(),
                                      [](const VariantChartData &v) { return v.completed > 0; });
    new CauseLabelsItem(chart, nullptr, {}, kBarWidth,
                        data.variants.empty() ? tr_("No variant ran.")
                        : !finished
                            ? tr_("No task finished, so there is no response time to split.")
                            : tr_("No variant's response time was split: the lab times an "
                                  "HTTP target's requests from outside only, and results files "
                                  "from before the split do not have it."));
    return chart;
  }
  // Say which variants have no bar, so that a missing one is not taken for a zero.
  const QString missing = unsplit.isEmpty() ? QString()
                          : unsplit.size() <= 3
                              ? tr_(" (not split: %1)").arg(unsplit.join(QStringLiteral(", ")))
                              : tr_(" (%1 variants not split)").arg(unsplit.size());
  style_chart(
      chart,
      tr_("Where the time went — largest part per variant%1 — %2").arg(missing, run_caption(data)));

  // By value: the tooltips outlive `data`.
  std::vector<CauseSplit> splits;
  QStringList labels;
  for (const VariantChartData *v : rows) {
    splits.push_back(v->causes);
    labels << v->label;
  }
  auto *series = new QHorizontalStackedBarSeries;
  series->setBarWidth(kBarWidth);
  std::vector<CauseSegment> segments;
  std::vector<double> stacked(rows.size(), 0.0); // percent so far, per row
  for (Cause cause : causes_shown(splits)) {
    auto *set = new QBarSet(cause_name(cause));
    set->setColor(cause_colour(cause));
    set->setBorderColor(cause_colour(cause).darker(130));
    QList<double> percents;
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const double percent = 100 * shown_share(rows[r]->causes, cause);
      percents << percent;
      if (percent > 0)
        segments.push_back({static_cast<int>(r), cause, stacked[r], stacked[r] + percent});
      stacked[r] += percent;
    }
    set->append(percents);
    QObject::connect(set, &QBarSet::hovered, set, [labels, splits, cause](bool on, int i) {
      if (!on || i < 0 || i >= static_cast<int>(splits.size()))
        return QToolTip::hideText();
      const CauseSplit &split = splits[static_cast<std::size_t>(i)];
      QToolTip::showText(
          QCursor::pos(),
          tr_("%1 — %2: %3 of the response time, %4 per task on average")
              .arg(labels[static_cast<qsizetype>(i)], cause_name(cause),
                   share_text(shown_share(split, cause)),
                   QString::fromStdString(human_duration(seconds_per_task(split, cause)))));
    });
    series->append(set);
  }
  chart->addSeries(series);

  auto *y = new QBarCategoryAxis;
  for (const VariantChartData *v : rows)
    y->append(row_label(*v));
  // The parts add up to the response time: a share axis that ends at 100% for every variant.
  // (Measured separately, they can overshoot it by a rounding; such a bar is cut at 100%.)
  QValueAxis *x = value_axis(tr_("share of the response time"), 0, 100);
  x->setTickCount(11);
  x->setLabelFormat(QStringLiteral("%.0f%%")); // "50%"
  chart->addAxis(x, Qt::AlignBottom);
  chart->addAxis(y, Qt::AlignLeft);
  series->attachAxis(x);
  series->attachAxis(y);
  new CauseLabelsItem(chart, series, std::move(segments), kBarWidth);
  return chart;
}

} // namespace conlab::ui
