// The report of a capacity search (conlab-cli report CAPACITY.json): the answer in words, the
// chart, every rate with its runs, and where it ran. Laid out by the same HTML and PDF writers
// as a run's report.
#pragma once

#include "core/capacity/capacity_results.h"
#include "ui/report/report_document.h"

namespace conlab::ui {

// How one run's (or one rate's median) SLO value and verdict read, in the report's table and in
// the search dialog's log alike: "— (too many failed)", "misses (its queue kept growing)".
QString capacity_value_text(double value_s);
QString capacity_verdict_text(bool met, bool queue_growing);

ReportDocument build_capacity_report(const CapacityResults &results,
                                     const ReportOptions &options = {});

} // namespace conlab::ui
