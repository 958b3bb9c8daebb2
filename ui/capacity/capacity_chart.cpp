// A capacity search drawn: the SLO's percentile against the arrival rate, every run a point
// (filled when it met the SLO, hollow when it missed), the median per rate as a line, the SLO as
// a horizontal line and the capacity found as a vertical one; for a variant, the simulator's
// curve and capacity beside them. The key number is in the title.
#include "core/capacity/capacity_search.h"
#include "core/util/format.h"
#include "ui/charts/chart_callout.h"
#include "ui/charts/chart_factory.h"
#include "ui/charts/chart_style.h"

#include <QChart>
#include <QLegend>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPen>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

namespace conlab::ui {
namespace {

QString rate_text(double rate) { return QString::fromStdString(human_rate(rate)) + tr_("/s"); }

// Chart titles and legend entries are rich text: "p99<60ms" would open a tag.
QString plain(const std::string &text) { return QString::fromStdString(text).toHtmlEscaped(); }

QString title_for(const CapacityResults &r) {
  const CapacitySearch &s = r.measured;
  const QString slo = plain(s.slo.text);
  const QString target = plain(r.target);
  switch (s.outcome) {
  case CapacityOutcome::found:
    // A search still running has no outcome yet, and its default reads "found".
    if (!s.capacity_per_s)
      return tr_("Capacity for %1: searching… — %2").arg(slo, target);
    return tr_("Capacity for %1: %2 — %3").arg(slo, rate_text(*s.capacity_per_s), target);
  case CapacityOutcome::misses_at_lowest:
    return tr_("No capacity for %1: missed at the lowest rate tried — %2").arg(slo, target);
  case CapacityOutcome::generator_saturated:
    return tr_("Capacity for %1: at least %2 (the generator could not go higher) — %3")
        .arg(slo, s.capacity_per_s ? rate_text(*s.capacity_per_s) : tr_("nothing"), target);
  case CapacityOutcome::meets_at_max_rate:
    return tr_("Capacity for %1: at least %2, the highest rate allowed — %3")
        .arg(slo, rate_text(s.limits.max_rate_per_s), target);
  default:
    return tr_("Capacity for %1: the search stopped early (best so far %2) — %3")
        .arg(slo, s.capacity_per_s ? rate_text(*s.capacity_per_s) : tr_("none"), target);
  }
}

// The SLO's metric in ms, with failed runs (no value) drawn at `ceiling`.
double y_of(double value_s, double ceiling_ms) {
  return std::isfinite(value_s) ? value_s * 1e3 : ceiling_ms;
}

QLineSeries *median_line(const CapacitySearch &s, const QString &name, const QPen &pen,
                         double ceiling_ms) {
  auto *line = new QLineSeries;
  line->setName(name);
  line->setPen(pen);
  for (const RateVerdict &v : verdicts_by_rate(s))
    line->append(v.rate_per_s, y_of(v.median_value_s, ceiling_ms));
  return line;
}

// From below the axis to above it: the axis clips it to the plot's full height.
QLineSeries *vertical(double x, double bottom, double top, const QString &name, const QPen &pen) {
  auto *line = new QLineSeries;
  line->setName(name);
  line->setPen(pen);
  line->append(x, bottom > 0 ? bottom / 100 : -top);
  line->append(x, top * 100);
  return line;
}

} // namespace

QChart *make_capacity_chart(const ChartData &data, const ChartOptions &options) {
  auto *chart = new QChart;
  set_chart_theme(chart, options.dark);
  if (!data.capacity) {
    style_chart(chart, tr_("These results hold no capacity search"));
    return chart;
  }
  const CapacityResults &r = *data.capacity;
  const CapacitySearch &s = r.measured;
  style_chart(chart, title_for(r));
  // Seven entries do not fit under a report's narrower chart: a column beside it never truncates.
  chart->legend()->setAlignment(Qt::AlignRight);

  const double limit_ms = s.slo.limit_s * 1e3;
  double lo = limit_ms, hi = limit_ms, max_rate = 0;
  const auto take = [&](const CapacitySearch &search) {
    for (const CapacityRun &run : search.runs) {
      max_rate = std::max(max_rate, run.rate_per_s);
      if (std::isfinite(run.value_s) && run.value_s > 0) {
        lo = std::min(lo, run.value_s * 1e3);
        hi = std::max(hi, run.value_s * 1e3);
      }
    }
  };
  take(s);
  if (r.predicted)
    take(*r.predicted);
  const bool log_y = options.log_axes && spans_decades(lo, hi, 1.3);
  const double top = log_y ? hi * 2 : hi * 1.15; // failed runs are drawn here
  const double bottom = log_y ? lo / 1.5 : 0;
  const QString metric = QString::fromStdString(s.slo.metric());
  const QString y_title = tr_("%1 response time of the run (ms)").arg(metric);
  QAbstractAxis *y = log_y ? static_cast<QAbstractAxis *>(log_axis(y_title, bottom, top))
                           : value_axis(y_title, bottom, top);
  auto *x = value_axis(
      tr_("arrival rate (requests/s, %1 arrivals)").arg(QString::fromStdString(r.arrivals)), 0,
      std::max(1.0, max_rate * 1.08));

  const QColor met_colour = variant_colour(2), missed_colour = variant_colour(1);
  const QColor annotation = ink(chart);
  auto *met = new QScatterSeries;
  met->setName(tr_("run that met it"));
  met->setMarkerShape(QScatterSeries::MarkerShapeCircle);
  met->setMarkerSize(9);
  met->setColor(met_colour);
  met->setBorderColor(met_colour);
  auto *missed = new QScatterSeries;
  missed->setName(tr_("run that missed it"));
  missed->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
  missed->setMarkerSize(9);
  missed->setColor(Qt::transparent);
  missed->setBorderColor(missed_colour);
  for (const CapacityRun &run : s.runs)
    (run.met ? met : missed)->append(run.rate_per_s, y_of(run.value_s, top));

  QPen measured_pen(variant_colour(0), 2);
  attach(chart, median_line(s, tr_("median (measured)"), measured_pen, top), x, y);
  if (r.predicted) {
    QPen predicted_pen(annotation, 1.5, Qt::DashLine);
    predicted_pen.setColor(QColor(120, 120, 120));
    attach(chart, median_line(*r.predicted, tr_("median (simulator)"), predicted_pen, top), x, y);
  }
  // A kind of run that never happened gets no legend entry.
  for (QScatterSeries *runs : {met, missed})
    if (runs->count() > 0)
      attach(chart, runs, x, y);
    else
      delete runs;

  QPen slo_pen(annotation, 1.5, Qt::DashDotLine);
  auto *slo = new QLineSeries;
  slo->setName(tr_("SLO %1").arg(plain(s.slo.text)));
  slo->setPen(slo_pen);
  // Both ends beyond the axes, which clip it: the line spans the plot whatever the ticks.
  slo->append(-max_rate, limit_ms);
  slo->append(max_rate * 100, limit_ms);
  attach(chart, slo, x, y);

  if (s.capacity_per_s) {
    QPen pen(variant_colour(0), 2.5);
    auto *found = vertical(*s.capacity_per_s, bottom, top,
                           tr_("capacity %1").arg(rate_text(*s.capacity_per_s)), pen);
    attach(chart, found, x, y);
    auto *callout = new ChartCallout(
        chart, found, QPointF(*s.capacity_per_s, limit_ms),
        tr_("%1 meets %2").arg(rate_text(*s.capacity_per_s), QString::fromStdString(s.slo.text)));
    // The callout is drawn as plain text.
    callout->setObjectName(QStringLiteral("capacity_label"));
  }
  if (r.predicted && r.predicted->capacity_per_s) {
    QPen pen(QColor(120, 120, 120), 1.5, Qt::DotLine);
    attach(chart,
           vertical(*r.predicted->capacity_per_s, bottom, top,
                    tr_("predicted %1").arg(rate_text(*r.predicted->capacity_per_s)), pen),
           x, y);
  }
  return chart;
}

} // namespace conlab::ui
