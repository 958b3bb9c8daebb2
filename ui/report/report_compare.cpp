// The report's "Compared with" section: this run (B) against a baseline (A), by the rules of
// `conlab-cli compare` (core/compare): the gate's verdict, where it changed, a table of the main
// metrics and the charts with both overlaid (B dashed). Two sweeps compare point by point.
#include "core/compare/compare_text.h"
#include "core/compare/sweep_compare.h"
#include "core/util/format.h"
#include "ui/charts/chart_style.h"
#include "ui/compare/compare_charts.h"
#include "ui/report/report_document.h"
#include "ui/report/report_words.h"

#include <QChart>

#include <span>

namespace conlab::ui {
namespace {

const QString kA = QStringLiteral("A");
const QString kB = QStringLiteral("B");

// The metrics the table shows; `conlab-cli compare --json` has them all. A sweep's table has a
// row per point and variant, so only the gate's metric and throughput.
constexpr Metric kRunMetrics[] = {Metric::makespan, Metric::throughput, Metric::latency_p50,
                                  Metric::latency_p99};
constexpr Metric kSweepMetrics[] = {Metric::latency_p99, Metric::throughput};

QString text(const std::string &s) { return printable(s); }

ReportTable metrics_table(const Comparison &c, std::span<const Metric> metrics) {
  ReportTable t;
  t.header = {tr_("variant"), tr_("metric"),          kA, kB, tr_("B − A"), tr_("B/A"),
              tr_("verdict"), tr_("run-to-run noise")};
  t.number_columns = {2, 3, 4, 5};
  for (const VariantComparison &v : c.variants)
    for (Metric metric : metrics) {
      const MetricComparison *m = v.find(metric);
      if (!m || (!m->baseline && !m->candidate))
        continue;
      t.rows.push_back(
          {text(v.label), text(std::string(metric_info(metric).title)),
           text(compare_value_text(metric, m->baseline)),
           text(compare_value_text(metric, m->candidate)),
           m->measured() ? text(metric_delta_text(metric, m->delta())) : QStringLiteral("—"),
           text(compare_ratio_text(*m)), text(compare_verdict_text(*m)),
           text(compare_noise_text(*m))});
    }
  t.note = tr_("A and B are the means over each side's runs (every complete repeat is one run); "
               "the noise is Welch's t interval of B − A over the per-run values, at %1.")
               .arg(text(confidence_text(c.confidence)));
  return t;
}

// The chart as a single run's report draws it, then B's series dashed or hatched.
ReportChart overlaid(ReportChart chart) {
  chart.make = [make = std::move(chart.make)] {
    QChart *made = make();
    mark_candidate_series(made, kB);
    return made;
  };
  return chart;
}

void add_verdict(ReportSection &s, const Comparison &c, const SweepComparison *sweep) {
  const GateReport gate = apply_gate(c, RegressionGate{});
  QStringList lines;
  lines << tr_("Verdict on %1 (threshold %2): %3.")
               .arg(text(std::string(metric_info(gate.gate.metric).title)),
                    text(human_percent(gate.gate.threshold)), text(gate_result_text(gate)));
  if (sweep)
    lines << tr_("Point by point: %1. Each interval is %2, so that the %3 points and variants "
                 "together keep 95%.")
                 .arg(text(changed_points_text(*sweep, gate.gate.metric)),
                      text(confidence_text(sweep->point_confidence)))
                 .arg(sweep->pairs);
  s.blocks.push_back(ReportParagraph{glue_units(lines.join(QLatin1Char(' ')))});
  std::size_t hidden = 0; // a grid of single runs would list every pair
  for (const std::string &line : gate_lines(c, gate, sweep != nullptr, 3, hidden))
    s.blocks.push_back(ReportParagraph{glue_units(text(line))});
  if (hidden > 0)
    s.blocks.push_back(ReportParagraph{tr_("… and %1 more without a verdict.").arg(hidden)});
  QStringList notes;
  for (const std::string &w : comparison_warnings(c, gate.gate.metric))
    notes << tr_("Warning: %1").arg(text(w));
  for (const std::string &n : c.notes)
    notes << text(n);
  if (!notes.isEmpty())
    s.blocks.push_back(ReportParagraph{glue_units(notes.join(QLatin1Char(' ')))});
}

void add_sweep_charts(ReportSection &s, const RunResults &a, const RunResults &b,
                      const ReportOptions &options) {
  auto data = std::make_shared<ChartData>(overlay_sweep_chart_data(a, b, kA, kB));
  make_printable(*data);
  if (data->sweep) {
    auto sweep = std::make_shared<SweepChartData>(*data->sweep);
    for (QString &label : sweep->variant_labels)
      label = printable(label);
    data->sweep = std::move(sweep);
  }
  ChartOptions light = options.charts;
  light.dark = false;
  for (SweepMetric metric : {SweepMetric::p99, SweepMetric::throughput}) {
    light.sweep_metric = metric;
    s.blocks.push_back(overlaid(report_chart(
        ChartKind::sweep, data, light,
        QStringLiteral("compare-sweep-") + QString::fromLatin1(to_string(metric)),
        text(metric_title(metric)),
        tr_("A solid, B dashed, each variant in one colour; the band is the min–max over "
            "repeats."),
        0.6)));
  }
}

void add_run_charts(ReportSection &s, const RunResults &a, const RunResults &b,
                    const ReportOptions &options) {
  auto data = std::make_shared<ChartData>(overlay_chart_data(a, b, kA, kB));
  make_printable(*data);
  ChartOptions light = options.charts;
  light.dark = false;
  for (ChartKind kind : {ChartKind::summary, ChartKind::cdf})
    s.blocks.push_back(overlaid(report_chart(
        kind, data, light, QStringLiteral("compare-") + chart_name(kind), chart_title(kind),
        tr_("A and B side by side, each variant in one colour; B's bars are hatched and its "
            "lines dashed."),
        kind == ChartKind::summary ? 0.62 : 0.55)));
}

} // namespace

void append_compare_section(const RunResults &results, const ReportOptions &options,
                            std::vector<ReportSection> &sections) {
  if (!options.baseline)
    return;
  const RunResults &a = *options.baseline;
  ReportSection s{
      QStringLiteral("compare"), tr_("Compared with %1").arg(printable(options.baseline_name)), {}};
  s.blocks.push_back(ReportParagraph{
      tr_("A, the baseline, is %1 (%2 repeats, started %3); B is this report's run (%4 "
          "repeats).")
          .arg(printable(options.baseline_name))
          .arg(a.experiment.repeats)
          .arg(printable(a.environment.started_at))
          .arg(results.experiment.repeats)});
  CompareOptions compare_options;
  compare_options.allow_mixed_machines = options.allow_mixed;
  try {
    if (a.sweep || results.sweep) {
      const SweepComparison sweep = compare_sweeps(a, results, compare_options);
      const Comparison flat = as_one_comparison(sweep);
      add_verdict(s, flat, &sweep);
      add_sweep_charts(s, a, results, options);
      s.blocks.push_back(metrics_table(flat, kSweepMetrics));
    } else {
      const Comparison c = compare_runs(a, results, compare_options);
      add_verdict(s, c, nullptr);
      add_run_charts(s, a, results, options);
      s.blocks.push_back(metrics_table(c, kRunMetrics));
    }
  } catch (const std::exception &e) {
    s.blocks.push_back(ReportParagraph{tr_("Cannot compare: %1").arg(text(e.what()))});
  }
  sections.push_back(std::move(s));
}

} // namespace conlab::ui
