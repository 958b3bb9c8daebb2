// Response-time distribution as a CDF per variant, p50 and p99 marked; log x when asked or when
// the response times span decades.
#include "core/util/format.h"
#include "ui/charts/chart_factory.h"
#include "ui/charts/chart_style.h"

#include <QChart>
#include <QCursor>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <limits>

namespace conlab::ui {
namespace {

QList<QPointF> percent_points(const QList<QPointF> &shares) {
  QList<QPointF> points;
  points.reserve(shares.size());
  for (const QPointF &p : shares)
    points.append(QPointF(p.x(), p.y() * 100));
  return points;
}

} // namespace

QChart *make_cdf_chart(const ChartData &data, const ChartOptions &options) {
  auto *chart = new QChart;
  style_chart(chart, tr_("Response time distribution (CDF; ● p50, ◆ p99)%1 — %2")
                         .arg(binned_note(data), run_caption(data)));
  double lo = std::numeric_limits<double>::infinity(), hi = 0;
  for (const VariantChartData &v : data.variants) {
    if (!v.cdf.isEmpty())
      lo = std::min(lo, v.min_response_s), hi = std::max(hi, v.max_response_s);
    if (!v.cdf_from_send.isEmpty())
      lo = std::min(lo, v.min_from_send_s);
  }
  if (hi <= 0)
    lo = 0.001, hi = 1;
  const bool log_x = options.cdf_log_x || (options.log_axes && spans_decades(lo, hi, 1.5));
  const bool any_from_send = std::any_of(data.variants.begin(), data.variants.end(),
                                         [](const auto &v) { return !v.cdf_from_send.isEmpty(); });
  const QString x_title = any_from_send
                              ? tr_("response time: end − when due; dashed: end − when sent (s)")
                              : tr_("response time: end − submit (s)");
  QAbstractAxis *x = log_x ? static_cast<QAbstractAxis *>(log_axis(x_title, lo, hi))
                           : value_axis(x_title, 0, hi * 1.05);
  QAbstractAxis *y = value_axis(tr_("tasks finished within that time (%)"), 0, 100);

  for (const VariantChartData &v : data.variants) {
    // With an open load over HTTP, two curves: from when each request was due (the response
    // time), and dashed, from when it was sent (what a generator with coordinated omission says).
    const bool both = !v.cdf_from_send.isEmpty();
    if (both) {
      auto *sent = new QLineSeries;
      sent->setName(tr_("%1, from when sent (uncorrected)").arg(v.label));
      sent->replace(percent_points(v.cdf_from_send));
      QPen dashed(variant_colour(v.index), 1.5, Qt::DashLine);
      sent->setPen(dashed);
      attach(chart, sent, x, y);
    }
    auto *line = new QLineSeries;
    line->setName(both ? tr_("%1, from when due").arg(v.label) : v.label);
    line->replace(percent_points(v.cdf));
    QPen pen(variant_colour(v.index), 2);
    line->setPen(pen);
    attach(chart, line, x, y);
    const QString label = v.label;
    QObject::connect(line, &QLineSeries::hovered, line, [label](const QPointF &p, bool on) {
      if (!on)
        return QToolTip::hideText();
      QToolTip::showText(QCursor::pos(), tr_("%1: %2% of tasks within %3")
                                             .arg(label)
                                             .arg(p.y(), 0, 'f', 1)
                                             .arg(QString::fromStdString(human_duration(p.x()))));
    });
    for (const auto &[q, share, shape] :
         {std::tuple{v.p50_s, 50.0, QScatterSeries::MarkerShapeCircle},
          std::tuple{v.p99_s, 99.0, QScatterSeries::MarkerShapeRotatedRectangle}}) {
      if (q <= 0)
        continue;
      auto *marker = new QScatterSeries;
      marker->setName(tr_("%1 p%2").arg(v.label).arg(share, 0, 'g', 3));
      marker->setMarkerShape(shape);
      marker->setMarkerSize(11);
      marker->setColor(variant_colour(v.index));
      marker->setBorderColor(Qt::black);
      marker->append(q, share);
      attach(chart, marker, x, y);
      chart->legend()->markers(marker).first()->setVisible(false);
      const QString text = tr_("%1 p%2 = %3")
                               .arg(v.label)
                               .arg(share, 0, 'g', 3)
                               .arg(QString::fromStdString(human_duration(q)));
      QObject::connect(marker, &QScatterSeries::hovered, marker, [text](const QPointF &, bool on) {
        on ? QToolTip::showText(QCursor::pos(), text) : QToolTip::hideText();
      });
    }
  }
  // Lines in the legend, dashed where the curve is: a square of the same colour for both curves
  // of a variant would not tell them apart.
  if (any_from_send)
    chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
  return chart;
}

} // namespace conlab::ui
