// The cause split (core/analysis/cause_split.h) as the desktop lab shows it: each cause's name in
// words, its colour, and which parts of a variant's split are known. The "Where the time went"
// chart, the results table and the report share them, so a cause reads and looks the same in all
// three.
#pragma once

#include "core/analysis/cause_split.h"

#include <QColor>
#include <QString>

#include <optional>
#include <vector>

namespace conlab::ui {

// A cause below this share in every variant is left out (legend, table columns, report): half a
// percent is under a pixel of most bars, and it is where the CLI's table draws the line too.
inline constexpr double kCauseShownShare = 0.005;

// "queued", "on a core", "ready, waiting for a core", ...: translated.
QString cause_name(Cause cause);
// The cause's colour in every chart, whichever variant it is in.
QColor cause_colour(Cause cause);

// How much of a variant's split the run could see.
enum class SplitKnown {
  nothing,   // no task finished, or a results file from before the split
  lab_side,  // the lab's own timestamps only (queue, GIL, hand-off), the rest all in `other`: an
             // HTTP target (the server's side), or a variant whose steps were too short to time
             // each without distorting them
  everything // the lab ran the tasks itself and read the kernel's accounting
};
SplitKnown split_known(const CauseSplit &split);
bool cause_known(const CauseSplit &split, Cause cause);
// Why a lab_side split knows so little, for a variant's label: "client side only" for an HTTP
// target, else "the lab's timestamps only".
QString lab_side_note(bool http_target);

// The share drawn and listed: 0 for a cause the run could not see, and for an `other` slightly
// below 0 (the parts are measured separately, and their rounding can exceed the response time).
double shown_share(const CauseSplit &split, Cause cause);
// The mean seconds per finished task (0 when none finished).
double seconds_per_task(const CauseSplit &split, Cause cause);

// The causes at kCauseShownShare or more in some split, in the order of kCauses.
std::vector<Cause> causes_shown(const std::vector<CauseSplit> &splits);

// What a newcomer looks for first: the largest part of the response time. `other` never counts
// (it is what the parts do not explain); seen from the lab's side only, the largest known part
// counts only when it beats the unexplained rest. None when nothing is known.
std::optional<Cause> largest_part(const CauseSplit &split);

// A share as the charts write it, in their locale: "37%", "4.2%", "0.3%", "< 0.1%", "0%".
QString share_text(double share);

} // namespace conlab::ui
