// The sweep report: one row per point in grid order, per variant the metric's mean over repeats
// with its min–max range, the simulation beside it and a mark where they disagree by > 10%.
#include "app/cli/cli_sweep.h"

#include "app/cli/cli_table.h"
#include "core/sweep/sweep.h"
#include "core/sweep/sweep_analysis.h"
#include "core/util/format.h"

#include <cmath>
#include <ostream>

namespace conlab::cli {
namespace {

std::string metric_text(SweepMetric metric, double value) {
  if (!std::isfinite(value))
    return std::string(kDash);
  switch (metric) {
  case SweepMetric::throughput:
    return human_rate(value) + "/s";
  case SweepMetric::cpu_utilization:
    return human_percent(value);
  case SweepMetric::memory_per_task:
    return human_bytes(value);
  case SweepMetric::switches_per_task:
    return human_count(value);
  default:
    return human_duration(value);
  }
}

std::string measured_cell(const SweepVariantPoint &v, SweepMetric metric, int repeats) {
  const std::optional<double> mean = v.mean(metric);
  if (!mean)
    return std::string(kDash);
  std::string text = metric_text(metric, *mean);
  if (repeats > 1 && *v.min(metric) != *v.max(metric))
    text += " (" + metric_text(metric, *v.min(metric)) + "–" + metric_text(metric, *v.max(metric)) +
            ")";
  return text;
}

bool disagrees(const SweepVariantAnalysis &a, std::size_t point) {
  for (const Disagreement &d : a.disagreements)
    if (d.point == point)
      return true;
  return false;
}

} // namespace

void print_sweep_report(std::ostream &out, const RunResults &results, SweepMetric metric,
                        std::size_t width) {
  const Experiment &e = results.experiment;
  if (!results.sweep || !e.sweep)
    return;
  const SweepResults &sweep = *results.sweep;
  const SweepAnalysis analysis = analyze_sweep(e, sweep);
  out << e.name << ": " << metric_title(metric) << ", mean over " << e.repeats
      << (e.repeats == 1 ? " repeat" : " repeats (min–max)") << "; sim = simulated";
  if (metric != SweepMetric::makespan)
    out << "; ≠ compares makespans";
  out << "\n\n";
  Table table;
  for (const SweepAxis &axis : e.sweep->axes)
    table.add_column(axis_label(axis), Align::right);
  for (const Variant &v : e.variants) {
    table.add_column(v.label, Align::right);
    table.add_column("sim", Align::right);
  }
  for (std::size_t p = 0; p < sweep.points.size(); ++p) {
    const SweepPoint &point = sweep.points[p];
    std::vector<std::string> row;
    for (std::size_t a = 0; a < point.values.size(); ++a)
      row.push_back(e.sweep->axes[a].parameter == SweepParameter::cpu_share
                        ? human_percent(point.values[a])
                        : human_count(point.values[a]));
    for (std::size_t v = 0; v < point.variants.size(); ++v) {
      const SweepVariantPoint &vp = point.variants[v];
      if (!vp.beyond_machine.empty()) { // said once below the table
        row.push_back("beyond the machine");
        row.push_back(std::string(kDash));
        continue;
      }
      row.push_back(measured_cell(vp, metric, e.repeats) +
                    (disagrees(analysis.variants[v], p) ? " ≠" : ""));
      row.push_back(vp.simulated ? metric_text(metric, metric_value(*vp.simulated, metric))
                                 : std::string(kDash));
    }
    table.add_row(std::move(row));
  }
  table.print(out);
  out << '\n';
  // Where a variant stopped: how many points were beyond the machine, the first of them and
  // the limit it hit there.
  for (std::size_t v = 0; v < e.variants.size(); ++v) {
    std::size_t beyond = 0, first = 0;
    for (std::size_t p = 0; p < sweep.points.size(); ++p)
      if (v < sweep.points[p].variants.size() &&
          !sweep.points[p].variants[v].beyond_machine.empty() && beyond++ == 0)
        first = p;
    if (beyond == 0)
      continue;
    const std::string head = e.variants[v].label + ": ";
    const std::string text = "not run at " + std::to_string(beyond) +
                             (beyond == 1 ? " point" : " points") + ", the first " +
                             point_text(*e.sweep, sweep.points[first].values) + ": it " +
                             sweep.points[first].variants[v].beyond_machine;
    const std::vector<std::string> lines = wrap(text, width, display_width(head), 2);
    for (std::size_t i = 0; i < lines.size(); ++i)
      out << (i == 0 ? head : std::string()) << lines[i] << '\n';
  }
  for (const SweepVariantAnalysis &a : analysis.variants) {
    for (const std::string &finding : a.findings) {
      const std::string head = a.label + ": ";
      const std::vector<std::string> lines = wrap(finding, width, display_width(head), 2);
      for (std::size_t i = 0; i < lines.size(); ++i)
        out << (i == 0 ? head : std::string()) << lines[i] << '\n';
    }
  }
  out << "\n" << sweep.runs_done << " of " << sweep.runs_total << " runs done";
  if (results.status != RunStatus::completed)
    out << " (" << to_string(results.status) << ")";
  out << ", " << human_span(results.wall_time_s) << " this session, " << results.environment.cores
      << " cores, time scale " << human_scale(e.time_scale) << "\n";
}

} // namespace conlab::cli
