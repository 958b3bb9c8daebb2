#include "ui/compare/compare_charts.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QXYSeries>

#include <map>

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

} // namespace

RunResults overlay_results(const RunResults &a, const RunResults &b, const QString &a_tag,
                           const QString &b_tag) {
  RunResults merged;
  merged.experiment = a.experiment;
  merged.experiment.name = a_tag.toStdString() + " vs " + b_tag.toStdString();
  merged.experiment.variants.clear();
  merged.environment = a.environment;
  merged.calibration = a.calibration;
  merged.status = a.status == RunStatus::completed ? b.status : a.status;
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
