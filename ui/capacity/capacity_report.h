// The report of a capacity search (conlab-cli report CAPACITY.json): the answer in words, the
// chart, every rate with its runs, and where it ran. Laid out by the same HTML and PDF writers
// as a run's report.
#pragma once

#include "core/capacity/capacity_results.h"
#include "ui/report/report_document.h"

namespace conlab::ui {

ReportDocument build_capacity_report(const CapacityResults &results,
                                     const ReportOptions &options = {});

} // namespace conlab::ui
