#include "ui/capacity/capacity_report.h"

#include "core/util/format.h"
#include "ui/charts/chart_style.h"
#include "ui/report/report_words.h"

#include <cmath>
#include <memory>

namespace conlab::ui {
namespace {

QString text(const std::string &s) { return printable(s); }
QString rate(double r) { return text(human_rate(r)) + tr_("/s"); }

ReportSection answer_section(const CapacityResults &r) {
  ReportSection s{QStringLiteral("capacity"), tr_("Capacity"), {}};
  s.blocks.push_back(
      ReportParagraph{tr_("Measured: %1.").arg(text(describe_capacity(r.measured)))});
  if (r.predicted) {
    s.blocks.push_back(
        ReportParagraph{tr_("Predicted by the simulator (an ideal machine, the same runs): %1.")
                            .arg(text(describe_capacity(*r.predicted)))});
    if (r.measured.capacity_per_s && r.predicted->capacity_per_s)
      s.blocks.push_back(ReportParagraph{
          tr_("Measured ÷ predicted: %1.")
              .arg(
                  text(human_percent(*r.measured.capacity_per_s / *r.predicted->capacity_per_s)))});
  }
  const CapacityLimits &l = r.measured.limits;
  s.blocks.push_back(ReportParagraph{
      tr_("How it was searched: %1 arrivals from %2, doubling until %3 broke, then bisecting to "
          "within %4, with %5 runs at each rate near the boundary (the majority decides). Each run "
          "sent for at least %6 and %7 requests; a request that failed counts as too slow.")
          .arg(text(r.arrivals), rate(l.start_rate_per_s), text(r.measured.slo.text),
               text(human_percent(l.precision)), QString::number(l.runs_per_step),
               text(human_duration(l.run_duration_s)),
               l.min_requests > 0 ? QString::number(l.min_requests)
                                  : QString::number(fewest_requests(r.measured.slo)))});
  return s;
}

ReportSection runs_section(const CapacityResults &r) {
  ReportSection s{QStringLiteral("runs"), tr_("Every rate tried"), {}};
  const QString metric = text(r.measured.slo.metric());
  ReportTable t;
  t.header = {tr_("rate"), tr_("runs"), tr_("%1 (median)").arg(metric), tr_("verdict")};
  t.number_columns = {0, 1, 2};
  for (const RateVerdict &v : verdicts_by_rate(r.measured))
    t.rows << QStringList{rate(v.rate_per_s), QString::number(v.runs),
                          capacity_value_text(v.median_value_s),
                          capacity_verdict_text(v.met, v.queue_growing)};
  t.note = tr_("The %1 of each run is the worse of the whole run's and its last third's. A run "
               "whose requests due in its last third waited clearly longer than those due in its "
               "middle third misses whatever its %1: its queue was still growing.")
               .arg(metric);
  s.blocks.push_back(std::move(t));
  return s;
}

ReportSection where_section(const CapacityResults &r) {
  ReportSection s{QStringLiteral("environment"), tr_("Environment"), {}};
  const Environment &env = r.environment;
  ReportTable t;
  const auto row = [&](const QString &name, const QString &value) {
    t.rows << QStringList{name, value.isEmpty() ? tr_("—") : value};
  };
  row(tr_("Target"), text(r.target));
  if (!r.model.empty())
    row(tr_("Model"), text(r.model));
  if (r.time_scale != 1)
    row(tr_("Time scale"), describe_time_scale(r.time_scale));
  if (r.server)
    row(tr_("Server under test"),
        tr_("%1 (output in %2)").arg(text(r.server->command), text(r.server->log_path)));
  row(tr_("CPU"), text(env.cpu_model));
  row(tr_("Cores"), tr_("%1 available to the run").arg(env.cores));
  row(tr_("Operating system"), text(env.os));
  row(tr_("Build type"), text(env.build_type));
  row(tr_("Lab version"), text(env.lab_version));
  row(tr_("Started"), text(env.started_at));
  s.blocks.push_back(std::move(t));
  return s;
}

} // namespace

QString capacity_value_text(double value_s) {
  return std::isfinite(value_s) ? text(human_duration(value_s)) : tr_("— (too many failed)");
}

QString capacity_verdict_text(bool met, bool queue_growing) {
  return met             ? tr_("meets")
         : queue_growing ? tr_("misses (its queue kept growing)")
                         : tr_("misses");
}

ReportDocument build_capacity_report(const CapacityResults &results, const ReportOptions &options) {
  ReportDocument d;
  d.title = options.title.isEmpty()
                ? tr_("Capacity of %1 for %2 — Concurrency Lab report")
                      .arg(text(results.target), text(results.measured.slo.text))
                : options.title;
  d.subtitle = tr_("%1 runs on %2, %3")
                   .arg(QString::number(results.measured.runs.size()),
                        text(results.environment.hostname), text(results.environment.started_at));
  d.sections.push_back(answer_section(results));
  auto data = std::make_shared<const ChartData>(build_chart_data(results));
  ReportSection chart{QStringLiteral("charts"), tr_("Chart"), {}};
  chart.blocks.push_back(report_chart(
      ChartKind::capacity, data, options.charts, chart_name(ChartKind::capacity),
      chart_title(ChartKind::capacity),
      tr_("Each point is one run: its response-time percentile at that arrival rate. The line "
          "joins the medians; the dashed line is the SLO, the vertical line the capacity found."),
      0.55));
  d.sections.push_back(std::move(chart));
  d.sections.push_back(runs_section(results));
  d.sections.push_back(where_section(results));
  return d;
}

} // namespace conlab::ui
