// The report's sweep sections. The sweep results format is being settled in core/sweep*; until
// it is, a report has no sweep sections. To add them: read the results' sweep member here and
// append one section ("sweep", heading "Sweep") with a table of the grid and a ReportChart per
// sweep chart (`make` builds the chart from data captured by value). The HTML and PDF writers
// need no change: they lay out any section made of the blocks in report_document.h.
#include "report_document.h"

namespace conlab::ui {

void append_sweep_sections(const RunResults &results, const ReportOptions &options,
                           std::vector<ReportSection> &sections) {
  (void)results;
  (void)options;
  (void)sections;
}

} // namespace conlab::ui
