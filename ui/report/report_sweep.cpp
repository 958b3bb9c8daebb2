// The report's sweep section: the grid in words, each variant's findings (knee, USL fit, where
// measurement and simulation disagree), the sweep charts — a line chart per metric, the heatmaps
// of a two-parameter sweep — and the table of every point, all from the same SweepChartData the
// desktop lab draws from. Light charts whatever the lab's theme: a report is for print.
#include "core/sweep/sweep.h"
#include "core/util/format.h"
#include "ui/charts/chart_style.h"
#include "ui/report/report_document.h"
#include "ui/report/report_words.h"
#include "ui/sweep/sweep_chart_data.h"
#include "ui/sweep/sweep_findings_text.h"

#include <memory>

namespace conlab::ui {
namespace {

QString sweep_in_words(const SweepChartData &d, int repeats) {
  QString text =
      (d.sweep.shuffle ? tr_("Sweep over %1: %2 of %3 runs done, %4 per point, every variant at "
                             "every point, the points in a shuffled order so that the machine's "
                             "drift does not pass for a trend.")
                       : tr_("Sweep over %1: %2 of %3 runs done, %4 per point, every variant at "
                             "every point, the points in grid order."))
          .arg(SweepText::grid(d.sweep))
          .arg(d.results.runs_done)
          .arg(d.results.runs_total)
          .arg(repeats == 1 ? tr_("one run") : tr_("%1 repeats").arg(repeats));
  if (d.results.runs_done < d.results.runs_total)
    text += tr_(" The sweep was not finished: the charts and the table show the points it "
                "measured.");
  return text;
}

QString line_caption(SweepMetric metric, std::size_t axes) {
  QString text = tr_("%1 against the swept parameter, one line per variant: the mean over "
                     "repeats, a band from the lowest to the highest repeat, the simulation "
                     "dashed; a ring marks a point more than 10% from the simulation.")
                     .arg(SweepText::metric_title(metric));
  if (axes == 2)
    text += tr_(" One line per value of the second parameter.");
  if (!simulation_predicts(metric))
    text += tr_(" The simulation models time, not this metric: no dashed line.");
  return text;
}

QString heatmap_caption(SweepMetric metric) {
  return tr_("%1 over both parameters, one panel per variant on one colour scale; a corner mark "
             "flags a point more than 10% from the simulation.")
      .arg(SweepText::metric_title(metric));
}

QString number_or_dash(const std::optional<double> &value, SweepMetric metric) {
  return value ? sweep_metric_text(metric, *value) : tr_("—");
}

QString signed_percent(const std::optional<double> &share) {
  if (!share)
    return tr_("—");
  return QString::fromStdString(human_signed_percent(*share));
}

// Every point and variant: the means the charts draw, and how far the makespan is from the
// simulation (the disagreement the findings name).
ReportTable points_table(const SweepChartData &d) {
  ReportTable t;
  t.header = {tr_("Point"),     tr_("Variant"),       tr_("Runs"),       tr_("Makespan"),
              tr_("Simulated"), tr_("vs simulation"), tr_("Throughput"), tr_("p99")};
  t.number_columns = {2, 3, 4, 5, 6, 7};
  for (const SweepRow &row : sweep_rows(d))
    t.rows << QStringList{SweepText::point(d.sweep, d.results.points[row.point].values),
                          d.variant_labels[row.variant],
                          QString::number(row.runs),
                          number_or_dash(row.makespan, SweepMetric::makespan),
                          number_or_dash(row.simulated_makespan, SweepMetric::makespan),
                          signed_percent(row.versus_simulation),
                          number_or_dash(row.throughput, SweepMetric::throughput),
                          number_or_dash(row.p99, SweepMetric::p99)};
  t.note = tr_("Means over the complete repeats of each point; Runs counts them. vs simulation: "
               "the measured makespan above (+) or below (−) the discrete-event simulation of "
               "the same point.");
  return t;
}

bool any_loop(const SweepChartData &d) {
  for (std::size_t v = 0; v < d.variant_labels.size(); ++v)
    if (d.shows(v, SweepMetric::loop_lag))
      return true;
  return false;
}

} // namespace

void append_sweep_sections(const RunResults &results, const ReportOptions &options,
                           std::vector<ReportSection> &sections) {
  auto chart_data = std::make_shared<ChartData>(build_chart_data(results));
  if (!chart_data->sweep)
    return;
  // Labels come from the user's file and end up in SVG and PDF: without what XML cannot carry.
  auto sweep = std::make_shared<SweepChartData>(*chart_data->sweep);
  for (QString &label : sweep->variant_labels)
    label = printable(label);
  chart_data->experiment_name = printable(chart_data->experiment_name);
  chart_data->sweep = sweep;
  const SweepChartData &d = *sweep;

  ReportSection s{QStringLiteral("sweep"), tr_("Sweep"), {}};
  s.blocks.push_back(ReportParagraph{sweep_in_words(d, results.experiment.repeats)});

  for (std::size_t v = 0; v < d.analysis.variants.size() && v < results.experiment.variants.size();
       ++v) {
    const Variant &spec = results.experiment.variants[v];
    // The findings are clauses (the CLI prints one per line): here they read as sentences.
    QStringList findings;
    for (const QString &f : SweepText::findings(d.sweep, d.results, d.analysis.variants[v]))
      findings << tr_("%1.").arg(f.left(1).toUpper() + f.mid(1));
    if (findings.isEmpty())
      findings << tr_("Nothing to say: no point of this variant was finished.");
    s.blocks.push_back(ReportNote{static_cast<int>(v),
                                  tr_("%1 · %2").arg(printable(spec.label), printable(spec.model)),
                                  {},
                                  findings.join(QLatin1Char(' '))});
  }

  ChartOptions light = options.charts;
  light.dark = false;
  std::vector<SweepMetric> metrics = {SweepMetric::throughput, SweepMetric::makespan,
                                      SweepMetric::p50, SweepMetric::p99,
                                      SweepMetric::cpu_utilization};
  if (any_loop(d))
    metrics.push_back(SweepMetric::loop_lag);
  for (SweepMetric metric : metrics) {
    light.sweep_metric = metric;
    const QString name = QStringLiteral("sweep-") + QString::fromLatin1(to_string(metric));
    s.blocks.push_back(report_chart(ChartKind::sweep, chart_data, light, name,
                                    SweepText::metric_title(metric), line_caption(metric, d.axes()),
                                    0.6));
  }
  if (d.axes() == 2)
    for (SweepMetric metric : {SweepMetric::throughput, SweepMetric::makespan}) {
      light.sweep_metric = metric;
      const QString name = QStringLiteral("heatmap-") + QString::fromLatin1(to_string(metric));
      // Taller: the panels sit side by side above the colour scale.
      s.blocks.push_back(report_chart(ChartKind::heatmap, chart_data, light, name,
                                      SweepText::metric_title(metric), heatmap_caption(metric),
                                      0.7));
    }
  s.blocks.push_back(points_table(d));
  sections.push_back(std::move(s));
}

} // namespace conlab::ui
