#include "ui/compare/compare_charts.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QXYSeries>

#include <map>
#include <utility>
#include <vector>

namespace conlab::ui {
namespace {

void add_variant(RunResults &into, const RunResults &from, std::size_t i, const QString &tag) {
  VariantResult v = from.variants[i];
  v.label = (tag + QLatin1Char(' ')).toStdString() + v.label;
  into.variants.push_back(std::move(v));
  // The spec's variant rides along (the charts read its claimed makespan), when it has one.
  if (i < from.experiment.variants.size()) {
    Variant spec = from.experiment.variants[i];
    spec.label = into.variants.back().label;
    into.experiment.variants.push_back(std::move(spec));
  } else {
    into.experiment.variants.emplace_back().label = into.variants.back().label;
  }
}

std::string without_tag(const std::string &label) { return label.substr(label.find(' ') + 1); }

// For each of A's variants its index in B, by label; B's unmatched ones after A's, in order.
std::vector<std::pair<const RunResults *, std::size_t>> paired_order(const RunResults &a,
                                                                     const RunResults &b) {
  std::vector<std::pair<const RunResults *, std::size_t>> order;
  std::vector<bool> placed(b.experiment.variants.size(), false);
  for (std::size_t i = 0; i < a.experiment.variants.size(); ++i) {
    order.emplace_back(&a, i);
    for (std::size_t j = 0; j < b.experiment.variants.size(); ++j)
      if (!placed[j] && b.experiment.variants[j].label == a.experiment.variants[i].label) {
        order.emplace_back(&b, j);
        placed[j] = true;
        break;
      }
  }
  for (std::size_t j = 0; j < placed.size(); ++j)
    if (!placed[j])
      order.emplace_back(&b, j);
  return order;
}

const SweepPoint *point_at(const SweepResults &results, const std::vector<double> &values) {
  for (const SweepPoint &p : results.points)
    if (p.values == values)
      return &p;
  return nullptr;
}

// A's experiment and machine, renamed "A vs B", with no variants yet.
RunResults merged_header(const RunResults &a, const RunResults &b, const QString &a_tag,
                         const QString &b_tag) {
  RunResults merged;
  merged.experiment = a.experiment;
  merged.experiment.name = a_tag.toStdString() + " vs " + b_tag.toStdString();
  merged.experiment.variants.clear();
  merged.environment = a.environment;
  merged.calibration = a.calibration;
  merged.status = a.status == RunStatus::completed ? b.status : a.status;
  return merged;
}

} // namespace

RunResults overlay_results(const RunResults &a, const RunResults &b, const QString &a_tag,
                           const QString &b_tag) {
  RunResults merged = merged_header(a, b, a_tag, b_tag);
  merged.wall_time_s = a.wall_time_s + b.wall_time_s;
  std::vector<bool> placed(b.variants.size(), false);
  for (std::size_t i = 0; i < a.variants.size(); ++i) {
    add_variant(merged, a, i, a_tag);
    for (std::size_t j = 0; j < b.variants.size(); ++j)
      if (!placed[j] && b.variants[j].label == a.variants[i].label) {
        add_variant(merged, b, j, b_tag);
        placed[j] = true;
        break;
      }
  }
  for (std::size_t j = 0; j < b.variants.size(); ++j)
    if (!placed[j])
      add_variant(merged, b, j, b_tag);
  return merged;
}

ChartData overlay_chart_data(const RunResults &a, const RunResults &b, const QString &a_tag,
                             const QString &b_tag) {
  const RunResults merged = overlay_results(a, b, a_tag, b_tag);
  ChartData data = build_chart_data(merged);
  std::map<std::string, int> colour_of; // a label's A and B share a colour
  for (std::size_t i = 0; i < data.variants.size(); ++i) {
    const std::string label = without_tag(merged.variants[i].label);
    data.variants[i].index =
        colour_of.emplace(label, static_cast<int>(colour_of.size())).first->second;
  }
  return data;
}

RunResults overlay_sweep_results(const RunResults &a, const RunResults &b, const QString &a_tag,
                                 const QString &b_tag) {
  RunResults merged = merged_header(a, b, a_tag, b_tag);
  const auto order = paired_order(a, b);
  for (const auto &[from, i] : order) {
    Variant spec = from->experiment.variants[i];
    spec.label = ((from == &a ? a_tag : b_tag) + QLatin1Char(' ')).toStdString() + spec.label;
    merged.experiment.variants.push_back(std::move(spec));
  }
  if (!a.sweep || !b.sweep)
    return merged;
  SweepResults results;
  for (const SweepPoint &pa : a.sweep->points) {
    const SweepPoint *pb = point_at(*b.sweep, pa.values);
    if (!pb)
      continue;
    SweepPoint point{pa.values, {}};
    for (const auto &[from, i] : order) {
      const SweepPoint &source = from == &a ? pa : *pb;
      SweepVariantPoint v = i < source.variants.size() ? source.variants[i] : SweepVariantPoint{};
      v.simulated.reset();
      v.predicted_makespan_s.reset();
      point.variants.push_back(std::move(v));
    }
    results.points.push_back(std::move(point));
  }
  results.runs_done = a.sweep->runs_done + b.sweep->runs_done;
  results.runs_total = a.sweep->runs_total + b.sweep->runs_total;
  merged.sweep = std::move(results);
  return merged;
}

ChartData overlay_sweep_chart_data(const RunResults &a, const RunResults &b, const QString &a_tag,
                                   const QString &b_tag) {
  const RunResults merged = overlay_sweep_results(a, b, a_tag, b_tag);
  ChartData data = build_chart_data(merged);
  if (!data.sweep)
    return data;
  auto sweep = std::make_shared<SweepChartData>(*data.sweep);
  std::map<std::string, int> colour_of; // a label's A and B share a colour
  sweep->variant_colours.clear();
  for (const Variant &v : merged.experiment.variants)
    sweep->variant_colours.push_back(
        colour_of.emplace(without_tag(v.label), static_cast<int>(colour_of.size())).first->second);
  // Each side's knee is in its own sweep's charts; here A's and B's would sit on one another.
  for (SweepVariantAnalysis &v : sweep->analysis.variants)
    v.knee.reset();
  data.sweep = std::move(sweep);
  return data;
}

void mark_candidate_series(QChart *chart, const QString &b_tag) {
  const QString prefix = b_tag + QLatin1Char(' ');
  for (QAbstractSeries *series : chart->series()) {
    if (auto *xy = qobject_cast<QXYSeries *>(series); xy && xy->name().startsWith(prefix)) {
      QPen pen = xy->pen();
      pen.setStyle(Qt::DashLine);
      xy->setPen(pen);
    }
    if (auto *bars = qobject_cast<QAbstractBarSeries *>(series))
      for (QBarSet *set : bars->barSets())
        if (set->label().startsWith(prefix)) {
          QBrush brush(set->color(), Qt::BDiagPattern);
          set->setBrush(brush);
        }
  }
}

} // namespace conlab::ui
