#include "ui/charts/chart_factory.h"

#include "ui/charts/chart_style.h"

#include <QChart>
#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace conlab::ui {

const QList<ChartKind> &all_chart_kinds() {
  static const QList<ChartKind> kinds = {
      ChartKind::summary,   ChartKind::causes,     ChartKind::cost,       ChartKind::cdf,
      ChartKind::histogram, ChartKind::latencymap, ChartKind::throughput, ChartKind::inflight,
      ChartKind::timeline,  ChartKind::looplag};
  return kinds;
}

const QList<ChartKind> &sweep_chart_kinds() {
  static const QList<ChartKind> kinds = {ChartKind::sweep, ChartKind::heatmap};
  return kinds;
}

const QList<ChartKind> &tabbed_chart_kinds() {
  static const QList<ChartKind> kinds =
      all_chart_kinds() + QList<ChartKind>{ChartKind::server} + sweep_chart_kinds();
  return kinds;
}

QList<ChartKind> chart_kinds_for(const ChartData &data) {
  if (data.capacity)
    return {ChartKind::capacity};
  if (!data.sweep) {
    QList<ChartKind> kinds = all_chart_kinds();
    if (std::any_of(data.variants.begin(), data.variants.end(),
                    [](const VariantChartData &v) { return v.watched; }))
      kinds << ChartKind::server;
    return kinds;
  }
  if (data.sweep->axes() < 2)
    return {ChartKind::sweep};
  return sweep_chart_kinds();
}

QString chart_name(ChartKind kind) {
  switch (kind) {
  case ChartKind::summary:
    return QStringLiteral("summary");
  case ChartKind::causes:
    return QStringLiteral("causes");
  case ChartKind::cost:
    return QStringLiteral("cost");
  case ChartKind::cdf:
    return QStringLiteral("cdf");
  case ChartKind::histogram:
    return QStringLiteral("histogram");
  case ChartKind::latencymap:
    return QStringLiteral("latencymap");
  case ChartKind::throughput:
    return QStringLiteral("throughput");
  case ChartKind::inflight:
    return QStringLiteral("inflight");
  case ChartKind::timeline:
    return QStringLiteral("timeline");
  case ChartKind::looplag:
    return QStringLiteral("looplag");
  case ChartKind::server:
    return QStringLiteral("server");
  case ChartKind::sweep:
    return QStringLiteral("sweep");
  case ChartKind::heatmap:
    return QStringLiteral("heatmap");
  case ChartKind::capacity:
    return QStringLiteral("capacity");
  }
  return {};
}

QString chart_title(ChartKind kind) {
  switch (kind) {
  case ChartKind::summary:
    return QCoreApplication::translate("conlab::ui", "Makespan and throughput");
  case ChartKind::causes:
    return QCoreApplication::translate("conlab::ui", "Where the time went");
  case ChartKind::cost:
    return QCoreApplication::translate("conlab::ui", "Cost per task");
  case ChartKind::cdf:
    return QCoreApplication::translate("conlab::ui", "Response time (CDF)");
  case ChartKind::histogram:
    return QCoreApplication::translate("conlab::ui", "Response time (histogram)");
  case ChartKind::latencymap:
    return QCoreApplication::translate("conlab::ui", "Response time over time (heatmap)");
  case ChartKind::throughput:
    return QCoreApplication::translate("conlab::ui", "Throughput over time");
  case ChartKind::inflight:
    return QCoreApplication::translate("conlab::ui", "In flight over time");
  case ChartKind::timeline:
    return QCoreApplication::translate("conlab::ui", "Thread timeline");
  case ChartKind::looplag:
    return QCoreApplication::translate("conlab::ui", "Event-loop lag");
  case ChartKind::server:
    return QCoreApplication::translate("conlab::ui", "Server under load");
  case ChartKind::sweep:
    return QCoreApplication::translate("conlab::ui", "Sweep");
  case ChartKind::heatmap:
    return QCoreApplication::translate("conlab::ui", "Sweep heatmap");
  case ChartKind::capacity:
    return QCoreApplication::translate("conlab::ui", "Capacity under an SLO");
  }
  return {};
}

std::optional<ChartKind> chart_kind_from_name(const QString &name) {
  for (const QList<ChartKind> *kinds : {&all_chart_kinds(), &sweep_chart_kinds()})
    for (ChartKind kind : *kinds)
      if (chart_name(kind) == name)
        return kind;
  for (ChartKind kind : {ChartKind::capacity, ChartKind::server})
    if (name == chart_name(kind))
      return kind;
  return std::nullopt;
}

QChart *make_chart(ChartKind kind, const ChartData &data, const ChartOptions &options) {
  switch (kind) {
  case ChartKind::summary:
    return make_summary_chart(data, options);
  case ChartKind::causes:
    return make_causes_chart(data, options);
  case ChartKind::cost:
    return make_cost_chart(data, options);
  case ChartKind::cdf:
    return make_cdf_chart(data, options);
  case ChartKind::histogram:
    return make_histogram_chart(data, options);
  case ChartKind::latencymap:
    return make_latencymap_chart(data, options);
  case ChartKind::throughput:
    return make_throughput_chart(data, options);
  case ChartKind::inflight:
    return make_inflight_chart(data, options);
  case ChartKind::timeline:
    return make_timeline_chart(data, options);
  case ChartKind::looplag:
    return make_looplag_chart(data, options);
  case ChartKind::server:
    return make_server_chart(data, options);
  case ChartKind::sweep:
    return make_sweep_chart(data, options);
  case ChartKind::heatmap:
    return make_sweep_heatmap(data, options);
  case ChartKind::capacity:
    return make_capacity_chart(data, options);
  }
  return nullptr;
}

QString run_caption(const ChartData &data) {
  QString caption = data.experiment_name;
  if (data.time_scale != 1)
    caption += QCoreApplication::translate("conlab::ui", " · durations × %1").arg(data.time_scale);
  if (data.cancelled)
    caption += QCoreApplication::translate("conlab::ui", " · cancelled, partial");
  return caption;
}

QString binned_note(const ChartData &data) {
  std::uint32_t kept = 0;
  for (const VariantChartData &v : data.variants)
    if (v.folded_tasks > 0)
      kept = std::max(kept, v.kept_samples);
  if (kept == 0)
    return {};
  return QCoreApplication::translate("conlab::ui",
                                     " · beyond the first %1 samples, from binned times (to 0.1%)")
      .arg(chart_locale().toString(kept));
}

} // namespace conlab::ui
