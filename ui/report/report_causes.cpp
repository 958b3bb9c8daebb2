// The report's "Where the time went" section: each variant's response time split by cause, as
// shares, beside the largest part; the same causes, names and cut-off as the chart above it.
#include "ui/charts/chart_style.h"
#include "ui/latency/cause_words.h"
#include "ui/report/report_document.h"
#include "ui/report/report_words.h"

#include <algorithm>

namespace conlab::ui {
namespace {

bool is_http_target(const RunResults &results, const VariantResult &v) {
  // The results list the variants in the experiment's order.
  const auto i = static_cast<std::size_t>(&v - results.variants.data());
  return i < results.experiment.variants.size() && results.experiment.variants[i].target;
}

} // namespace

bool split_any_causes(const RunResults &results) {
  return std::any_of(results.variants.begin(), results.variants.end(), [](const VariantResult &v) {
    return split_known(v.summary.causes) != SplitKnown::nothing;
  });
}

ReportSection causes_section(const RunResults &results) {
  ReportSection s{QStringLiteral("causes"), tr_("Where the time went"), {}};
  std::vector<const VariantResult *> rows;
  std::vector<CauseSplit> splits;
  for (const VariantResult &v : results.variants)
    if (split_known(v.summary.causes) != SplitKnown::nothing) {
      rows.push_back(&v);
      splits.push_back(v.summary.causes);
    }
  const std::vector<Cause> shown = causes_shown(splits);
  ReportTable t{{tr_("Variant"), tr_("Largest part")}, {}, {}, {}};
  for (Cause c : shown) {
    t.number_columns << static_cast<int>(t.header.size());
    t.header << cause_name(c);
  }
  bool from_outside = false, timestamps_only = false; // which notes the table needs
  for (const VariantResult *v : rows) {
    const CauseSplit &split = v->summary.causes;
    QString label = printable(v->label);
    if (split_known(split) == SplitKnown::lab_side) {
      const bool http = is_http_target(results, *v);
      label = tr_("%1 (%2)").arg(label, lab_side_note(http));
      (http ? from_outside : timestamps_only) = true;
    }
    const auto largest = largest_part(split);
    QStringList row{label, largest ? cause_name(*largest) : tr_("—")};
    for (Cause c : shown)
      row << (cause_known(split, c) ? share_text(shown_share(split, c)) : tr_("—"));
    t.rows << row;
  }
  t.note = tr_("Each variant's response time, summed over its finished tasks and split by "
               "cause: queued for a worker (or an executor's thread), on a core, ready but "
               "waiting for a core, blocked on a timer or a call, ready while its event loop ran "
               "another task, waiting for the GIL, and the trips to a worker process and back; "
               "unexplained is what is left. A cause under %1 in every variant is left out.")
               .arg(share_text(kCauseShownShare));
  if (from_outside)
    t.note += tr_(" Client side only: an HTTP target, whose requests the lab timed from outside; "
                  "what the server did with them is unexplained here.");
  if (timestamps_only)
    t.note += tr_(" The lab's timestamps only: the run did not read the kernel's accounting of "
                  "that variant's threads (their steps were too short to time one by one "
                  "without slowing them, its tasks ran in worker processes, or the split was "
                  "turned off).");
  if (from_outside || timestamps_only)
    t.note += tr_(" —: not seen.");
  s.blocks.push_back(std::move(t));
  return s;
}

} // namespace conlab::ui
