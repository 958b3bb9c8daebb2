// Makespan and throughput per variant, measured beside predicted (and the article's claim when
// the experiment records one): the article's table as a chart.
#include "core/util/format.h"
#include "ui/charts/chart_factory.h"
#include "ui/charts/chart_style.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QCursor>
#include <QLegend>
#include <QLegendMarker>
#include <QLogValueAxis>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>

namespace conlab::ui {
namespace {

QString human(double s) { return QString::fromStdString(human_duration(s)); }

} // namespace

QChart *make_summary_chart(const ChartData &data, const ChartOptions &options) {
  auto *chart = new QChart;
  style_chart(chart,
              tr_("Makespan and throughput: measured vs predicted — %1").arg(run_caption(data)));

  const bool any_claim =
      std::any_of(data.variants.begin(), data.variants.end(),
                  [](const VariantChartData &v) { return v.claimed_makespan_s.has_value(); });
  QStringList categories = {tr_("makespan"), tr_("predicted")};
  if (any_claim)
    categories << tr_("article's claim");
  const int throughput_first = static_cast<int>(categories.size());
  categories << tr_("throughput") << tr_("predicted ");

  auto *makespan = new QBarSeries;
  auto *throughput = new QBarSeries;
  double max_makespan = 0, max_throughput = 0;
  double min_makespan = 1e300, min_throughput = 1e300;
  for (const VariantChartData &v : data.variants) {
    QString name = v.label;
    if (!v.predicted_makespan_s)
      name += tr_(" (predicted: no closed form)");
    auto *m = new QBarSet(name);
    auto *t = new QBarSet(v.label);
    for (QBarSet *set : {m, t}) {
      set->setColor(variant_colour(v.index));
      set->setBorderColor(variant_colour(v.index).darker(130));
      set->setLabelColor(Qt::black);
    }
    QList<double> mv = {v.makespan_s, v.predicted_makespan_s.value_or(0)};
    if (any_claim)
      mv << v.claimed_makespan_s.value_or(0);
    QList<double> tv(throughput_first, 0.0);
    tv << v.throughput_per_s << v.predicted_throughput_per_s.value_or(0);
    while (mv.size() < categories.size())
      mv << 0;
    m->append(mv);
    t->append(tv);
    for (double value : mv)
      if (value > 0)
        max_makespan = std::max(max_makespan, value), min_makespan = std::min(min_makespan, value);
    for (double value : tv)
      if (value > 0)
        max_throughput = std::max(max_throughput, value),
        min_throughput = std::min(min_throughput, value);
    const VariantChartData copy = v;
    QObject::connect(m, &QBarSet::hovered, m, [copy](bool on, int i) {
      if (!on)
        return QToolTip::hideText();
      const QString what = i == 0 ? tr_("measured makespan %1").arg(human(copy.makespan_s))
                           : i == 1
                               ? (copy.predicted_makespan_s
                                      ? tr_("predicted makespan %1\n%2")
                                            .arg(human(*copy.predicted_makespan_s), copy.formula)
                                      : tr_("no closed form: %1").arg(copy.formula))
                               : tr_("the article claimed %1 (scaled)")
                                     .arg(human(copy.claimed_makespan_s.value_or(0)));
      QToolTip::showText(QCursor::pos(), copy.label + QStringLiteral(": ") + what);
    });
    QObject::connect(t, &QBarSet::hovered, t, [copy, throughput_first](bool on, int i) {
      if (!on)
        return QToolTip::hideText();
      const double value = i == throughput_first ? copy.throughput_per_s
                                                 : copy.predicted_throughput_per_s.value_or(0);
      QToolTip::showText(QCursor::pos(),
                         tr_("%1: %2 tasks/s %3")
                             .arg(copy.label)
                             .arg(value, 0, 'g', 4)
                             .arg(i == throughput_first ? tr_("measured") : tr_("predicted")));
    });
    makespan->append(m);
    throughput->append(t);
  }
  for (QBarSeries *series : {makespan, throughput}) {
    series->setBarWidth(0.95);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsPrecision(series == throughput ? 4 : 3); // "1993", not "1.99e+03"
    // Upright labels: neighbouring bars of similar height would print over each other.
    series->setLabelsAngle(-90);
    series->setLabelsFormat(QStringLiteral("@value"));
    chart->addSeries(series);
  }

  auto *x = new QBarCategoryAxis;
  x->append(categories);
  chart->addAxis(x, Qt::AlignBottom);
  // Makespans and throughputs often span decades (/a 100 s, /c 1 s): log scales keep every bar
  // readable; each bar is labelled with its value anyway. The empty slots (a makespan set has
  // no throughput) hold 0, which a log axis does not draw (Qt Charts warns about it).
  const auto axis = [&](const QString &title, double lo, double hi) -> QAbstractAxis * {
    if (options.log_axes && spans_decades(lo, hi, 1.3))
      return log_axis(title, lo / 2, hi * 1.5);
    return value_axis(title, 0, hi * 1.12);
  };
  QAbstractAxis *y_makespan = axis(tr_("makespan (s)"), min_makespan, max_makespan);
  QAbstractAxis *y_throughput = axis(tr_("throughput (tasks/s)"), min_throughput, max_throughput);
  chart->addAxis(y_makespan, Qt::AlignLeft);
  chart->addAxis(y_throughput, Qt::AlignRight);
  makespan->attachAxis(x);
  makespan->attachAxis(y_makespan);
  throughput->attachAxis(x);
  throughput->attachAxis(y_throughput);
  // One legend entry per variant: the throughput sets repeat the makespan sets' colours.
  for (QLegendMarker *marker : chart->legend()->markers(throughput))
    marker->setVisible(false);
  return chart;
}

} // namespace conlab::ui
