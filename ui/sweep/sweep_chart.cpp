// A metric against the swept parameter: per variant the mean over repeats as a solid line with
// markers, the min–max over repeats as a translucent band, the simulation as a dashed line of the
// same colour; the knee marked and named; points > 10% from the simulation ringed.
#include "core/sweep/sweep.h"
#include "ui/charts/chart_callout.h"
#include "ui/charts/chart_factory.h"
#include "ui/charts/chart_style.h"
#include "ui/sweep/sweep_chart_axes.h"
#include "ui/sweep/sweep_findings_text.h"

#include <QAreaSeries>
#include <QChart>
#include <QCursor>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace conlab::ui {
namespace {

// More lines than this (variants × second-axis values) tangle; the heatmap shows the rest.
constexpr std::size_t kMaxSweepLines = 6;

struct SweepLine {
  std::size_t variant = 0;
  std::optional<double> second; // the second axis' value, for a two-axis sweep
  QString name;
  QColor colour;
};

// Evenly spread picks from `values`, first and last included.
std::vector<double> spread(const std::vector<double> &values, std::size_t count) {
  if (values.size() <= count)
    return values;
  std::vector<double> out;
  for (std::size_t i = 0; i < count; ++i)
    out.push_back(values[count == 1 ? 0 : i * (values.size() - 1) / (count - 1)]);
  return out;
}

// A shade of the variant's colour: lighter for the first picks, darker for the last, so the
// variant stays recognisable and the order of the second axis reads from light to dark.
QColor shade(QColor base, std::size_t i, std::size_t n) {
  if (n <= 1)
    return base;
  const double t = static_cast<double>(i) / static_cast<double>(n - 1);
  return QColor::fromHslF(base.hslHueF(), std::max(0.45f, base.hslSaturationF()),
                          static_cast<float>(0.68 - 0.40 * t));
}

std::vector<SweepLine> lines_to_draw(const SweepChartData &d, SweepMetric metric,
                                     std::vector<double> *picked_second) {
  std::vector<std::size_t> variants;
  for (std::size_t v = 0; v < d.variant_labels.size(); ++v)
    if (d.shows(v, metric))
      variants.push_back(v);
  std::vector<SweepLine> out;
  if (d.axes() < 2) {
    for (std::size_t v : variants)
      out.push_back({v, std::nullopt, d.variant_labels[v], variant_colour(d.colour(v))});
    return out;
  }
  const std::vector<double> all = d.values(1);
  const std::size_t per_variant =
      std::max<std::size_t>(1, kMaxSweepLines / std::max<std::size_t>(variants.size(), 1));
  const std::vector<double> picked = spread(all, per_variant);
  *picked_second = picked;
  for (std::size_t v : variants)
    for (std::size_t i = 0; i < picked.size(); ++i)
      out.push_back({v, picked[i],
                     QStringLiteral("%1 · %2").arg(d.variant_labels[v],
                                                   sweep_value_text(d.sweep.axes[1], picked[i])),
                     shade(variant_colour(d.colour(v)), i, picked.size())});
  return out;
}

void hide_from_legend(QChart *chart, QAbstractSeries *series) {
  for (QLegendMarker *marker : chart->legend()->markers(series))
    marker->setVisible(false);
}

QLineSeries *points_series(const std::vector<QPointF> &points) {
  auto *series = new QLineSeries;
  for (const QPointF &p : points)
    series->append(p);
  return series;
}

void add_tooltip(QXYSeries *series, const QString &name, const SweepAxis &axis, double factor,
                 SweepMetric metric) {
  QObject::connect(
      series, &QXYSeries::hovered, series, [name, axis, factor, metric](const QPointF &p, bool on) {
        if (!on)
          return QToolTip::hideText();
        QToolTip::showText(QCursor::pos(), QStringLiteral("%1: %2 at %3")
                                               .arg(name, sweep_metric_text(metric, p.y()),
                                                    sweep_value_text(axis, p.x() / factor)));
      });
}

// What every series of the chart is attached to and how its tooltip speaks.
struct SeriesContext {
  QChart *chart;
  QAbstractAxis *x, *y;
  const SweepAxis &axis;
  double factor;
  SweepMetric metric;
};

// The min–max over repeats, translucent, out of the legend; none while every spread is zero.
void add_band(QChart *chart, const SweepLine &line, const std::vector<SweepCurvePoint> &curve,
              double factor, QAbstractAxis *x, QAbstractAxis *y) {
  std::vector<QPointF> lo, hi;
  bool spread_seen = false;
  for (const SweepCurvePoint &c : curve)
    if (c.min && c.max) {
      lo.emplace_back(c.x * factor, *c.min);
      hi.emplace_back(c.x * factor, *c.max);
      spread_seen = spread_seen || *c.max > *c.min;
    }
  if (!spread_seen || lo.size() < 2)
    return;
  auto *band = new QAreaSeries(points_series(hi), points_series(lo));
  band->setName(tr_("%1 min–max over repeats").arg(line.name));
  QColor fill = line.colour;
  fill.setAlphaF(0.16f);
  band->setBrush(fill);
  band->setPen(Qt::NoPen);
  attach(chart, band, x, y);
  hide_from_legend(chart, band);
}

// The mean over complete repeats; the points the analysis flags go to `rings`.
void add_measured(const SeriesContext &c, const SweepLine &line,
                  const std::vector<SweepCurvePoint> &curve, std::vector<QPointF> &rings) {
  std::vector<QPointF> points;
  for (const SweepCurvePoint &p : curve)
    if (p.mean) {
      points.emplace_back(p.x * c.factor, *p.mean);
      if (p.disagrees)
        rings.push_back(points.back());
    }
  auto *measured = points_series(points);
  measured->setName(line.name);
  measured->setPen(QPen(line.colour, 2.4));
  measured->setPointsVisible(true);
  measured->setMarkerSize(7);
  measured->setObjectName(QStringLiteral("measured"));
  attach(c.chart, measured, c.x, c.y);
  add_tooltip(measured, line.name, c.axis, c.factor, c.metric);
}

void add_simulated(const SeriesContext &c, const SweepLine &line,
                   const std::vector<SweepCurvePoint> &curve) {
  std::vector<QPointF> points;
  for (const SweepCurvePoint &p : curve)
    if (p.simulated)
      points.emplace_back(p.x * c.factor, *p.simulated);
  if (points.empty())
    return;
  auto *simulated = points_series(points);
  simulated->setName(tr_("%1 simulated").arg(line.name));
  simulated->setObjectName(QStringLiteral("simulated"));
  simulated->setPen(QPen(line.colour, 1.6, Qt::DashLine));
  attach(c.chart, simulated, c.x, c.y);
  add_tooltip(simulated, simulated->name(), c.axis, c.factor, c.metric);
}

// The knee (where adding threads or clients stops paying; found on throughput by the
// analysis) marked on each variant's line whatever the metric, with its value written beside.
void add_knees(QChart *chart, const SweepChartData &d, const std::vector<SweepLine> &lines,
               const std::vector<std::vector<SweepCurvePoint>> &curves, double factor,
               const QColor &annotation, QAbstractAxis *x, QAbstractAxis *y) {
  std::vector<std::pair<std::size_t, QPointF>> knees; // (line, where)
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].second || lines[i].variant >= d.analysis.variants.size())
      continue;
    const std::optional<Knee> &knee = d.analysis.variants[lines[i].variant].knee;
    if (!knee || knee->at_first || knee->at_last)
      continue; // the findings say it in words: nothing to point at
    for (const SweepCurvePoint &c : curves[i])
      if (c.x == knee->at && c.mean)
        knees.emplace_back(i, QPointF(c.x * factor, *c.mean));
  }
  for (const auto &[i, where] : knees) {
    auto *marker = new QScatterSeries;
    marker->setObjectName(QStringLiteral("knee"));
    marker->setName(tr_("knee of %1").arg(lines[i].name));
    marker->setMarkerShape(QScatterSeries::MarkerShapeStar);
    marker->setMarkerSize(22);
    marker->setColor(lines[i].colour);
    marker->setBorderColor(annotation);
    marker->append(where);
    QString label = tr_("knee %1").arg(sweep_value_text(d.sweep.axes[0], where.x() / factor));
    if (knees.size() > 1)
      label += QStringLiteral(" (%1)").arg(lines[i].name);
    attach(chart, marker, x, y);
    hide_from_legend(chart, marker);
    auto *callout = new ChartCallout(chart, marker, where, label);
    callout->setObjectName(QStringLiteral("knee_label"));
  }
}

} // namespace

QChart *make_sweep_chart(const ChartData &data, const ChartOptions &options) {
  auto *chart = new QChart;
  set_chart_theme(chart, options.dark);
  const SweepMetric metric = options.sweep_metric;
  if (!data.sweep || data.sweep->axes() == 0) {
    style_chart(chart, tr_("These results hold no sweep — %1").arg(run_caption(data)));
    return chart;
  }
  const SweepChartData &d = *data.sweep;
  const SweepAxis &axis = d.sweep.axes[0];
  const double factor = display_factor(axis);
  std::vector<double> picked; // the second axis' values drawn
  const std::vector<SweepLine> lines = lines_to_draw(d, metric, &picked);

  QString against = sweep_axis_title(axis);
  if (picked.size() < d.values(1).size()) { // name the values drawn; the heatmap has them all
    QStringList shown;
    for (double v : picked)
      shown << QString::number(v * display_factor(d.sweep.axes[1]), 'g', 4);
    against += tr_(" at %1 = %2")
                   .arg(SweepText::axis_label(d.sweep.axes[1]), shown.join(QStringLiteral(", ")));
  }
  style_chart(
      chart,
      tr_("%1 against %2 — %3").arg(sweep_metric_heading(metric), against, sweep_caption(data)));
  // A list beside the plot: "<label> simulated" entries are too long for one row below it.
  chart->legend()->setAlignment(Qt::AlignRight);
  chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries); // dashed reads as dashed
  const QColor annotation = ink(chart);

  std::vector<std::vector<SweepCurvePoint>> curves;
  AxisSpan xs, ys;
  for (const SweepLine &line : lines) {
    curves.push_back(sweep_curve(d, line.variant, metric, line.second));
    for (const SweepCurvePoint &c : curves.back()) {
      xs.add(c.x * factor);
      for (const std::optional<double> &y : {c.mean, c.min, c.max, c.simulated})
        if (y)
          ys.add(*y);
    }
  }
  for (double x : d.values(0)) // the whole grid, so a growing sweep keeps its x axis
    xs.add(x * factor);
  QAbstractAxis *x_axis = sweep_x_axis(sweep_axis_title(axis), axis, xs, options.log_axes);
  QAbstractAxis *y_axis =
      sweep_y_axis(SweepText::metric_title(metric), ys, options.log_axes);
  chart->addAxis(x_axis, Qt::AlignBottom);
  chart->addAxis(y_axis, Qt::AlignLeft);
  if (options.dark)
    for (QAbstractAxis *a : {x_axis, y_axis}) {
      a->setGridLineColor(QColor(0x55, 0x55, 0x55));
      a->setMinorGridLineColor(QColor(0x3a, 0x3a, 0x3a));
    }

  // Bands first, so that every line draws over them; each measurement beside its simulation.
  for (std::size_t i = 0; i < lines.size(); ++i)
    add_band(chart, lines[i], curves[i], factor, x_axis, y_axis);
  std::vector<QPointF> rings;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const SeriesContext context{chart, x_axis, y_axis, axis, factor, metric};
    add_measured(context, lines[i], curves[i], rings);
    add_simulated(context, lines[i], curves[i]);
  }
  if (!rings.empty()) {
    auto *flagged = new QScatterSeries;
    flagged->setObjectName(QStringLiteral("disagreements"));
    flagged->setName(tr_("> 10% from simulation"));
    flagged->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    flagged->setMarkerSize(17);
    flagged->setColor(Qt::transparent);
    flagged->setBorderColor(annotation);
    flagged->setPen(QPen(annotation, 1.4));
    for (const QPointF &p : rings)
      flagged->append(p);
    attach(chart, flagged, x_axis, y_axis);
  }
  add_knees(chart, d, lines, curves, factor, annotation, x_axis, y_axis);
  return chart;
}

} // namespace conlab::ui
