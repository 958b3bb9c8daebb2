#include "ui/run/explanation_view.h"

#include "core/sweep/sweep_analysis.h"
#include "core/util/format.h"
#include "ui/charts/chart_style.h"
#include "ui/i18n/core_text.h"
#include "ui/run/explanation_text.h"
#include "ui/sweep/sweep_findings_text.h"

namespace conlab::ui {
namespace {

// A sweep's findings per variant (knee, USL fit, disagreements with the simulation): what the
// analysis can say from the points finished so far.
QString sweep_html(const RunResults &results, const SweepAnalysis &analysis) {
  const Experiment &e = results.experiment;
  const SweepResults &sweep = *results.sweep;
  QString html = ExplanationView::tr("<p><b>Sweep</b> over %1: %2 of %3 runs done.</p>")
                     .arg(SweepText::grid(*e.sweep).toHtmlEscaped())
                     .arg(sweep.runs_done)
                     .arg(sweep.runs_total);
  for (std::size_t i = 0; i < analysis.variants.size() && i < e.variants.size(); ++i) {
    QString findings;
    for (const QString &f : SweepText::findings(*e.sweep, sweep, analysis.variants[i]))
      findings += QStringLiteral("<li>%1</li>").arg(f.toHtmlEscaped());
    if (findings.isEmpty())
      findings = ExplanationView::tr("<li>nothing to say yet: no point is finished</li>");
    html += QStringLiteral("<p><span style='color:%1;font-size:large'>■</span> <b>%2</b> "
                           "<span style='color:#555'>%3</span></p><ul>%4</ul>")
                .arg(variant_colour(static_cast<int>(i)).name(),
                     QString::fromStdString(e.variants[i].label).toHtmlEscaped(),
                     QString::fromStdString(e.variants[i].model).toHtmlEscaped(), findings);
  }
  return html;
}

} // namespace

ExplanationView::ExplanationView(QWidget *parent) : QTextBrowser(parent) {
  setOpenLinks(false);
  set_results(nullptr, nullptr);
}

void ExplanationView::set_results(const RunResults *results, const SweepChartData *sweep) {
  if (!results) {
    setHtml(tr("<p style='color:#666'>Run the experiment (Ctrl+R) to see, for each variant, "
               "what was measured and why.</p>"));
    return;
  }
  QString html;
  if (results->status == RunStatus::cancelled)
    html += tr("<p><b>Cancelled:</b> these numbers cover what was measured before the "
               "cancel.</p>");
  if (results->status == RunStatus::failed)
    html += tr("<p style='color:#b00'><b>The run failed:</b> %1</p>")
                .arg(QString::fromStdString(results->error).toHtmlEscaped());
  if (results->sweep && results->experiment.sweep && sweep)
    return setHtml(html + sweep_html(*results, sweep->analysis));
  for (std::size_t i = 0; i < results->variants.size(); ++i) {
    const VariantResult &v = results->variants[i];
    const QString colour = variant_colour(static_cast<int>(i)).name();
    html += QStringLiteral("<p><span style='color:%1;font-size:large'>■</span> <b>%2</b> "
                           "<span style='color:#555'>%3</span><br>%4</p>")
                .arg(colour, QString::fromStdString(v.label).toHtmlEscaped(),
                     tr("%1 · %2 measured, %3")
                         .arg(QString::fromStdString(v.model).toHtmlEscaped(),
                              QString::fromStdString(human_duration(v.summary.makespan_s)),
                              v.prediction.makespan_s
                                  ? tr("predicted %1 (%2)")
                                        .arg(QString::fromStdString(
                                                 human_duration(*v.prediction.makespan_s)),
                                             formula_text(v.prediction.formula).toHtmlEscaped())
                                  : formula_text(v.prediction.formula).toHtmlEscaped()),
                     ExplanationText::of(*results, v).toHtmlEscaped());
  }
  setHtml(html);
}

} // namespace conlab::ui
