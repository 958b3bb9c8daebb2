// The catalogue of result charts: their names (as the CLI spells them), titles, and one call
// that builds any of them from prepared ChartData. A single run has ten; a sweep has its own.
#pragma once

#include "ui/charts/chart_data.h"

#include <QList>
#include <QString>

#include <optional>

class QChart;

namespace conlab::ui {

enum class ChartKind {
  summary,
  causes, // where each variant's response time went
  cost,
  cdf,
  histogram,
  latencymap,
  throughput,
  inflight,
  timeline,
  looplag, // a single run's
  server,  // a run that watched its server (load --watch)
  sweep,
  heatmap, // a sweep's
  capacity // a capacity search's
};

struct ChartOptions {
  bool log_axes = true;   // log scales where the data spans decades
  bool cdf_log_x = false; // response-time CDF on a log x axis whatever the span
  SweepMetric sweep_metric = SweepMetric::throughput; // what the sweep charts draw
  bool dark = false;                                  // the sweep charts on a dark background
};

const QList<ChartKind> &all_chart_kinds();   // every single run's charts
const QList<ChartKind> &sweep_chart_kinds(); // a sweep's charts
// Every chart that has a tab in the lab: a run's, the server chart, a sweep's.
const QList<ChartKind> &tabbed_chart_kinds();
// The charts the data can fill: a sweep's (the heatmap only with two parameters), or a run's
// (the server chart only when it watched its server).
QList<ChartKind> chart_kinds_for(const ChartData &data);
QString chart_name(ChartKind kind);  // "summary", "cdf", ... (file names, CLI)
QString chart_title(ChartKind kind); // "Makespan and throughput", ... (tabs, dialogs)
std::optional<ChartKind> chart_kind_from_name(const QString &name);

// A new chart owned by the caller; no animations, so it renders the same on screen and off.
QChart *make_chart(ChartKind kind, const ChartData &data, const ChartOptions &options = {});

// One chart per kind: each lives in its own file.
QChart *make_summary_chart(const ChartData &data, const ChartOptions &options);
QChart *make_causes_chart(const ChartData &data, const ChartOptions &options);
QChart *make_cost_chart(const ChartData &data, const ChartOptions &options);
QChart *make_cdf_chart(const ChartData &data, const ChartOptions &options);
QChart *make_histogram_chart(const ChartData &data, const ChartOptions &options);
QChart *make_latencymap_chart(const ChartData &data, const ChartOptions &options);
QChart *make_throughput_chart(const ChartData &data, const ChartOptions &options);
QChart *make_inflight_chart(const ChartData &data, const ChartOptions &options);
QChart *make_timeline_chart(const ChartData &data, const ChartOptions &options);
QChart *make_looplag_chart(const ChartData &data, const ChartOptions &options);
QChart *make_server_chart(const ChartData &data, const ChartOptions &options);
QChart *make_sweep_chart(const ChartData &data, const ChartOptions &options);
QChart *make_sweep_heatmap(const ChartData &data, const ChartOptions &options);
QChart *make_capacity_chart(const ChartData &data, const ChartOptions &options);

// The title suffix every chart shares: experiment name, time scale, "cancelled" when it was.
QString run_caption(const ChartData &data);
// For the response-time charts of a run beyond its sample budget: " · beyond the first 1,000,000
// samples, from binned times (to 0.1%)"; empty when every sample was kept.
QString binned_note(const ChartData &data);

} // namespace conlab::ui
