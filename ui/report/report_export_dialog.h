// File → Export report…: asks where to write the report of the results shown (HTML or PDF, by
// the file's suffix or the chosen filter), writes it, and says how it went.
#pragma once

#include "core/results/results.h"
#include "ui/charts/chart_factory.h"

#include <QString>

class QMainWindow;

namespace conlab::ui {

// Returns the path written; empty when there were no results, the person cancelled, or writing
// failed (then a message box says why). Success shows in the window's status bar.
QString export_report_dialog(QMainWindow *window, const RunResults *results,
                             const ChartOptions &charts, const QString &directory);

// The path the dialog's answer means: `chosen` as typed, with the selected filter's suffix
// added when it has none ("report" + "PDF report (*.pdf)" → "report.pdf").
QString report_path_with_suffix(const QString &chosen, const QString &selected_filter);

} // namespace conlab::ui
