// What one task cost in each variant: memory per task in flight, CPU per wait and context
// switches per task. The three have different units, so each bar is the variant's figure over
// the cheapest variant's (1× = the cheapest, named under each group); the bar's label is that
// ratio and its tooltip the figure itself. Coroutine vs thread reads at a glance: "22×".
#include "core/util/format.h"
#include "ui/charts/chart_factory.h"
#include "ui/charts/chart_style.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCursor>
#include <QLogValueAxis>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <array>
#include <functional>
#include <vector>

namespace conlab::ui {
namespace {

struct CostMetric {
  const char *name;
  std::function<std::optional<double>(const TaskCost &)> value;
  std::function<QString(double)> text;
};

std::optional<double> positive(double x) { return x > 0 ? std::optional(x) : std::nullopt; }

const std::array<CostMetric, 3> &metrics() {
  static const std::array<CostMetric, 3> m = {
      CostMetric{QT_TRANSLATE_NOOP("conlab::ui", "memory per task"),
                 [](const TaskCost &c) { return positive(c.memory_per_task_bytes); },
                 [](double x) { return QString::fromStdString(human_bytes(x)); }},
      CostMetric{QT_TRANSLATE_NOOP("conlab::ui", "CPU per wait"),
                 [](const TaskCost &c) {
                   return c.waits_per_task > 0 ? positive(c.cpu_per_wait_s) : std::nullopt;
                 },
                 [](double x) { return QString::fromStdString(human_duration(x)); }},
      CostMetric{QT_TRANSLATE_NOOP("conlab::ui", "switches per task"),
                 [](const TaskCost &c) {
                   return positive(c.voluntary_switches_per_task + c.involuntary_switches_per_task);
                 },
                 [](double x) { return QString::fromStdString(human_count(x)); }}};
  return m;
}

} // namespace

QChart *make_cost_chart(const ChartData &data, const ChartOptions &options) {
  auto *chart = new QChart;
  style_chart(chart,
              tr_("Cost per task, against the cheapest variant — %1").arg(run_caption(data)));

  // The cheapest figure of each metric: what 1× means under its group.
  std::array<double, 3> cheapest{};
  cheapest.fill(0);
  for (const VariantChartData &v : data.variants)
    for (std::size_t m = 0; m < metrics().size(); ++m)
      if (const auto x = v.cost.measured ? metrics()[m].value(v.cost) : std::nullopt)
        cheapest[m] = cheapest[m] > 0 ? std::min(cheapest[m], *x) : *x;
  // Only what some variant measured gets a group: a metric nobody measured has no 1×.
  std::vector<std::size_t> shown;
  for (std::size_t m = 0; m < metrics().size(); ++m)
    if (cheapest[m] > 0)
      shown.push_back(m);
  QStringList categories;
  for (std::size_t m : shown)
    categories << tr_("%1 (1× = %2)").arg(tr_(metrics()[m].name), metrics()[m].text(cheapest[m]));
  if (shown.empty())
    categories << tr_("nothing measured");

  auto *series = new QBarSeries;
  double highest = 1;
  bool all_positive = true; // a log axis cannot draw a variant's 0×
  for (const VariantChartData &v : data.variants) {
    if (!v.cost.measured)
      continue;
    auto *set = new QBarSet(v.label);
    set->setColor(variant_colour(v.index));
    set->setBorderColor(variant_colour(v.index).darker(130));
    set->setLabelColor(Qt::black);
    QList<double> ratios;
    for (std::size_t m : shown) {
      const auto x = metrics()[m].value(v.cost);
      ratios << (x ? *x / cheapest[m] : 0);
      highest = std::max(highest, ratios.back());
      all_positive = all_positive && ratios.back() > 0;
    }
    set->append(ratios);
    QObject::connect(set, &QBarSet::hovered, set,
                     [label = v.label, cost = v.cost, shown, ratios](bool on, int i) {
                       if (!on || i < 0 || i >= static_cast<int>(shown.size()))
                         return QToolTip::hideText();
                       const CostMetric &metric = metrics()[shown[static_cast<std::size_t>(i)]];
                       const auto x = metric.value(cost);
                       QToolTip::showText(
                           QCursor::pos(),
                           x ? tr_("%1: %2 %3 (%4× the cheapest)")
                                   .arg(label, metric.text(*x), tr_(metric.name))
                                   .arg(ratios[i], 0, 'g', 3)
                             : tr_("%1: no %2 measured").arg(label, tr_(metric.name)));
                     });
    series->append(set);
  }
  series->setBarWidth(0.9);
  series->setLabelsVisible(true);
  series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
  series->setLabelsPrecision(3);
  series->setLabelsFormat(QStringLiteral("@value×"));
  chart->addSeries(series);

  auto *x = new QBarCategoryAxis;
  x->append(categories);
  // A thread costs tens of times a coroutine: a log scale keeps the coroutine's 1× bar visible.
  QAbstractAxis *y =
      options.log_axes && all_positive && spans_decades(1, highest, 1)
          ? static_cast<QAbstractAxis *>(log_axis(tr_("× the cheapest variant"), 0.5, highest * 3))
          : value_axis(tr_("× the cheapest variant"), 0, highest * 1.15);
  attach(chart, series, x, y);
  return chart;
}

} // namespace conlab::ui
