// Response-time histogram per variant as step outlines over shared bins (log-spaced when the
// times span decades), with p50 and p99 as dashed verticals in the variant's colour.
#include "core/util/format.h"
#include "ui/charts/chart_factory.h"
#include "ui/charts/chart_style.h"

#include <QChart>
#include <QCursor>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>

namespace conlab::ui {

QChart *make_histogram_chart(const ChartData &data, const ChartOptions &options) {
  auto *chart = new QChart;
  style_chart(chart, tr_("Response time histogram (dashed: p50, dotted: p99)%1 — %2")
                         .arg(binned_note(data), run_caption(data)));
  const QList<double> &edges = data.histogram_edges;
  double max_count = 1;
  for (const VariantChartData &v : data.variants)
    for (double c : v.histogram_counts)
      max_count = std::max(max_count, c);
  const double lo = edges.isEmpty() ? 0 : edges.front();
  const double hi = edges.isEmpty() ? 1 : edges.back();
  const bool log_x = data.histogram_log && options.log_axes;
  const QString x_title = log_x ? tr_("response time (s, log bins)") : tr_("response time (s)");
  QAbstractAxis *x =
      log_x ? static_cast<QAbstractAxis *>(log_axis(x_title, lo, hi)) : value_axis(x_title, lo, hi);
  QAbstractAxis *y = value_axis(tr_("tasks per bin"), 0, max_count * 1.1);

  for (const VariantChartData &v : data.variants) {
    auto *line = new QLineSeries;
    line->setName(v.label);
    QList<QPointF> points;
    for (qsizetype i = 0; i < v.histogram_counts.size(); ++i) {
      points.append(QPointF(edges[i], i == 0 ? 0 : v.histogram_counts[i - 1]));
      points.append(QPointF(edges[i], v.histogram_counts[i]));
    }
    if (!edges.isEmpty() && !v.histogram_counts.isEmpty()) {
      points.append(QPointF(edges.back(), v.histogram_counts.back()));
      points.append(QPointF(edges.back(), 0));
    }
    line->replace(points);
    line->setPen(QPen(variant_colour(v.index), 2));
    attach(chart, line, x, y);
    const QString label = v.label;
    QObject::connect(
        line, &QLineSeries::hovered, line,
        [label, edges, counts = v.histogram_counts](const QPointF &p, bool on) {
          if (!on || edges.isEmpty())
            return QToolTip::hideText();
          auto it = std::upper_bound(edges.begin(), edges.end(), p.x());
          const auto bin = std::clamp<qsizetype>(it - edges.begin() - 1, 0, counts.size() - 1);
          QToolTip::showText(QCursor::pos(),
                             tr_("%1: %2 tasks between %3 and %4")
                                 .arg(label)
                                 .arg(counts[bin])
                                 .arg(QString::fromStdString(human_duration(edges[bin])),
                                      QString::fromStdString(human_duration(edges[bin + 1]))));
        });
    for (const auto &[q, style] :
         {std::pair{v.p50_s, Qt::DashLine}, std::pair{v.p99_s, Qt::DotLine}}) {
      if (q <= 0)
        continue;
      auto *mark = new QLineSeries;
      mark->append(q, 0);
      mark->append(q, max_count * 1.05);
      mark->setPen(QPen(variant_colour(v.index), 1.5, style));
      attach(chart, mark, x, y);
      chart->legend()->markers(mark).first()->setVisible(false);
    }
  }
  return chart;
}

} // namespace conlab::ui
