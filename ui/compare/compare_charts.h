// Two runs' charts overlaid: one set of results holding both runs' variants, relabelled "A /b"
// and "B /b" and paired by colour, so that every chart of a single run draws the comparison;
// then the B side of each chart drawn dashed (lines) or hatched (bars).
#pragma once

#include "core/results/results.h"
#include "ui/charts/chart_data.h"

#include <QString>

class QChart;

namespace conlab::ui {

// A's and B's variants, each B right after the A of the same label (B's others at the end),
// labelled "<a_tag> <label>" and "<b_tag> <label>". The experiment is A's, renamed "A vs B".
RunResults overlay_results(const RunResults &a, const RunResults &b, const QString &a_tag,
                           const QString &b_tag);

// Chart data of overlay_results, with each label's two variants in one colour. Thread-safe.
ChartData overlay_chart_data(const RunResults &a, const RunResults &b, const QString &a_tag,
                             const QString &b_tag);

// Two sweeps the same way: at every grid point both measured, A's and B's variants labelled and
// paired by colour as above, without the simulation (the dashed line would read as B's) and
// without the knees (A's and B's would overlap; each sweep's own charts mark them).
RunResults overlay_sweep_results(const RunResults &a, const RunResults &b, const QString &a_tag,
                                 const QString &b_tag);
ChartData overlay_sweep_chart_data(const RunResults &a, const RunResults &b, const QString &a_tag,
                                   const QString &b_tag);

// Draws the series and bar sets whose name starts with "<b_tag> " dashed or hatched.
void mark_candidate_series(QChart *chart, const QString &b_tag);

} // namespace conlab::ui
