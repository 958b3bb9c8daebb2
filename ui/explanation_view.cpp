#include "explanation_view.h"

#include "chart_style.h"
#include "format.h"

namespace conlab::ui {

ExplanationView::ExplanationView(QWidget *parent) : QTextBrowser(parent) {
  setOpenLinks(false);
  set_results(nullptr);
}

void ExplanationView::set_results(const RunResults *results) {
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
  for (std::size_t i = 0; i < results->variants.size(); ++i) {
    const VariantResult &v = results->variants[i];
    const QString colour = variant_colour(static_cast<int>(i)).name();
    html +=
        QStringLiteral("<p><span style='color:%1;font-size:large'>■</span> <b>%2</b> "
                       "<span style='color:#555'>%3 · %4 measured, %5</span><br>%6</p>")
            .arg(colour, QString::fromStdString(v.label).toHtmlEscaped(),
                 QString::fromStdString(v.model).toHtmlEscaped(),
                 QString::fromStdString(human_duration(v.summary.makespan_s)),
                 v.prediction.makespan_s
                     ? tr("predicted %1 (%2)")
                           .arg(QString::fromStdString(human_duration(*v.prediction.makespan_s)),
                                QString::fromStdString(v.prediction.formula).toHtmlEscaped())
                     : QString::fromStdString(v.prediction.formula).toHtmlEscaped(),
                 QString::fromStdString(v.explanation).toHtmlEscaped());
  }
  setHtml(html);
}

} // namespace conlab::ui
