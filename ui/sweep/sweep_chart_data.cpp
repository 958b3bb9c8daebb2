#include "ui/sweep/sweep_chart_data.h"

#include "core/engine/model_registry.h"
#include "core/sweep/sweep.h"
#include "core/util/format.h"
#include "ui/sweep/sweep_findings_text.h"

#include <QCoreApplication>

#include <algorithm>
#include <set>

namespace conlab::ui {

std::vector<double> SweepChartData::values(std::size_t axis) const {
  std::set<double> distinct;
  for (const SweepPoint &p : results.points)
    if (axis < p.values.size())
      distinct.insert(p.values[axis]);
  return {distinct.begin(), distinct.end()};
}

bool SweepChartData::shows(std::size_t variant, SweepMetric metric) const {
  if (variant >= variant_labels.size())
    return false;
  return metric != SweepMetric::loop_lag || variant_has_loop[variant];
}

bool simulation_predicts(SweepMetric metric) {
  // Nor what a task costs: the simulator has no memory, kernel or clock of its own.
  return metric != SweepMetric::cpu_utilization && metric != SweepMetric::loop_lag &&
         metric != SweepMetric::memory_per_task && metric != SweepMetric::cpu_per_wait &&
         metric != SweepMetric::switches_per_task;
}

std::vector<SweepRow> sweep_rows(const SweepChartData &data) {
  std::vector<SweepRow> rows;
  for (std::size_t p = 0; p < data.results.points.size(); ++p) {
    const SweepPoint &point = data.results.points[p];
    for (std::size_t v = 0; v < point.variants.size() && v < data.variant_labels.size(); ++v) {
      const SweepVariantPoint &vp = point.variants[v];
      SweepRow row{.point = p, .variant = v};
      for (const SweepMeasurement &m : vp.measurements)
        row.runs += m.complete ? 1 : 0;
      row.makespan = vp.mean(SweepMetric::makespan);
      if (vp.simulated)
        row.simulated_makespan = vp.simulated->makespan_s;
      if (row.makespan && row.simulated_makespan && *row.simulated_makespan > 0)
        row.versus_simulation = *row.makespan / *row.simulated_makespan - 1;
      row.throughput = vp.mean(SweepMetric::throughput);
      row.p50 = vp.mean(SweepMetric::p50);
      row.p99 = vp.mean(SweepMetric::p99);
      row.cpu = vp.mean(SweepMetric::cpu_utilization);
      if (data.shows(v, SweepMetric::loop_lag))
        row.loop_lag = vp.mean(SweepMetric::loop_lag);
      rows.push_back(row);
    }
  }
  return rows;
}

std::vector<SweepCurvePoint> sweep_curve(const SweepChartData &data, std::size_t variant,
                                         SweepMetric metric, std::optional<double> second) {
  std::vector<SweepCurvePoint> out;
  for (std::size_t p = 0; p < data.results.points.size(); ++p) {
    const SweepPoint &point = data.results.points[p];
    if (point.values.empty() || variant >= point.variants.size())
      continue;
    if (second && (point.values.size() < 2 || point.values[1] != *second))
      continue;
    const SweepVariantPoint &vp = point.variants[variant];
    SweepCurvePoint c;
    c.point = p;
    c.x = point.values[0];
    c.mean = vp.mean(metric);
    c.min = vp.min(metric);
    c.max = vp.max(metric);
    if (vp.simulated && simulation_predicts(metric))
      c.simulated = metric_value(*vp.simulated, metric);
    out.push_back(c);
  }
  if (variant < data.analysis.variants.size())
    for (const Disagreement &d : data.analysis.variants[variant].disagreements)
      for (SweepCurvePoint &c : out)
        c.disagrees = c.disagrees || c.point == d.point;
  std::stable_sort(out.begin(), out.end(),
                   [](const SweepCurvePoint &a, const SweepCurvePoint &b) { return a.x < b.x; });
  return out;
}

std::optional<SweepChartData> build_sweep_chart_data(const RunResults &results) {
  if (!results.sweep || !results.experiment.sweep)
    return std::nullopt;
  SweepChartData data;
  data.sweep = *results.experiment.sweep;
  for (const Variant &v : results.experiment.variants) {
    data.variant_labels.push_back(QString::fromStdString(v.label));
    const ModelInfo *info = find_model(v.model);
    data.variant_has_loop.push_back(info && info->has_event_loop);
  }
  data.results = *results.sweep;
  data.analysis = analyze_sweep(results.experiment, data.results);
  return data;
}

QString sweep_axis_title(const SweepAxis &axis) {
  const SweepParameterInfo &info = parameter_info(axis.parameter);
  switch (axis.parameter) {
  case SweepParameter::step_ms:
    return SweepText::axis_label(axis);
  case SweepParameter::cpu_share:
    return QCoreApplication::translate("conlab::ui", "CPU share of the work (%)");
  case SweepParameter::rate_per_s:
    return QCoreApplication::translate("conlab::ui", "arrival rate λ (tasks/s)");
  default:
    return QStringLiteral("%1 %2").arg(SweepText::parameter_title(axis.parameter),
                                       QString::fromUtf8(info.symbol));
  }
}

double display_factor(const SweepAxis &axis) {
  return axis.parameter == SweepParameter::cpu_share ? 100.0 : 1.0;
}

QString sweep_value_text(const SweepAxis &axis, double value) {
  return SweepText::value(axis, value);
}

QString sweep_metric_text(SweepMetric metric, double value) {
  switch (metric) {
  case SweepMetric::throughput:
    return QString::fromStdString(human_rate(value)) + QStringLiteral("/s");
  case SweepMetric::cpu_utilization:
    return QString::fromStdString(human_percent(value));
  case SweepMetric::memory_per_task:
    return QString::fromStdString(human_bytes(value));
  case SweepMetric::switches_per_task:
    return QString::fromStdString(human_count(value));
  default:
    return QString::fromStdString(human_duration(value));
  }
}

} // namespace conlab::ui
