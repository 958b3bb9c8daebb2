#include "ui/report/report_document.h"

#include "core/util/format.h"
#include "ui/charts/chart_style.h"
#include "ui/report/report_words.h"

namespace conlab::ui {

std::vector<const ReportChart *> ReportDocument::charts() const {
  std::vector<const ReportChart *> out;
  for (const ReportSection &section : sections)
    for (const ReportBlock &block : section.blocks)
      if (const auto *chart = std::get_if<ReportChart>(&block))
        out.push_back(chart);
  return out;
}

ReportDocument build_report(const RunResults &results, const ReportOptions &options) {
  ReportDocument doc;
  const QString name = printable(results.experiment.name);
  doc.title = !options.title.isEmpty() ? printable(options.title)
              : name.isEmpty()         ? tr_("Concurrency Lab report")
                                       : tr_("%1 — Concurrency Lab report").arg(name);
  QString status;
  if (results.status == RunStatus::cancelled)
    status = tr_(" Cancelled: the numbers cover what was measured before the cancel.");
  else if (results.status == RunStatus::failed)
    status = tr_(" The run failed: %1").arg(printable(results.error));
  doc.subtitle = tr_("Run on %1 (%2 cores), started %3, took %4.%5")
                     .arg(printable(results.environment.hostname))
                     .arg(results.environment.cores)
                     .arg(printable(results.environment.started_at),
                          QString::fromStdString(human_span(results.wall_time_s)), status);

  doc.sections.push_back(experiment_section(results));
  doc.sections.push_back(environment_section(results));
  // A sweep's results are per point (results.variants is empty): its own sections say it all.
  if (!results.variants.empty()) {
    doc.sections.push_back(summary_section(results));
    if (split_any_causes(results))
      doc.sections.push_back(causes_section(results));
    if (ran_under_a_gil(results))
      doc.sections.push_back(gil_section(results));
    if (ran_worker_processes(results))
      doc.sections.push_back(processes_section(results));
    doc.sections.push_back(cost_section(results));
    doc.sections.push_back(prediction_section(results));
    doc.sections.push_back(charts_section(results, options));
    doc.sections.push_back(explanations_section(results));
  }
  append_sweep_sections(results, options, doc.sections);
  append_compare_section(results, options, doc.sections);
  return doc;
}

} // namespace conlab::ui
